package io.barkeep.ui.chart;

/**
 * Where the panes of a chart {@code width} x {@code height} lie: the plot (price pane above a volume pane, and
 * when a study asks for it a lower pane for RSI or MACD) on the left, the price axis on the right; under the
 * panes, a thin strip that marks what the cache lacks; the time axis at the bottom.
 */
record ChartLayout(double width, double height, double plotWidth, double priceTop, double priceBottom,
                   double volumeTop, double volumeBottom, double lowerTop, double lowerBottom, double stripTop) {
    static final double AXIS_WIDTH = 72;
    static final double TIME_HEIGHT = 22;
    static final double TOP = 12;
    static final double VOLUME_SHARE = 0.2;
    static final double LOWER_SHARE = 0.22;
    static final double PANE_GAP = 8;
    static final double STRIP = 4;

    static ChartLayout of(double width, double height) {
        return of(width, height, false);
    }

    static ChartLayout of(double width, double height, boolean lowerPane) {
        double plot = Math.max(1, width - AXIS_WIDTH);
        double stripTop = Math.max(TOP + 2, height - TIME_HEIGHT - STRIP);
        double bottom = stripTop - 2;
        double lowerHeight = lowerPane ? Math.max(0, (bottom - TOP) * LOWER_SHARE) : 0;
        double lowerTop = bottom - lowerHeight;
        double volumeBottom = lowerPane ? Math.max(TOP, lowerTop - PANE_GAP) : bottom;
        double volumeHeight = Math.max(0, (bottom - TOP) * VOLUME_SHARE * (lowerPane ? 0.75 : 1));
        double volumeTop = Math.max(TOP, volumeBottom - volumeHeight);
        double priceBottom = Math.max(TOP + 1, volumeTop - PANE_GAP);
        return new ChartLayout(width, height, plot, TOP, priceBottom, volumeTop, volumeBottom,
                lowerPane ? lowerTop : bottom, bottom, stripTop);
    }

    boolean hasLowerPane() {
        return lowerBottom > lowerTop;
    }

    boolean inPlot(double x, double y) {
        return x >= 0 && x < plotWidth && y >= priceTop && y < stripTop + STRIP;
    }
}
