package io.barkeep.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Background work on real threads, "FX" work at once on the calling thread: for tests of queues and cancels that
 * need work to run concurrently with the test but no toolkit.
 */
public final class PoolUiExecutor implements UiExecutor, AutoCloseable {
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-pool");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, pool);
    }

    @Override
    public synchronized void onFx(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
