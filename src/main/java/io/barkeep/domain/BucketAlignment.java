package io.barkeep.domain;

/**
 * Where the boundaries of minute buckets fall. Both clip buckets to the session, so the first or last bucket
 * may be short (and marked partial). Irrelevant for {@code 1d} and {@code 5m}.
 */
public enum BucketAlignment {
    /**
     * Buckets start at the session open and every interval after it: 1h gives 09:30-10:30 ... 15:30-16:00
     * (short), or 12:30-13:00 (short) on an early close. The default, as most charting vendors draw it.
     */
    SESSION_OPEN,
    /**
     * Buckets start at multiples of the interval from New York midnight (wall clock): 1h gives 09:30-10:00
     * (short), 10:00-11:00 ... 15:00-16:00; 45m gives 09:30-09:45 (short), 09:45-10:30 ...
     */
    CLOCK
}
