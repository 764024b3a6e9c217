package io.barkeep.ui.chart;

import io.barkeep.domain.Prices;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws one frame of a {@link ChartData} on a canvas: only the visible slots, as candles while a body fits,
 * otherwise as one high-low bar per pixel column ({@link PixelColumns}); a frame therefore costs about the same
 * over three years as over three days. Stateless; the {@link Frame} it returns lets the crosshair map y to price.
 */
final class ChartPainter {
    /** Below this many pixels per slot a body cannot be told from its wick: fold slots into pixel columns. */
    static final double CANDLE_MIN_WIDTH = 3;
    static final double LABEL_SPACING = 80;
    /** Day separators only while a session is wide enough that they do not paint the plot solid. */
    private static final double SEPARATOR_MIN_SESSION_WIDTH = 8;
    private static final double VOLUME_ALPHA = 0.45;
    private static final double PRICE_PADDING = 0.06;
    static final Font FONT = Font.font(Font.getDefault().getFamily(), 11);
    /** Decimals of a tick: {@link Prices#SCALE} is ten to this power. */
    private static final int TICK_DECIMALS = (int) Math.round(Math.log10(Prices.SCALE));

    private ChartPainter() {
    }

    /**
     * What a frame showed: the mapping between price and y that the crosshair needs. {@code low} and {@code high}
     * are on the price scale: ticks, or their logarithm when {@code log}.
     */
    record Frame(ChartLayout layout, Viewport viewport, double low, double high, double volumeMax, boolean priced,
                 boolean log, List<TimeAxis.Tick> ticks) {
        double y(double ticks) {
            double v = log ? Math.log(Math.max(1, ticks)) : ticks;
            return layout.priceBottom() - (v - low) / (high - low) * (layout.priceBottom() - layout.priceTop());
        }

        double price(double y) {
            double v = low + (layout.priceBottom() - y) / (layout.priceBottom() - layout.priceTop()) * (high - low);
            return log ? Math.exp(v) : v;
        }

        /** The lowest and highest price in view, in ticks. */
        double lowTicks() {
            return log ? Math.exp(low) : low;
        }

        double highTicks() {
            return log ? Math.exp(high) : high;
        }

        double volumeY(long volume) {
            double h = layout.volumeBottom() - layout.volumeTop();
            return layout.volumeBottom() - (volumeMax <= 0 ? 0 : volume / volumeMax * h);
        }
    }

    /**
     * Paints {@code data} through {@code viewport} on a canvas {@code width} x {@code height}.
     *
     * @param loadingOlder the text of the "loading older data" marker, or null when nothing is loading
     */
    static Frame paint(GraphicsContext g, ChartData data, Viewport viewport, double width, double height,
                       ChartPalette p, String loadingOlder) {
        return paint(g, data, viewport, width, height, p, loadingOlder, ChartOptions.DEFAULTS, StudyLines.NONE);
    }

    /** Paints as above, with the options' axes and the studies' lines. */
    static Frame paint(GraphicsContext g, ChartData data, Viewport viewport, double width, double height,
                       ChartPalette p, String loadingOlder, ChartOptions options, StudyLines studies) {
        g.clearRect(0, 0, width, height);
        ChartLayout layout = ChartLayout.of(width, height, options.lower() != ChartOptions.Lower.NONE);
        g.setFont(FONT);
        int from = viewport.from();
        int to = viewport.to(data.size);
        double plot = layout.plotWidth();
        PixelColumns columns = viewport.slotWidth(plot) < CANDLE_MIN_WIDTH
                ? PixelColumns.fold(data, viewport, (int) plot) : null;
        long[] range = columns != null ? columns.priceRange() : data.priceRange(from, to);
        if (studies.size() == data.size) {
            range = StudyPainter.widen(range, studies, from, to);
        }
        long volumeMax = columns != null ? columns.maxVolume() : data.maxVolume(from, to);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(data, viewport, plot, LABEL_SPACING);
        Frame f = frame(layout, viewport, range, volumeMax, options.logScale(), ticks);

        g.save();
        g.beginPath();
        g.rect(0, 0, plot, height);
        g.clip();
        if (columns != null) {
            shadeColumns(g, columns, f, p);
        } else {
            shadeSlots(g, data, from, to, f, p);
        }
        if (f.priced()) {
            ChartAxes.priceGrid(g, f, p);
        }
        ChartAxes.timeGrid(g, data, f, p, ticks, options.separators() ? SEPARATOR_MIN_SESSION_WIDTH
                : Double.MAX_VALUE);
        if (columns != null) {
            drawColumns(g, columns, f, p);
        } else {
            drawCandles(g, data, from, to, f, p);
        }
        if (studies.size() == data.size) {
            StudyPainter.overlays(g, studies, from, to, f, p);
            StudyPainter.lowerPane(g, studies, options.lower(), from, to, f, p);
        }
        g.restore();
        double lastY = ChartAxes.lastPriceY(data, f);
        if (f.priced()) {
            // Without a candle in view there is no price to scale to: no made-up axis either.
            ChartAxes.priceLabels(g, f, p, lastY);
        }
        if (studies.size() == data.size) {
            StudyPainter.lowerLabels(g, options.lower(), f, p);
        }
        ChartAxes.timeLabels(g, f, p, ticks);
        ChartAxes.lastPrice(g, data, f, p);
        if (loadingOlder != null) {
            loadingMarker(g, f, p, loadingOlder);
        }
        return f;
    }

