package io.barkeep.sync;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.Cancellation;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One updater pass over the active watchlist, without JavaFX (the desktop app wraps it in a ScheduledService,
 * {@code run} in {@link UpdaterLoop}). All symbols' requests go to one {@link Fetcher} run, highest priority
 * first, in parallel up to the source's concurrency; one symbol failing never stops the others.
 */
public final class Updater {
    /** Requests one backfill pass sends at most, so passes stay short and the schedule stays on time. */
    public static final int BACKFILL_REQUESTS_PER_PASS = 24;
    /**
     * A session the vendor answered incompletely is asked again by the night's backfill after this long: a
     * hiccup heals, and what the vendor truly lacks costs a request an hour at most.
     */
    public static final Duration RECHECK_AFTER = Duration.ofHours(1);
    /** A backup is due when the newest is older than this (a little under a day: the pass time drifts). */
    static final Duration DAILY = Duration.ofHours(20);
    /** How far back an update pass looks for holes in the latest sessions. */
    static final int UPDATE_LOOKBACK_SESSIONS = 5;

    private final MarketData data;
    private final int retainDays;
    private final int backupKeep;
    private ActionSync actions;

    public Updater(MarketData data, int retainDays) {
        this(data, retainDays, io.barkeep.store.Backups.DEFAULT_KEEP);
    }

    /** @param backupKeep how many daily backups the after-close pass keeps */
    public Updater(MarketData data, int retainDays, int backupKeep) {
        this.data = data;
        this.retainDays = retainDays;
        this.backupKeep = backupKeep;
    }

    /** Makes the after-close pass also refresh the splits and dividends of the active symbols. */
    public Updater withActions(ActionSync sync) {
        this.actions = sync;
        return this;
    }

    /** What a pass did. {@code moreToDo} is true when a backfill pass stopped at its request budget. */
    public record PassResult(UpdaterSchedule.PassKind kind, int symbols, SyncResult sync, boolean moreToDo) {
        /** Whether the pass wrote new or changed bars, no-trade intervals, revisions or refused rows. */
        public boolean changedData() {
            return sync.barsChanged() > 0 || sync.emptyBars() > 0 || sync.revisions() > 0 || sync.quarantined() > 0;
        }
    }

    public PassResult run(UpdaterSchedule.PassKind kind, Cancellation cancel) {
        return switch (kind) {
            case UPDATE -> update(cancel);
            case REVISION -> revise(cancel);
            case BACKFILL -> backfill(cancel);
        };
    }

    /** Brings the latest sessions of every active symbol up to the last closed bar. */
    public PassResult update(Cancellation cancel) {
        CacheEngine engine = data.engine();
        Instant now = engine.clock().instant();
        List<WatchlistEntry> active = engine.watchlist().active();
        LocalDate today = now.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate from = sessionsBack(engine.bars().calendar(), today, UPDATE_LOOKBACK_SESSIONS);
        List<FetchRequest> requests = new ArrayList<>();
        LedgerSnapshot before = new LedgerSnapshot(engine);
        for (WatchlistEntry w : active) {
            requests.addAll(data.plan(w.symbol(), from, today, Duration.ZERO, before));
        }
        SyncResult result = data.run(requests, before, SyncProgress.NONE, cancel);
        for (WatchlistEntry w : active) {
            engine.watchlist().markUpdated(w.symbol(), now);
        }
        return new PassResult(UpdaterSchedule.PassKind.UPDATE, active.size(), result, false);
    }

    /** Re-fetches the last two sessions once after the close; the fetcher logs every bar that changed. */
    public PassResult revise(Cancellation cancel) {
        CacheEngine engine = data.engine();
        Instant now = engine.clock().instant();
        TradingCalendar calendar = engine.bars().calendar();
        List<WatchlistEntry> active = engine.watchlist().active();
        List<Session> latest = new ArrayList<>();
        calendar.latestSessionStartedBy(now).filter(s -> !s.close().isAfter(now)).ifPresent(latest::add);
        if (!latest.isEmpty()) {
            calendar.previousSessionBefore(latest.get(0).date()).ifPresent(latest::add);
        }
        if (actions != null) {
            // once a day, before the bars, so a known split's jump is never flagged as a suspected one
            actions.refresh(active.stream().map(WatchlistEntry::symbol).toList(), Retention.cutoff(now, retainDays),
                    now.atZone(Session.NEW_YORK).toLocalDate());
        }
        List<FetchRequest> requests = new ArrayList<>();
        for (WatchlistEntry w : active) {
            latest.forEach(s -> requests.add(new FetchRequest(w.symbol(), s.date(), s.date())));
        }
        SyncResult result = data.run(requests, new LedgerSnapshot(engine), SyncProgress.NONE, cancel);
        markUpdated(requests, result, now);
        // The daily online backup rides on the once-a-day after-close pass (DESIGN point 10).
        engine.database().backups().takeIfDue(engine.database(), backupKeep, engine.clock(), DAILY);
        return new PassResult(UpdaterSchedule.PassKind.REVISION, active.size(), result, false);
    }

    /** Fills holes in the retention window, newest-added symbols first, up to a request budget per pass. */
    public PassResult backfill(Cancellation cancel) {
        CacheEngine engine = data.engine();
        Instant now = engine.clock().instant();
        LocalDate today = now.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate from = Retention.cutoff(now, retainDays);
        List<WatchlistEntry> active = new ArrayList<>(engine.watchlist().active());
        active.sort(Comparator.comparing(WatchlistEntry::addedAt).reversed());
        List<FetchRequest> requests = new ArrayList<>();
        LedgerSnapshot before = new LedgerSnapshot(engine);
        for (WatchlistEntry w : active) {
            if (requests.size() >= BACKFILL_REQUESTS_PER_PASS) {
                break;
            }
            // Newest months first: recent history is what a trader looks at first.
            List<FetchRequest> planned = new ArrayList<>(data.plan(w.symbol(), from, today, RECHECK_AFTER, before));
            java.util.Collections.reverse(planned);
            requests.addAll(planned);
        }
        boolean more = requests.size() > BACKFILL_REQUESTS_PER_PASS;
        List<FetchRequest> batch = requests.subList(0, Math.min(requests.size(), BACKFILL_REQUESTS_PER_PASS));
        SyncResult result = data.run(new ArrayList<>(batch), before, SyncProgress.NONE, cancel);
        markUpdated(batch, result, now);
        // Requests given up are planned again by the next window's passes, not retried all night long.
        return new PassResult(UpdaterSchedule.PassKind.BACKFILL, active.size(), result, more);
    }

    /** Symbols every request of which was answered count as updated now. */
    private void markUpdated(List<FetchRequest> requests, SyncResult result, Instant now) {
        requests.stream().map(FetchRequest::symbol).distinct()
                .filter(s -> result.failures().stream().noneMatch(f -> f.startsWith(s + " ")))
                .forEach(s -> data.engine().watchlist().markUpdated(s, now));
    }

    private static LocalDate sessionsBack(TradingCalendar calendar, LocalDate today, int sessions) {
        LocalDate d = today;
        for (int i = 0; i < sessions; i++) {
            d = calendar.previousSessionBefore(d).map(Session::date).orElse(d.minusDays(1));
        }
        return d;
    }
}
