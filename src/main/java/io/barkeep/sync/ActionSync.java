package io.barkeep.sync;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.ActionSource;
import io.barkeep.source.SourceException;
import io.barkeep.source.simulated.SimulatedActions;
import io.barkeep.source.thetadata.ThetaV2Actions;
import io.barkeep.store.ActionRepository.StoreResult;
import io.barkeep.store.CacheEngine;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks an {@link ActionSource} for the splits and dividends of some symbols and stores them. When the source
 * cannot answer at all (the v2 port is closed, the tier is too low) it says so once, as one
 * {@value #UNAVAILABLE} event, and stops asking: bars and the other sources of actions carry on. Once means once
 * per outage: the daily pass and each backfill meeting the same closed port add nothing more until the source
 * answers again, which is one {@value #RESTORED} event.
 */
public final class ActionSync {
    /** The safety event kind of "no actions from this source now". */
    public static final String UNAVAILABLE = "actions_unavailable";
    /** The safety event kind of "this source answers again" after an {@value #UNAVAILABLE}. */
    public static final String RESTORED = "actions_restored";

    private final CacheEngine engine;
    private final ActionSource source;

    public ActionSync(CacheEngine engine, ActionSource source) {
        this.engine = engine;
        this.source = source;
    }

    /**
     * The action source that goes with a bar source: the simulated schedule for {@code demo}, the terminal's v2
     * surface for every ThetaData source.
     *
     * @param v2Url the v2 surface's root, or null for http://127.0.0.1:25510
     */
    public static ActionSource forSource(String sourceName, String v2Url, TradingCalendar calendar, Clock clock) {
        return Sources.isSimulated(sourceName) ? new SimulatedActions(calendar, clock)
                : new ThetaV2Actions(v2Url == null || v2Url.isBlank() ? ThetaV2Actions.DEFAULT_ROOT : URI.create(v2Url));
    }

    /** Fetches and stores the actions of {@code symbols} with from <= ex-date <= to. */
    public Result refresh(List<String> symbols, LocalDate from, LocalDate to) {
        int added = 0;
        int corrected = 0;
        int unchanged = 0;
        List<String> failures = new ArrayList<>();
        boolean answered = false;
        for (String symbol : symbols) {
            Instant now = engine.clock().instant();
            try {
                List<CorporateAction> found = source.actions(symbol, from, to, now);
                StoreResult r = engine.actions().store(found);
                added += r.added();
                corrected += r.corrected();
                unchanged += r.unchanged();
                answered = true;
            } catch (SourceException e) {
                String line = "no splits or dividends from " + source.actionSource() + ": " + e.getMessage();
                boolean whole = e.kind() == SourceException.Kind.FATAL
                        || e.kind() == SourceException.Kind.UNAVAILABLE;
                failures.add(whole ? line : symbol + ": " + line);
                if (!whole) {
                    engine.events().record(new SafetyEvent(now, UNAVAILABLE, symbol, source.actionSource(), null,
                            null, symbol + ": " + line));
                    continue;
                }
                if (!outage()) {
                    engine.events().record(new SafetyEvent(now, UNAVAILABLE, null, source.actionSource(), null, null,
                            line));
                }
                return new Result(added, corrected, unchanged, List.copyOf(failures));
            }
        }
        if (answered && outage()) {
            engine.events().record(new SafetyEvent(engine.clock().instant(), RESTORED, null, source.actionSource(),
                    null, null, "splits and dividends from " + source.actionSource() + " answer again"));
        }
        return new Result(added, corrected, unchanged, List.copyOf(failures));
    }

    /** Whether the newest word on this whole source is {@value #UNAVAILABLE} (not {@value #RESTORED}). */
    private boolean outage() {
        return engine.events().latestOfSource(source.actionSource(), UNAVAILABLE, RESTORED)
                .filter(e -> e.kind().equals(UNAVAILABLE)).isPresent();
    }

    /** What a refresh stored, and the lines to show for what failed. */
    public record Result(int added, int corrected, int unchanged, List<String> failures) {
    }
}
