package io.barkeep.sync;

import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the updater on its schedule on one named daemon thread, for a headless machine ({@code barkeep run}).
 * A failed pass is retried a minute later; a backfill pass that found nothing left skips the rest of its window.
 */
public final class UpdaterLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdaterLoop.class);

    /** Hears what the loop does (the command line prints it). */
    public interface Listener {
        void planned(Planned next);

        void finished(Updater.PassResult result);

        void failed(UpdaterSchedule.PassKind kind, String message, Instant retryAt);
    }

    private final Updater updater;
    private final UpdaterSchedule schedule;
    private final Clock clock;
    private final Listener listener;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "barkeep-updater");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean cancel = new AtomicBoolean();
    private volatile ScheduledFuture<?> pending;

    public UpdaterLoop(Updater updater, UpdaterSchedule schedule, Clock clock, Listener listener) {
        this.updater = updater;
        this.schedule = schedule;
        this.clock = clock;
        this.listener = listener;
    }

    public void start() {
        plan(schedule.next(clock.instant()));
    }

    private void plan(Planned next) {
        listener.planned(next);
        long delayMs = Math.max(0, Duration.between(clock.instant(), next.at()).toMillis());
        pending = thread.schedule(() -> runPass(next), delayMs, TimeUnit.MILLISECONDS);
    }

    private void runPass(Planned planned) {
        if (cancel.get()) {
            return;
        }
        try {
            Updater.PassResult result = updater.run(planned.kind(), cancel);
            listener.finished(result);
            Instant now = clock.instant();
            if (planned.kind() == UpdaterSchedule.PassKind.BACKFILL && result.moreToDo()
                    && schedule.inBackfillWindow(now)) {
                plan(new Planned(now, UpdaterSchedule.PassKind.BACKFILL));
            } else if (planned.kind() == UpdaterSchedule.PassKind.BACKFILL && schedule.inBackfillWindow(now)) {
                // Nothing left now: look again in an hour (incomplete answers are re-asked), or at the window's end.
                Instant recheck = now.plus(Updater.RECHECK_AFTER);
                Planned after = schedule.next(schedule.backfillWindowEnd(now));
                plan(schedule.inBackfillWindow(recheck) && recheck.isBefore(after.at())
                        ? new Planned(recheck, UpdaterSchedule.PassKind.BACKFILL) : after);
            } else {
                plan(schedule.next(now));
            }
        } catch (RuntimeException e) {
            LOG.warn("{} pass failed", planned.kind(), e);
            Instant retry = clock.instant().plus(UpdaterSchedule.RETRY_AFTER_FAILURE);
            listener.failed(planned.kind(), e.getMessage(), retry);
            if (!cancel.get()) {
                plan(new Planned(retry, planned.kind()));
            }
        }
    }

    @Override
    public void close() {
        cancel.set(true);
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        thread.shutdownNow();
    }
}
