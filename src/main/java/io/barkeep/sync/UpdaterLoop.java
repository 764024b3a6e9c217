package io.barkeep.sync;

import io.barkeep.source.Cancellation;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the updater on one named daemon thread, for a headless machine ({@code barkeep run}): each pass when
 * {@link UpdaterPolicy} plans it. Closing aborts the running pass's request in flight.
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
    private final UpdaterPolicy policy;
    private final Clock clock;
    private final Listener listener;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "barkeep-updater");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    // the running pass's token: close() aborts its request in flight
    private volatile Cancellation current = Cancellation.none();
    private volatile ScheduledFuture<?> pending;

    public UpdaterLoop(Updater updater, UpdaterSchedule schedule, Clock clock, Listener listener) {
        this.updater = updater;
        this.policy = new UpdaterPolicy(schedule);
        this.clock = clock;
        this.listener = listener;
    }

    public void start() {
        plan(policy.first(clock.instant()));
    }

    private void plan(Planned next) {
        if (closed) {
            return;
        }
        listener.planned(next);
        long delayMs = Math.max(0, Duration.between(clock.instant(), next.at()).toMillis());
        pending = thread.schedule(() -> runPass(next), delayMs, TimeUnit.MILLISECONDS);
    }

    private void runPass(Planned planned) {
        if (closed) {
            return;
        }
        Cancellation cancel = new Cancellation();
        current = cancel;
        try {
            Updater.PassResult result = updater.run(planned.kind(), cancel);
            listener.finished(result);
            plan(policy.afterSuccess(planned, result.moreToDo(), clock.instant()));
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            LOG.warn("{} pass failed", planned.kind(), e);
            Planned retry = policy.afterFailure(planned, clock.instant());
            listener.failed(planned.kind(), e.getMessage(), retry.at());
            plan(retry);
        }
    }

    @Override
    public void close() {
        closed = true;
        current.cancel();
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
        thread.shutdownNow();
    }
}
