package io.barkeep.ui.chart;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** Draws the studies of a frame: the overlays on the price pane and RSI or MACD in the lower pane. */
final class StudyPainter {
    private static final double RSI_HIGH = 70;
    private static final double RSI_LOW = 30;

    private StudyPainter() {
    }

    /** The price range {@code range} (ticks) widened to take in the overlays visible in from..to. */
    static long[] widen(long[] range, StudyLines s, int from, int to) {
        double lo = range[0];
        double hi = range[1];
        if (lo > hi) {
            // No candle in view: the overlays alone do not make a price scale.
            return range;
        }
        for (double[] line : new double[][] {s.sma, s.ema, s.vwap, s.upper, s.lower}) {
            for (int i = Math.max(0, from); i < Math.min(to, line.length); i++) {
                if (!Double.isNaN(line[i])) {
                    lo = Math.min(lo, line[i]);
                    hi = Math.max(hi, line[i]);
                }
            }
        }
        return new long[] {(long) Math.floor(lo), (long) Math.ceil(hi)};
    }

    static void overlays(GraphicsContext g, StudyLines s, int from, int to, ChartPainter.Frame f, ChartPalette p) {
        g.setLineWidth(1.2);
        g.setLineDashes((double[]) null);
        line(g, s.upper, from, to, f, p.bands(), f::y);
        line(g, s.lower, from, to, f, p.bands(), f::y);
        g.setLineDashes(3, 3);
        line(g, s.middle, from, to, f, p.bands(), f::y);
        g.setLineDashes((double[]) null);
        g.setLineWidth(1.5);
        line(g, s.vwap, from, to, f, p.vwap(), f::y);
        line(g, s.sma, from, to, f, p.sma(), f::y);
        line(g, s.ema, from, to, f, p.ema(), f::y);
        g.setLineWidth(1);
    }

    static void lowerPane(GraphicsContext g, StudyLines s, ChartOptions.Lower pane, int from, int to,
                          ChartPainter.Frame f, ChartPalette p) {
        ChartLayout l = f.layout();
        if (!l.hasLowerPane() || pane == ChartOptions.Lower.NONE) {
            return;
        }
        g.setFill(p.separator());
        g.fillRect(0, Math.floor(l.lowerTop()) - 4, l.plotWidth(), 1);
        g.setLineWidth(1.3);
        if (pane == ChartOptions.Lower.RSI) {
            Scale scale = new Scale(l, 0, 100);
            g.setFill(p.grid());
            g.fillRect(0, Math.floor(scale.y(RSI_HIGH)), l.plotWidth(), 1);
            g.fillRect(0, Math.floor(scale.y(RSI_LOW)), l.plotWidth(), 1);
            line(g, s.rsi, from, to, f, p.sma(), scale::y);
        } else {
            double max = 1e-9;
            for (double[] a : new double[][] {s.macd, s.signal, s.histogram}) {
                for (int i = Math.max(0, from); i < Math.min(to, a.length); i++) {
                    if (!Double.isNaN(a[i])) {
                        max = Math.max(max, Math.abs(a[i]));
                    }
                }
            }
            Scale scale = new Scale(l, -max * 1.1, max * 1.1);
            double zero = Math.floor(scale.y(0));
            g.setFill(p.grid());
            g.fillRect(0, zero, l.plotWidth(), 1);
            double w = l.plotWidth();
            double bar = Math.max(1, Math.floor(f.viewport().slotWidth(w) * 0.6));
            for (int i = Math.max(0, from); i < Math.min(to, s.histogram.length); i += step(from, to, w)) {
                double h = s.histogram[i];
                if (!Double.isNaN(h)) {
                    g.setFill(h >= 0 ? p.up() : p.down());
                    double y = Math.floor(scale.y(h));
                    g.fillRect(Math.floor(f.viewport().x(i + 0.5, w) - bar / 2), Math.min(y, zero), bar,
                            Math.max(1, Math.abs(zero - y)));
                }
            }
            line(g, s.macd, from, to, f, p.sma(), scale::y);
            line(g, s.signal, from, to, f, p.ema(), scale::y);
        }
        g.setLineWidth(1);
    }

    /** The lower pane's name and levels on the axis. */
    static void lowerLabels(GraphicsContext g, ChartOptions.Lower pane, ChartPainter.Frame f, ChartPalette p) {
        ChartLayout l = f.layout();
        if (!l.hasLowerPane() || pane == ChartOptions.Lower.NONE) {
            return;
        }
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        String name = pane == ChartOptions.Lower.RSI
                ? String.format(Locale.ROOT, "RSI %d", ChartOptions.RSI_PERIOD)
                : String.format(Locale.ROOT, "MACD %d %d %d", ChartOptions.MACD_FAST, ChartOptions.MACD_SLOW,
                        ChartOptions.MACD_SIGNAL);
        g.fillText(name, 6, l.lowerTop() + 2);
        if (pane == ChartOptions.Lower.RSI) {
            Scale scale = new Scale(l, 0, 100);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("70", l.plotWidth() + 8, scale.y(RSI_HIGH));
            g.fillText("30", l.plotWidth() + 8, scale.y(RSI_LOW));
        }
    }

    /** A polyline through the slots' centres, broken wherever the line has no value. */
    private static void line(GraphicsContext g, double[] values, int from, int to, ChartPainter.Frame f, Paint colour,
                             java.util.function.DoubleUnaryOperator y) {
        double w = f.layout().plotWidth();
        int step = step(from, to, w);
        g.setStroke(colour);
        g.beginPath();
        boolean open = false;
        for (int i = Math.max(0, from); i < Math.min(to, values.length); i += step) {
            double v = values[i];
            if (Double.isNaN(v)) {
                open = false;
                continue;
            }
            double x = f.viewport().x(i + 0.5, w);
            if (open) {
                g.lineTo(x, y.applyAsDouble(v));
            } else {
                g.moveTo(x, y.applyAsDouble(v));
                open = true;
            }
        }
        g.stroke();
    }

    /** Zoomed far out, one point per pixel column is all a line can show. */
    private static int step(int from, int to, double width) {
        return Math.max(1, (int) ((to - from) / Math.max(1, width)));
    }

    /** A linear value scale over the lower pane. */
    private record Scale(ChartLayout l, double min, double max) {
        double y(double v) {
            double top = l.lowerTop() + 4;
            return l.lowerBottom() - (v - min) / (max - min) * (l.lowerBottom() - top);
        }
    }
}
