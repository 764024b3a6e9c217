package io.barkeep.sync;

import io.barkeep.source.Cancellation;
import java.time.Duration;

/** Waits between retries, waking at once when the work is cancelled. Tests pass one that records the waits. */
@FunctionalInterface
public interface Sleeper {
    /** Really waits, until the time passed or the work was cancelled. */
    Sleeper REAL = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }

        @Override
        public void sleep(Duration duration, Cancellation cancel) throws InterruptedException {
            cancel.sleep(duration);
        }
    };

    /** Waits {@code duration}, not cancellable (a recording sleeper in tests needs only this). */
    void sleep(Duration duration) throws InterruptedException;

    /** Waits {@code duration}, or less when {@code cancel} is cancelled meanwhile. */
    default void sleep(Duration duration, Cancellation cancel) throws InterruptedException {
        if (!cancel.isCancelled()) {
            sleep(duration);
        }
    }
}
