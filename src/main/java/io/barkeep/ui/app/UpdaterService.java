package io.barkeep.ui.app;

import io.barkeep.source.Cancellation;
import io.barkeep.sync.Updater;
import io.barkeep.sync.UpdaterPolicy;
import io.barkeep.sync.UpdaterSchedule;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;

/**
 * The updater in the desktop app: a {@link ScheduledService} that runs each pass when {@link UpdaterPolicy} plans
 * it, the same policy {@code barkeep run} follows (so an idle night or weekend is one pass an hour). The pass runs
 * on the given executor with a token of its own: {@link #cancelPass()} aborts it and the service goes on. Only
 * a pass that changed cached data calls {@code onDataChanged}.
 */
public final class UpdaterService extends ScheduledService<Updater.PassResult> {
    private final AppServices services;
    private final Runnable onDataChanged;
    private final ReadOnlyObjectWrapper<Planned> next = new ReadOnlyObjectWrapper<>();
    private final AtomicInteger passes = new AtomicInteger();
    private volatile Cancellation current = Cancellation.none();

    /**
     * @param onDataChanged run on the FX thread after a pass that wrote, changed or refused bars
     */
    public UpdaterService(AppServices services, Executor executor, Runnable onDataChanged) {
        this.services = services;
        this.onDataChanged = onDataChanged;
        setExecutor(executor);
        setRestartOnFailure(true);
        setMaximumFailureCount(Integer.MAX_VALUE);
        // called by super.failed() after failed() planned the retry
        setBackoffStrategy(s -> untilNext());
        // The status bar and the dashboard show this plan, not one of their own.
        next.addListener((o, before, now) -> services.publishNextPass(now));
        next.set(policy().first(services.clock().instant()));
        setDelay(untilNext());
    }

    private UpdaterPolicy policy() {
        return services.updaterPolicy();
    }

    private javafx.util.Duration untilNext() {
        long ms = Math.max(0, Duration.between(services.clock().instant(), next.get().at()).toMillis());
        return javafx.util.Duration.millis(Math.max(1, ms));
    }

    @Override
    protected Task<Updater.PassResult> createTask() {
        UpdaterSchedule.PassKind kind = next.get().kind();
        Cancellation cancel = new Cancellation();
        current = cancel;
        return new Task<>() {
            @Override
            protected Updater.PassResult call() {
                passes.incrementAndGet();
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
        Updater.PassResult result = getValue();
        // ScheduledService reads the period inside super.succeeded(): plan before handing over.
        next.set(policy().afterSuccess(next.get(), result.moreToDo(), services.clock().instant()));
        setPeriod(untilNext());
        super.succeeded();
        if (result.changedData()) {
            onDataChanged.run();
        }
    }

    @Override
    protected void failed() {
        next.set(policy().afterFailure(next.get(), services.clock().instant()));
        super.failed();
    }

    /** Aborts the pass running now, if any (its request in flight too); the next pass runs as planned. */
    public void cancelPass() {
        current.cancel();
    }

    @Override
    public boolean cancel() {
        current.cancel();
        return super.cancel();
    }

    /** The pass planned next. */
    public ReadOnlyObjectProperty<Planned> nextProperty() {
        return next.getReadOnlyProperty();
    }

    /** How many passes this service has started. */
    public int passesStarted() {
        return passes.get();
    }
}
