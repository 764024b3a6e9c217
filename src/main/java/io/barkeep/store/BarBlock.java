package io.barkeep.store;

import io.barkeep.domain.Bar;
import java.time.Instant;
import java.util.List;

/**
 * The bars of one symbol and month as one primitive array (start, open, high, low, close, volume, count, vwap per
 * bar), oldest first. Where every value fits (any month of a price under $214,748 and a bar's volume under 2^31:
 * nearly all), the cells are ints and the start is kept as seconds after the block's first bar: 32 heap bytes a
 * bar; otherwise longs: 64 bytes. A {@link Bar} record with its {@link Instant} takes about 96, and two objects
 * for the garbage collector to trace instead of one array. Half the bytes is twice the months in the same cache
 * weight, and half the memory a cached read walks (at 50 symbols the blocks outgrow the processor's caches).
 */
final class BarBlock {
    private static final int STRIDE = 8;
    /** The array's header and the block object itself. */
    private static final int OVERHEAD_BYTES = 56;

    /** The first bar's start: {@link #narrow}'s starts are seconds after it. */
    private final long base;
    /** The cells as ints, or null when a value does not fit (then {@link #wide} holds them). */
    private final int[] narrow;
    private final long[] wide;

    private BarBlock(long base, int[] narrow, long[] wide) {
        this.base = base;
        this.narrow = narrow;
        this.wide = wide;
    }

    /** A block of {@code bars} (oldest first). */
    static BarBlock of(List<Bar> bars) {
        long base = bars.isEmpty() ? 0 : bars.get(0).epochSecond();
        int[] narrow = new int[bars.size() * STRIDE];
        int p = 0;
        for (Bar b : bars) {
            long[] row = {b.epochSecond() - base, b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades(),
                b.vwap()};
            for (long v : row) {
                if ((int) v != v) {
                    return wide(bars);
                }
                narrow[p++] = (int) v;
            }
        }
        return new BarBlock(base, narrow, null);
    }

    private static BarBlock wide(List<Bar> bars) {
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
        return new BarBlock(0, null, cells);
    }

    /** Whether the cells are ints (32 bytes a bar). */
    boolean narrow() {
        return narrow != null;
    }

    int size() {
        return (narrow != null ? narrow.length : wide.length) / STRIDE;
    }

    /** What the block costs on the heap: the cache's weight. */
    int bytes() {
        return OVERHEAD_BYTES + (narrow != null ? narrow.length * Integer.BYTES : wide.length * Long.BYTES);
    }

    /** The bar at {@code index}, built on demand (one allocation site, small enough to inline into a loop). */
    Bar bar(int index) {
        int p = index * STRIDE;
        return new Bar(Instant.ofEpochSecond(start(index)), cell(p + 1), cell(p + 2), cell(p + 3), cell(p + 4),
                cell(p + 5), cell(p + 6), cell(p + 7));
    }

    private long cell(int p) {
        int[] n = narrow;
        return n != null ? n[p] : wide[p];
    }

    private long start(int index) {
        return narrow != null ? base + narrow[index * STRIDE] : wide[index * STRIDE];
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
            if (start(mid) < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