    static Frame frame(ChartLayout layout, Viewport viewport, long[] range, long volumeMax, boolean log,
                               List<TimeAxis.Tick> ticks) {
        double lo = range[0];
        double hi = range[1];
        if (lo > hi) {
            lo = 0;
            hi = Prices.SCALE;
        } else if (hi - lo < Prices.SCALE / 100.0) {
            lo -= Prices.SCALE / 100.0;
            hi += Prices.SCALE / 100.0;
        }
        if (log) {
            lo = Math.log(Math.max(1, lo));
            hi = Math.log(Math.max(lo + 1e-6, hi));
        }
        double pad = (hi - lo) * PRICE_PADDING;
        return new Frame(layout, viewport, lo - pad, hi + pad, volumeMax, range[0] <= range[1], log, ticks);
    }

    private static void shadeSlots(GraphicsContext g, ChartData d, int from, int to, Frame f, ChartPalette p) {
        double w = f.layout().plotWidth();
        int i = from;
        while (i < to) {
            if (!d.has(i, ChartData.MISSING)) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && d.has(i, ChartData.MISSING)) {
                i++;
            }
            double x0 = Math.floor(f.viewport().x(start, w));
            double x1 = Math.max(x0 + 1, Math.floor(f.viewport().x(i, w)));
            shade(g, x0, x1, f, p.missing(), p.incomplete());
        }
        g.setFill(p.incomplete());
        g.setGlobalAlpha(0.6);
        for (int k = from; k < to; k++) {
            if (d.has(k, ChartData.INCOMPLETE)) {
                double x0 = Math.floor(f.viewport().x(k, w));
                double x1 = Math.max(x0 + 1, Math.floor(f.viewport().x(k + 1, w)));
                g.fillRect(x0, f.layout().stripTop(), x1 - x0, ChartLayout.STRIP);
            }
        }
        g.setGlobalAlpha(1);
    }

    private static void shadeColumns(GraphicsContext g, PixelColumns c, Frame f, ChartPalette p) {
        int col = 0;
        while (col < c.columns) {
            if (!c.has(col, ChartData.MISSING)) {
                col++;
                continue;
            }
            int start = col;
            while (col < c.columns && c.has(col, ChartData.MISSING)) {
                col++;
            }
            shade(g, start, col, f, p.missing(), p.incomplete());
        }
        g.setFill(p.incomplete());
        g.setGlobalAlpha(0.6);
        for (col = 0; col < c.columns; col++) {
            if (c.has(col, ChartData.INCOMPLETE) && !c.has(col, ChartData.MISSING)) {
                g.fillRect(col, f.layout().stripTop(), 1, ChartLayout.STRIP);
            }
        }
        g.setGlobalAlpha(1);
    }

    /** A missing range: a tinted band over both panes, and the strip under them in full colour. */
    private static void shade(GraphicsContext g, double x0, double x1, Frame f, Paint band, Paint strip) {
        ChartLayout l = f.layout();
        g.setFill(band);
        g.fillRect(x0, 0, x1 - x0, l.lowerBottom());
        g.setFill(strip);
        g.fillRect(x0, l.stripTop(), x1 - x0, ChartLayout.STRIP);
    }

    private static void drawCandles(GraphicsContext g, ChartData d, int from, int to, Frame f, ChartPalette p) {
        double w = f.layout().plotWidth();
        double slot = f.viewport().slotWidth(w);
        double body = Math.max(1, Math.floor(slot * 0.7));
        if (body > 2 && body % 2 == 0) {
            // Odd bodies centre on a one-pixel wick.
            body--;
        }
        double half = Math.floor(body / 2);
        for (int pass = 0; pass < 2; pass++) {
            boolean up = pass == 0;
            g.setFill(up ? p.up() : p.down());
            g.setGlobalAlpha(VOLUME_ALPHA);
            for (int i = from; i < to; i++) {
                if (d.has(i, ChartData.HAS_BAR) && (d.close[i] >= d.open[i]) == up) {
                    double vy = Math.floor(f.volumeY(d.volume[i]));
                    g.fillRect(Math.floor(f.viewport().x(i + 0.5, w)) - half, vy, body,
                            f.layout().volumeBottom() - vy);
                }
            }
            g.setGlobalAlpha(1);
            for (int i = from; i < to; i++) {
                if (d.has(i, ChartData.HAS_BAR) && (d.close[i] >= d.open[i]) == up) {
                    double cx = Math.floor(f.viewport().x(i + 0.5, w));
                    double yh = Math.floor(f.y(d.high[i]));
                    double yl = Math.ceil(f.y(d.low[i]));
                    g.fillRect(cx, yh, 1, Math.max(1, yl - yh));
                    double top = Math.floor(f.y(Math.max(d.open[i], d.close[i])));
                    double bottom = Math.floor(f.y(Math.min(d.open[i], d.close[i])));
                    g.fillRect(cx - half, top, body, Math.max(1, bottom - top));
                }
            }
        }
        markers(g, d, from, to, f, p, body, half);
    }

    /** Vendor-empty slots: a short grey dash at the last price; incomplete candles: a dot under the low. */
    private static void markers(GraphicsContext g, ChartData d, int from, int to, Frame f, ChartPalette p,
                                double body, double half) {
        double w = f.layout().plotWidth();
        double dash = Math.max(5, body + 2);
        for (int i = from; i < to; i++) {
            double cx = Math.floor(f.viewport().x(i + 0.5, w));
            if (d.has(i, ChartData.EMPTY) && d.close[i] > 0) {
                g.setFill(p.empty());
                g.fillRect(cx - Math.floor(dash / 2), Math.floor(f.y(d.close[i])) - 1, dash, 3);
            } else if (d.has(i, ChartData.INCOMPLETE)) {
                g.setFill(p.incomplete());
                double r = Math.max(2, Math.min(4, half + 1));
                g.fillOval(cx + 0.5 - r, Math.ceil(f.y(d.low[i])) + 3, 2 * r, 2 * r);
            }
        }
    }

    private static void drawColumns(GraphicsContext g, PixelColumns c, Frame f, ChartPalette p) {
        for (int pass = 0; pass < 2; pass++) {
            boolean up = pass == 0;
            g.setFill(up ? p.up() : p.down());
            g.setGlobalAlpha(VOLUME_ALPHA);
            for (int col = 0; col < c.columns; col++) {
                if (c.has(col, ChartData.HAS_BAR) && (c.close[col] >= c.open[col]) == up) {
                    double vy = Math.floor(f.volumeY(c.volume[col]));
                    g.fillRect(col, vy, 1, f.layout().volumeBottom() - vy);
                }
            }
            g.setGlobalAlpha(1);
            for (int col = 0; col < c.columns; col++) {
                if (c.has(col, ChartData.HAS_BAR) && (c.close[col] >= c.open[col]) == up) {
                    double yh = Math.floor(f.y(c.high[col]));
                    double yl = Math.ceil(f.y(c.low[col]));
                    g.fillRect(col, yh, 1, Math.max(1, yl - yh));
                }
            }
        }
    }

    private static void loadingMarker(GraphicsContext g, Frame f, ChartPalette p, String text) {
        ChartLayout l = f.layout();
        double dataStart = Math.max(0, Math.min(l.plotWidth(), f.viewport().x(0, l.plotWidth())));
        double band = Math.max(dataStart, 170);
        g.setFill(p.accent());
        g.setGlobalAlpha(0.1);
        g.fillRect(0, 0, band, l.lowerBottom());
        g.setGlobalAlpha(1);
        g.fillRect(0, 0, 3, l.lowerBottom());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, 10, l.priceTop() + 4);
    }

    /** A price in ticks as the axis and the readout print it. */
    static String price(double ticks, int decimals) {
        return Decimals.format(ticks, TICK_DECIMALS, decimals);
    }
}
