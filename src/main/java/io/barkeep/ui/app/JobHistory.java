package io.barkeep.ui.app;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.SyncResult;
import io.barkeep.sync.Unfilled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The finished backfill jobs of this session, newest first (a short history: symbols, range, filled, still
 * missing, failed), the last one for the status bar's notice, and each one recorded in {@code safety_events} so
 * the Events view lists it with everything else that happened.
 */
public final class JobHistory {
    /** Jobs kept in the history. */
    static final int KEEP = 20;
    /** The safety event kinds of a finished backfill job. */
    public static final String DONE = "backfill_done";
    public static final String INCOMPLETE = "backfill_incomplete";
    public static final String FAILED = "backfill_failed";
    private static final Logger LOG = LoggerFactory.getLogger(JobHistory.class);

    /**
     * One finished job.
     *
     * @param filled   bars written
     * @param unfilled what the range still lacks afterwards (null when the job failed before it could tell)
     * @param failed   requests given up
     * @param error    why the job stopped, or null when it ran to its end
     */
    public record Entry(Instant at, String title, List<String> symbols, LocalDate from, LocalDate to, long filled,
                        Unfilled unfilled, int failed, String error) {
        String kind() {
            return error != null || failed > 0 ? FAILED : unfilled != null && !unfilled.none() ? INCOMPLETE : DONE;
        }

        /** One line: what, over which range, and how it ended. */
        public String text() {
            // The outcome first: in the status bar the end of a long line is what gives way.
            String what = " \u2014 " + String.join(" ", symbols.subList(0, Math.min(symbols.size(), 6)))
                    + (symbols.size() > 6 ? " +" + (symbols.size() - 6) : "") + " " + from + ".." + to;
            if ("cancelled".equals(error)) {
                return "Backfill cancelled" + what;
            }
            if (error != null) {
                return "Backfill failed: " + io.barkeep.ui.settings.AppTerms.of(error) + " (check the terminal, or choose another source in Settings)"
                        + what;
            }
            return "Backfill: " + String.format("%,d", filled) + " bars filled, "
                    + (unfilled == null ? "" : unfilled.text())
                    + (failed > 0 ? ", " + failed + " requests failed (see Events)" : "") + what;
        }
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Entry> last = new ReadOnlyObjectWrapper<>();

    /** Records a finished job in the database's events (call off the FX thread); the entry to show. */
    static Entry finished(CacheEngine engine, String source, String title, List<String> symbols, LocalDate from,
                          LocalDate to, SyncResult result, String error) {
        Unfilled unfilled = null;
        try {
            unfilled = Unfilled.of(engine, symbols, from, to);
        } catch (RuntimeException e) {
            LOG.warn("cannot read what {} left unfilled", title, e);
        }
        Entry entry = new Entry(engine.clock().instant(), title, List.copyOf(symbols), from, to,
                result == null ? 0 : result.barsWritten(), unfilled, result == null ? 0 : result.failures().size(),
                error);
        try {
            engine.events().record(new SafetyEvent(entry.at(), entry.kind(), symbols.size() == 1 ? symbols.get(0)
                    : null, source, from.atStartOfDay(Session.NEW_YORK).toInstant(),
                    to.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant(), title + ": " + entry.text()));
        } catch (RuntimeException e) {
            LOG.warn("cannot record the end of {}", title, e);
        }
        return entry;
    }

    /** Adds a finished job; call on the FX thread. */
    void add(Entry entry) {
        entries.add(0, entry);
        if (entries.size() > KEEP) {
            entries.remove(KEEP, entries.size());
        }
        last.set(entry);
    }

    /** Newest first. */
    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ReadOnlyObjectProperty<Entry> lastProperty() {
        return last.getReadOnlyProperty();
    }
}
