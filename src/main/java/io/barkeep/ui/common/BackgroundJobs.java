package io.barkeep.ui.common;

import io.barkeep.source.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * bar binds to. Jobs queue behind each other: two backfills never fight over the vendor's request limit. Each job
 * has its own {@link Cancellation}, made when it is queued: cancelling the running one aborts its request in
 * flight, and {@link #cancelAll()} also drops every job still waiting (their futures fail with a
 * {@link CancellationException}).
 */
public final class BackgroundJobs {
    private final UiExecutor ui;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper(0);
    // the tokens of the jobs queued or running, oldest first; guarded by this
    private final List<Cancellation> waiting = new ArrayList<>();
    private volatile Cancellation current = Cancellation.none();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    public BackgroundJobs(UiExecutor ui) {
        this.ui = ui;
    }

    /** What a job reports while it runs; {@code cancel} is its token, to hand to whatever can wait. */
    public interface Job<T> {
        T run(Progress progress, Cancellation cancel) throws Exception;
    }

    /** Progress a job reports from its own thread. */
    public interface Progress {
        void update(long done, long total, String message);
    }

    /** Queues {@code job}; the future completes (off the FX thread) when it has run or was cancelled unrun. */
    public synchronized <T> CompletableFuture<T> submit(String jobTitle, Job<T> job) {
        Cancellation cancel = new Cancellation();
        waiting.add(cancel);
        ui.onFx(() -> queued.set(queued.get() + 1));
        CompletableFuture<T> next = tail.handle((x, e) -> null).thenCompose(x -> ui.supply(() -> {
            current = cancel;
            ui.onFx(() -> queued.set(queued.get() - 1));
            try {
                if (cancel.isCancelled()) {
                    throw new CancellationException(jobTitle + " was cancelled before it started");
                }
                ui.onFx(() -> {
                    title.set(jobTitle);
                    message.set("");
                    progress.set(-1);
                    running.set(true);
                });
                return job.run((done, total, text) -> ui.onFx(() -> {
                    progress.set(total <= 0 ? -1 : Math.min(1, (double) done / total));
                    message.set(text);
                }), cancel);
            } finally {
                synchronized (this) {
                    waiting.remove(cancel);
                }
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

    /** Stops the running job: its request in flight is aborted and its back-off wait ends. */
    public void cancel() {
        current.cancel();
    }

    /** Stops the running job and drops every queued one. */
    public void cancelAll() {
        List<Cancellation> all;
        synchronized (this) {
            all = new ArrayList<>(waiting);
        }
        // The queued ones first, newest first: the running job, once cancelled, ends at once, and the next in line
        // must find its own token cancelled already, or it would start (and ask the vendor) in between.
        java.util.Collections.reverse(all);
        all.forEach(Cancellation::cancel);
    }

    /** Waits for every queued job (tests). */
    public void awaitIdle() {
        CompletableFuture<?> t;
        synchronized (this) {
            t = tail;
        }
        try {
            t.join();
        } catch (CompletionException | CancellationException e) {
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

    /** Jobs waiting behind the running one. */
    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }
}
