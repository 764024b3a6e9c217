package io.barkeep.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * How view models do work off the FX thread and come back to it. The app uses named daemon executors and
 * {@code Platform.runLater}; view-model tests use {@link SameThreadUiExecutor} and need no toolkit.
 */
public interface UiExecutor {

    /** Runs {@code work} in the background (database, network); the future completes off the FX thread. */
    <T> CompletableFuture<T> supply(Callable<T> work);

    /**
     * An executor for one long-lived piece of work that must not wait for a pooled thread (opening the
     * database while views may already hold pool threads waiting for it).
     */
    default java.util.concurrent.Executor dedicated(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Runs {@code action} on the FX thread (the one place a view model touches its properties from work). */
    void onFx(Runnable action);

    /**
     * Background work whose result is applied on the FX thread; failures go to {@code onError} there too. The work's
     * own thread hands the result over, after the work: so the result comes after anything the work itself passed to
     * the FX thread (a view's first rows), and never inside this call. A callback on the returned future would run
     * at once on the calling thread when the work had finished before it was attached: on the FX thread, ahead of
     * what the work had passed on (a long watchlist's whole quotes before its first rows' did so in a test run).
     */
    default <T> CompletableFuture<T> load(Callable<T> work, java.util.function.Consumer<T> apply,
                                          java.util.function.Consumer<Throwable> onError) {
        return supply(() -> {
            T value;
            try {
                value = work.call();
            } catch (Exception | Error e) {
                onFx(() -> onError.accept(e));
                throw e;
            }
            onFx(() -> apply.accept(value));
            return value;
        });
    }
}
