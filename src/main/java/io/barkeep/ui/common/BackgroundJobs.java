package io.barkeep.ui.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Long work (backfills, repairs) one job at a time off the FX thread, with progress and cancel that the status
 * bar binds to. Jobs queue behind each other: two backfills never fight over the vendor's request limit.
 */
public final class BackgroundJobs {
    private final UiExecutor ui;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper(0);
    private volatile AtomicBoolean currentCancel = new AtomicBoolean();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    public BackgroundJobs(UiExecutor ui) {
        this.ui = ui;
    }

    /** What a job reports while it runs; {@link #cancelled()} is its flag to stop at the next step. */
    public interface Job<T> {
        T run(Progress progress, AtomicBoolean cancelled) throws Exception;
    }

    /** Progress a job reports from its own thread. */
    public interface Progress {
        void update(long done, long total, String message);
    }

    /** Queues {@code job}; the future completes (off the FX thread) when it has run. */
    public synchronized <T> CompletableFuture<T> submit(String jobTitle, Job<T> job) {
        ui.onFx(() -> queued.set(queued.get() + 1));
        CompletableFuture<T> next = tail.handle((x, e) -> null).thenCompose(x -> ui.supply(() -> {
            AtomicBoolean cancel = new AtomicBoolean();
            currentCancel = cancel;
            ui.onFx(() -> {
                queued.set(queued.get() - 1);
                title.set(jobTitle);
                message.set("");
                progress.set(-1);
                running.set(true);
            });
            try {
                return job.run((done, total, text) -> ui.onFx(() -> {
                    progress.set(total <= 0 ? -1 : Math.min(1, (double) done / total));
                    message.set(text);
                }), cancel);
            } finally {
                ui.onFx(() -> {
                    running.set(false);
                    title.set("");
                    message.set("");
                    progress.set(0);
                });
            }
        }));
        tail = next;
        return next;
    }

    /** Asks the running job to stop. */
    public void cancel() {
        currentCancel.set(true);
    }

    /** Waits for every queued job (tests). */
    public void awaitIdle() {
        CompletableFuture<?> t;
        synchronized (this) {
            t = tail;
        }
        try {
            t.join();
        } catch (CompletionException e) {
            // the job's own future carries the failure
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the size of the work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }
}
