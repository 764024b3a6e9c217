package io.barkeep.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs everything at once on the caller's thread: view models under test need no toolkit and no waiting. */
public final class SameThreadUiExecutor implements UiExecutor {
    @Override
    public <T> CompletableFuture<T> supply(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public java.util.concurrent.Executor dedicated(String threadName) {
        return Runnable::run;
    }

    @Override
    public void onFx(Runnable action) {
        action.run();
    }
}
