package io.barkeep.sync;

import java.time.Duration;
import java.util.List;

/** The retry waits of the original design: 1, 2, 4, 8, 16 seconds, then give up for this pass. */
public final class Backoff {
    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

    private Backoff() {
    }

    /** The wait before retry number {@code retry} (0-based), or null when it is time to give up. */
    public static Duration delayBefore(int retry) {
        return retry < DELAYS.size() ? DELAYS.get(retry) : null;
    }
}
