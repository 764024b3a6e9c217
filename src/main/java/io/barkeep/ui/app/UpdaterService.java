package io.barkeep.ui.app;

import io.barkeep.source.Cancellation;
import io.barkeep.store.Database;
import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.SyncResult;
import io.barkeep.sync.Updater;
import io.barkeep.sync.UpdaterPolicy;
import io.barkeep.sync.UpdaterSchedule;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * <p>On a shared PostgreSQL cache it runs only while it holds the {@link UpdaterLock} that {@code barkeep run} takes
 * too: while another process holds it, each planned pass is skipped (the service stays idle and names the holder
 * in {@link #elsewhereProperty()}) and the lock is asked for again at the next planned pass. Once taken, it is kept
 * across passes until the service is cancelled or the app switches database.
 */
public final class UpdaterService extends ScheduledService<Updater.PassResult> {
    private final AppServices services;
    private final Runnable onDataChanged;
    private final ReadOnlyObjectWrapper<Planned> next = new ReadOnlyObjectWrapper<>();
    private final AtomicInteger passes = new AtomicInteger();
    private volatile Cancellation current = Cancellation.none();
    private final ReadOnlyObjectWrapper<UpdaterLock.Holder> elsewhere = new ReadOnlyObjectWrapper<>();
    /** Who held the lock at the last pass (null: this app did), handed from the pass thread to the FX thread. */
    private volatile UpdaterLock.Holder heldElsewhere;
    // Guarded by this: the lock this app holds, and the database it holds it on.
    private UpdaterLock lock;
    private Database lockedOn;

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
        elsewhere.addListener((o, before, now) -> services.publishUpdaterElsewhere(now));
        next.set(policy().first(services.clock().instant()));
        setDelay(untilNext());
    }

    /**
     * Starts the passes with the first one no earlier than {@code grace} from now, so the views read the database
     * before a pass competes with them for it (and for the machine's cores). The status bar shows that time.
     */
    public void start(Duration grace) {
        Instant now = services.clock().instant();
        Planned first = policy().first(now);
        Instant earliest = now.plus(grace);
        next.set(first.at().isBefore(earliest) ? new Planned(earliest, first.kind()) : first);
        setDelay(untilNext());
        start();
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
                heldElsewhere = takeLock().orElse(null);
                if (heldElsewhere != null) {
                    return new Updater.PassResult(kind, 0, new SyncResult(0, 0, 0, 0, 0, 0, 0, 0, List.of()), false);
                }
                passes.incrementAndGet();
                return new Updater(services.data(), services.settings().retainDays(),
                        services.settings().backupKeep()).withActions(services.actionSync()).run(kind, cancel);
            }
        };
    }

    /** Takes (or keeps) the updater lock of the database in force; who holds it when another process does. */
    private synchronized Optional<UpdaterLock.Holder> takeLock() {
        Database db = services.data().engine().database();
        if (lock != null && lockedOn == db) {
            return Optional.empty();
        }
        releaseLock();
        Optional<UpdaterLock> got = UpdaterLock.tryAcquire(db, UpdaterLock.thisHost(), services.clock().instant());
        if (got.isPresent()) {
            lock = got.get();
            lockedOn = db;
            return Optional.empty();
        }
        // The holder let go between the two questions: it is asked again at the next pass all the same.
        return Optional.of(UpdaterLock.holder(db).orElse(new UpdaterLock.Holder("?", services.clock().instant())));
    }

    private synchronized void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
            lockedOn = null;
        }
    }

    @Override
    protected void succeeded() {
        Updater.PassResult result = getValue();
        elsewhere.set(heldElsewhere);
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

    /**
     * For the JVM's exit, from any thread (a shutdown hook is not the FX thread, which {@link #cancel} needs): aborts
     * the pass running now and gives up the updater lock; the JVM ends, so no later pass is scheduled anyway.
     */
    public void stopForExit() {
        current.cancel();
        releaseLock();
    }

    @Override
    public boolean cancel() {
        current.cancel();
        boolean cancelled = super.cancel();
        // On the pass thread, after the pass being cancelled and before any later one (giving the lock up talks to
        // the database server, which the FX thread never waits on).
        getExecutor().execute(this::releaseLock);
        return cancelled;
    }

    /** Who runs the updater of this shared cache instead of this app (null while this app may run it). */
    public ReadOnlyObjectProperty<UpdaterLock.Holder> elsewhereProperty() {
        return elsewhere.getReadOnlyProperty();
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
