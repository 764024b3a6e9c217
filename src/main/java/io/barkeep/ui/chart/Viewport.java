package io.barkeep.ui.chart;

/**
 * Which slots the chart shows: {@code count} slots from the (fractional) slot {@code first} at the left edge.
 * Independent of pixels, so the view model can own it and tests can reason about it; the chart maps it to x
 * with the plot's width. Every operation returns a viewport clamped to the data: at least {@link #MIN_COUNT}
 * slots, at most all of them with the right margin, and no more empty room than the small margins at either end,
 * so zooming out fills the plot with data and no drag can push all of it out of view.
 */
public record Viewport(double first, double count) {
    /** Fewer candles than this fill the screen with a few bodies and no context. */
    static final double MIN_COUNT = 10;
    /** Empty room kept right of the last candle, as a share of the view, so it does not touch the price axis. */
    static final double RIGHT_MARGIN = 0.04;
    /** Empty room allowed left of the first slot, as a share of the view: enough to see that history ends. */
    static final double LEFT_MARGIN = 0.01;
    static final Viewport NONE = new Viewport(0, 100);

    /** The first slot at least partly visible. */
    public int from() {
        return (int) Math.max(0, Math.floor(first));
    }

    /** One past the last slot at least partly visible, for data of {@code size} slots. */
    public int to(int size) {
        return (int) Math.max(0, Math.min(size, Math.ceil(first + count)));
    }

    /** Pixels one slot takes on a plot {@code width} wide. */
    public double slotWidth(double width) {
        return width / count;
    }

    /** The x of slot {@code index}'s left edge. */
    public double x(double index, double width) {
        return (index - first) * width / count;
    }

    /** The slot under {@code x} (may lie outside the data). */
    public int slotAt(double x, double width) {
        return (int) Math.floor(first + x * count / width);
    }

    /**
     * Zooms by {@code factor} (below 1 zooms in) keeping the slot under {@code anchor} (0 = left edge,
     * 1 = right edge) where it is.
     */
    public Viewport zoom(double factor, double anchor, int size) {
        double at = first + anchor * count;
        double c = clampCount(count * factor, size);
        return new Viewport(at - anchor * c, c).clamp(size);
    }

    /** Moves by {@code slots} (positive shows later slots). */
    public Viewport pan(double slots, int size) {
        return new Viewport(first + slots, count).clamp(size);
    }

    /** This viewport kept inside the data's bounds. */
    public Viewport clamp(int size) {
        double c = clampCount(count, size);
        double lowest = -c * LEFT_MARGIN;
        double highest = size - c * (1 - RIGHT_MARGIN);
        if (highest <= lowest) {
            // Fewer slots than the view holds: the newest sits at the right edge, as traders expect.
            return new Viewport(highest, c);
        }
        return new Viewport(Math.max(lowest, Math.min(highest, first)), c);
    }

    /** Whether the right edge is at or past the last slot: new bars should keep it there. */
    public boolean showsEnd(int size) {
        return first + count >= size - 0.5;
    }

    /** The last {@code count} slots, with a small margin after the last. */
    static Viewport atEnd(int size, double count) {
        double c = clampCount(count, size);
        return new Viewport(size - c * (1 - RIGHT_MARGIN), c).clamp(size);
    }

    /** The first {@code count} slots. */
    static Viewport atStart(int size, double count) {
        return new Viewport(0, count).clamp(size);
    }

    /** {@code count} slots centred on the (fractional) slot {@code center}. */
    static Viewport around(double center, double count, int size) {
        double c = clampCount(count, size);
        return new Viewport(center - c / 2, c).clamp(size);
    }

    /** Every slot, the newest at the right with its margin. */
    static Viewport fit(int size) {
        return atEnd(size, Double.MAX_VALUE);
    }

    /** The widest view of {@code size} slots: all of them plus the margins, which zooming out stops at. */
    static double maxCount(int size) {
        return Math.max(MIN_COUNT, size / (1 - RIGHT_MARGIN - LEFT_MARGIN));
    }

    private static double clampCount(double count, int size) {
        return Math.max(MIN_COUNT, Math.min(maxCount(size), count));
    }
}
