package io.barkeep.domain;

import java.time.Instant;

/**
 * A 5-minute interval the vendor answered with {@code count == 0}: no trade happened. An answer, not a hole,
 * so the coverage ledger counts it apart from missing bars. It has no prices, only the session's cumulative
 * VWAP the vendor carries on such bars.
 *
 * @param start the interval's start
 * @param vwap  the session's cumulative VWAP at this interval in ticks, or {@link Bar#UNKNOWN}
 */
public record EmptyBar(Instant start, long vwap) {

    public long epochSecond() {
        return start.getEpochSecond();
    }
}
