package io.barkeep.domain;

import java.time.Instant;

/**
 * How complete and how recent one symbol's cache is, over the span it holds (first to last session).
 *
 * @param oldestBar   start of the oldest bar held, or null when nothing is held
 * @param newestBar   start of the newest bar held, or null
 * @param lastChecked when a source last answered for this symbol, or null
 */
public record Freshness(String symbol, Instant oldestBar, Instant newestBar, long barCount, long emptyCount,
                        long expectedCount, double coveragePercent, int gapCount, Instant lastChecked) {
}
