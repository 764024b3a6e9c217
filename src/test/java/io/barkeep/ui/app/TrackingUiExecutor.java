package io.barkeep.ui.app;

import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.UiExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** The app's executor, counting the background reads still running, so a layout test knows when a view is filled. */
final class TrackingUiExecutor implements UiExecutor, AutoCloseable {
    private final FxUiExecutor delegate = new FxUiExecutor("test-io", 2);
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        running.incrementAndGet();
        CompletableFuture<T> f = delegate.supply(work);
        f.whenComplete((value, error) -> running.decrementAndGet());
        return f;
    }

    @Override
    public void onFx(Runnable action) {
        delegate.onFx(action);
    }

    int running() {
        return running.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
