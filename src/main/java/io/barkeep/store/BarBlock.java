package io.barkeep.store;

import io.barkeep.domain.Bar;
import java.time.Instant;
import java.util.List;

/**
 * The bars of one symbol and month as one primitive array (start, open, high, low, close, volume, count, vwap per
 * bar): 64 heap bytes a bar instead of about 96 for a {@link Bar} record with its {@link Instant}, and one object
 * for the garbage collector to trace instead of two per bar. Bars are kept oldest first.
 */
final class BarBlock {
    private static final int STRIDE = 8;
    /** The array's header and the block object itself. */
    private static final int OVERHEAD_BYTES = 48;

    private final long[] cells;

    private BarBlock(long[] cells) {
        this.cells = cells;
    }

    /** A block of {@code bars} (oldest first). */
    static BarBlock of(List<Bar> bars) {
        long[] cells = new long[bars.size() * STRIDE];
        int p = 0;
        for (Bar b : bars) {
            cells[p++] = b.epochSecond();
            cells[p++] = b.open();
            cells[p++] = b.high();
            cells[p++] = b.low();
            cells[p++] = b.close();
            cells[p++] = b.volume();
            cells[p++] = b.trades();
            cells[p++] = b.vwap();
        }
        return new BarBlock(cells);
    }

    int size() {
        return cells.length / STRIDE;
    }

    /** What the block costs on the heap: the cache's weight. */
    int bytes() {
        return OVERHEAD_BYTES + cells.length * Long.BYTES;
    }

    /** Appends the bars with from <= start < to, oldest first. */
    void appendTo(List<Bar> out, long from, long to) {
        int n = size();
        for (int i = lowerBound(from); i < n; i++) {
            int p = i * STRIDE;
            long ts = cells[p];
            if (ts >= to) {
                return;
            }
            out.add(new Bar(Instant.ofEpochSecond(ts), cells[p + 1], cells[p + 2], cells[p + 3], cells[p + 4],
                    cells[p + 5], cells[p + 6], cells[p + 7]));
        }
    }

    private int lowerBound(long epochSecond) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cells[mid * STRIDE] < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
