package io.barkeep.cli;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.EmptyBar;
import java.util.List;

/**
 * Counts the vendor-confirmed no-trade 5-minute intervals inside each aggregate bar, so a bucket that had a quiet
 * interval is not shown as one with a hole (12 covered of 12, one of them without trades).
 */
final class NoTradeCounter {
    private final long[] starts;

    /** @param empties the no-trade intervals of the range, oldest first */
    NoTradeCounter(List<EmptyBar> empties) {
        this.starts = empties.stream().mapToLong(EmptyBar::epochSecond).toArray();
    }

    int in(AggregateBar b) {
        return lowerBound(b.end().getEpochSecond()) - lowerBound(b.start().getEpochSecond());
    }

    private int lowerBound(long t) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
