package io.barkeep.sync;

import java.time.Duration;

/** Waits between retries. Tests pass one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Really waits. */
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
