package io.barkeep.ui.app;

import io.barkeep.sync.Updater;
import io.barkeep.sync.UpdaterSchedule;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;

/**
 * The updater in the desktop app: a {@link ScheduledService} whose next run is always the schedule's next pass
 * (every 5 minutes in a session, the revision after the close, backfill at night), retried a minute after a
 * failure. The pass runs on the given executor; only the state changes land on the FX thread.
 */
public final class UpdaterService extends ScheduledService<Updater.PassResult> {
    private final AppServices services;
    private final ReadOnlyObjectWrapper<Planned> next = new ReadOnlyObjectWrapper<>();
    private final AtomicBoolean cancel = new AtomicBoolean();

    public UpdaterService(AppServices services, Executor executor) {
        this.services = services;
        setExecutor(executor);
        setRestartOnFailure(true);
        setMaximumFailureCount(Integer.MAX_VALUE);
        setBackoffStrategy(s -> javafx.util.Duration.millis(UpdaterSchedule.RETRY_AFTER_FAILURE.toMillis()));
        planNext();
        setDelay(untilNext());
    }

    private UpdaterSchedule schedule() {
        return new UpdaterSchedule(io.barkeep.domain.NyseCalendar.load(),
                Duration.ofSeconds(services.settings().vendorDelaySeconds()));
    }

    private void planNext() {
        next.set(schedule().next(services.clock().instant()));
    }

    private javafx.util.Duration untilNext() {
        long ms = Math.max(0, Duration.between(services.clock().instant(), next.get().at()).toMillis());
        return javafx.util.Duration.millis(Math.max(1, ms));
    }

    @Override
    protected Task<Updater.PassResult> createTask() {
        UpdaterSchedule.PassKind kind = next.get().kind();
        return new Task<>() {
            @Override
            protected Updater.PassResult call() {
                return new Updater(services.data(), services.settings().retainDays(),
                        services.settings().backupKeep()).withActions(new io.barkeep.sync.ActionSync(
                        services.data().engine(), io.barkeep.sync.ActionSync.forSource(services.settings().source(),
                        services.settings().thetaV2Url(), services.data().engine().bars().calendar(),
                        services.data().engine().clock()))).run(kind, cancel);
            }
        };
    }

    @Override
    protected void succeeded() {
        // ScheduledService reads the period inside super.succeeded(): plan before handing over.
        planNext();
        setPeriod(untilNext());
        super.succeeded();
    }

    @Override
    protected void failed() {
        next.set(new Planned(Instant.now(services.clock()).plus(UpdaterSchedule.RETRY_AFTER_FAILURE),
                next.get().kind()));
        super.failed();
    }

    @Override
    public boolean cancel() {
        cancel.set(true);
        return super.cancel();
    }

    /** The pass planned next. */
    public ReadOnlyObjectProperty<Planned> nextProperty() {
        return next.getReadOnlyProperty();
    }
}
