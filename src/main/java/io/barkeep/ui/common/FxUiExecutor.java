package io.barkeep.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a named daemon pool that logs every failure; results hop to the FX thread explicitly. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);

    private final ExecutorService pool;

    public FxUiExecutor(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("uncaught failure on {}", th.getName(), e));
            return t;
        });
    }

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                LOG.warn("background work failed: {}", e.getMessage(), e);
                throw e;
            } catch (Exception e) {
                LOG.warn("background work failed: {}", e.getMessage(), e);
                throw new CompletionException(e);
            }
        }, pool);
    }

    @Override
    public void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
