package io.barkeep.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A load's result reaches the FX thread after what its work passed there itself, even when the work is done before
 * {@code load} returns (a fast read on a busy FX thread): never at once, inside the call, ahead of it.
 */
@ExtendWith(ApplicationExtension.class)
class UiExecutorLoadOrderTest {

    /** The app's hop to the FX thread, with work that is always done by the time {@code supply} returns. */
    private static final class DoneAtOnce implements UiExecutor {
        @Override
        public <T> CompletableFuture<T> supply(Callable<T> work) {
            CompletableFuture<T> done = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    done.complete(work.call());
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, "test-worker");
            worker.start();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return done;
        }

        @Override
        public void onFx(Runnable action) {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        }
    }

    @Test
    void theResultComesAfterWhatTheWorkPassedOnAndNotInsideTheCall() throws Exception {
        UiExecutor ui = new DoneAtOnce();
        List<String> order = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ui.load(() -> {
                ui.onFx(() -> order.add("first rows"));
                return "all rows";
            }, order::add, e -> order.add("failed: " + e));
            order.add("load returned");
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> order.size() == 3);

        assertEquals(List.of("load returned", "first rows", "all rows"), order);
    }
}
