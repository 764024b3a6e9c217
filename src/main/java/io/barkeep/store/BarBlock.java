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

    /** The bar at {@code index}, built on demand. */
    Bar bar(int index) {
        int p = index * STRIDE;
        return new Bar(Instant.ofEpochSecond(cells[p]), cells[p + 1], cells[p + 2], cells[p + 3], cells[p + 4],
                cells[p + 5], cells[p + 6], cells[p + 7]);
    }

    /**
     * The bars with from <= start < to of consecutive {@code blocks} (oldest first) as one read-only list that
     * builds each {@link Bar} when it is asked for: a cached read hands out the blocks it already holds instead of
     * copying 2,340 bars into new objects, and a caller that reads each bar once (aggregating, charting, printing)
     * keeps none of them alive.
     */
    static List<Bar> view(BarBlock[] blocks, long from, long to) {
        int[] first = new int[blocks.length];
        int[] ends = new int[blocks.length];
        int size = 0;
        for (int i = 0; i < blocks.length; i++) {
            first[i] = blocks[i].lowerBound(from);
            size += Math.max(0, blocks[i].lowerBound(to) - first[i]);
            ends[i] = size;
        }
        return new View(blocks, first, ends);
    }

    /** See {@link #view}; immutable, as the blocks are. */
    private static final class View extends java.util.AbstractList<Bar> implements java.util.RandomAccess {
        private final BarBlock[] blocks;
        /** The first index inside each block. */
        private final int[] first;
        /** The list's index just past each block's part (running sums). */
        private final int[] ends;

        View(BarBlock[] blocks, int[] first, int[] ends) {
            this.blocks = blocks;
            this.first = first;
            this.ends = ends;
        }

        @Override
        public Bar get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException("bar " + index + " of " + size());
            }
            int b = blockOf(index);
            int start = b == 0 ? 0 : ends[b - 1];
            return blocks[b].bar(first[b] + index - start);
        }

        /** The first block whose part ends after {@code index} (a binary search: a 3-year read spans 37). */
        private int blockOf(int index) {
            int lo = 0;
            int hi = ends.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[mid] <= index) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @Override
        public int size() {
            return ends.length == 0 ? 0 : ends[ends.length - 1];
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
