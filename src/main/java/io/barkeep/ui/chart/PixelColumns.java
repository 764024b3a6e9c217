package io.barkeep.ui.chart;

/**
 * The visible slots folded into pixel columns, for zoom levels where a candle would be narrower than a body
 * can be drawn: each column keeps the extremes of its slots (so no spike disappears), its first open and last
 * close (for the colour), the summed volume, and the union of their flags (so a one-bar hole still marks its
 * column). One pass over the visible slots, whatever their number.
 */
final class PixelColumns {
    final int columns;
    final long[] high;
    final long[] low;
    final long[] open;
    final long[] close;
    final long[] volume;
    final byte[] flags;

    private PixelColumns(int columns) {
        this.columns = columns;
        high = new long[columns];
        low = new long[columns];
        open = new long[columns];
        close = new long[columns];
        volume = new long[columns];
        flags = new byte[columns];
    }

    /** Folds the slots of {@code data} that {@code viewport} shows into {@code width} columns. */
    static PixelColumns fold(ChartData data, Viewport viewport, int width) {
        PixelColumns c = new PixelColumns(Math.max(0, width));
        int to = viewport.to(data.size);
        double scale = width / viewport.count();
        double first = viewport.first();
        for (int i = viewport.from(); i < to; i++) {
            int col = (int) Math.floor((i - first) * scale);
            if (col < 0 || col >= width) {
                continue;
            }
            byte f = data.flags[i];
            if ((f & ChartData.HAS_BAR) != 0) {
                if ((c.flags[col] & ChartData.HAS_BAR) == 0) {
                    c.open[col] = data.open[i];
                    c.high[col] = data.high[i];
                    c.low[col] = data.low[i];
                } else {
                    c.high[col] = Math.max(c.high[col], data.high[i]);
                    c.low[col] = Math.min(c.low[col], data.low[i]);
                }
                c.close[col] = data.close[i];
                c.volume[col] += data.volume[i];
            }
            c.flags[col] |= f;
        }
        return c;
    }

    boolean has(int col, byte flag) {
        return (flags[col] & flag) != 0;
    }

    /** Lowest low and highest high over the columns with candles. */
    long[] priceRange() {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int col = 0; col < columns; col++) {
            if ((flags[col] & ChartData.HAS_BAR) != 0) {
                lo = Math.min(lo, low[col]);
                hi = Math.max(hi, high[col]);
            }
        }
        return new long[] {lo, hi};
    }

    long maxVolume() {
        long max = 0;
        for (long v : volume) {
            max = Math.max(max, v);
        }
        return max;
    }
}
