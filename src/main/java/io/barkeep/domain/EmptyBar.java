package io.barkeep.domain;

import java.time.Instant;

/**
 * A 5-minute interval the vendor answered with {@code count == 0}: no trade happened. It is an answer, not a
 * hole, and it has no prices.
 *
 * @param vwap the session's cumulative VWAP the vendor still carries on such bars, or {@link Bar#UNKNOWN}
 */
public record EmptyBar(Instant start, long vwap) {
}
