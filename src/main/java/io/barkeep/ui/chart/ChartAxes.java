package io.barkeep.ui.chart;

import io.barkeep.domain.Prices;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/** The grid, the axes' labels and the last-price tag of a frame. */
final class ChartAxes {
    private static final double PRICE_LABEL_SPACING = 44;
    private static final double TAG_HEIGHT = 16;

    private ChartAxes() {
    }

    /** The price step of a frame's grid, in dollars. */
    static double priceStep(ChartPainter.Frame f) {
        ChartLayout l = f.layout();
        int maxTicks = Math.max(2, (int) ((l.priceBottom() - l.priceTop()) / PRICE_LABEL_SPACING));
        return PriceTicks.step((f.highTicks() - f.lowTicks()) / Prices.SCALE, maxTicks);
    }

    static void priceGrid(GraphicsContext g, ChartPainter.Frame f, ChartPalette p) {
        double step = priceStep(f) * Prices.SCALE;
        g.setFill(p.grid());
        for (double v = Math.ceil(f.lowTicks() / step) * step; v <= f.highTicks(); v += step) {
            g.fillRect(0, Math.floor(f.y(v)), f.layout().plotWidth(), 1);
        }
    }

    /** Vertical lines at the labelled times, and a separator at each session's open while there is room. */
    static void timeGrid(GraphicsContext g, ChartData d, ChartPainter.Frame f, ChartPalette p,
                         List<TimeAxis.Tick> ticks, double separatorMinWidth) {
        ChartLayout l = f.layout();
        double height = l.lowerBottom();
        g.setFill(p.grid());
        for (TimeAxis.Tick t : ticks) {
            g.fillRect(Math.floor(t.x()), 0, 1, height);
        }
        g.setFill(p.separator());
        for (double x : separators(d, f, separatorMinWidth)) {
            g.fillRect(x, 0, 1, height);
        }
    }

    /**
     * The x of each day separator in view: one at the first slot of each session after the view's left edge, none
     * on daily candles or while a session is narrower than {@code minWidth} pixels (they would paint it solid).
     */
    static List<Double> separators(ChartData d, ChartPainter.Frame f, double minWidth) {
        ChartLayout l = f.layout();
        List<Double> xs = new ArrayList<>();
        int to = f.viewport().to(d.size);
        if (d.interval.isSession() || d.sessionCount() == 0 || to == 0
                || TimeAxis.pixelsPerSession(d, f.viewport(), l.plotWidth()) < minWidth) {
            return xs;
        }
        for (int k = d.sessionOf(f.viewport().from()); k <= d.sessionOf(to - 1); k++) {
            double x = Math.floor(f.viewport().x(d.sessionFirst[k], l.plotWidth()));
            if (x >= 0) {
                xs.add(x);
            }
        }
        return xs;
    }

    /** A price label: its centre's y and its text. */
    record PriceLabel(double y, String text) {
    }

    /** Price labels; none where the last-price tag at {@code tagY} (NaN: none) would cover it. */
    static void priceLabels(GraphicsContext g, ChartPainter.Frame f, ChartPalette p, double tagY) {
        ChartLayout l = f.layout();
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (PriceLabel label : priceLabels(f, tagY)) {
            g.fillText(label.text(), l.plotWidth() + 8, label.y());
        }
        if (f.volumeMax() > 0) {
            g.setTextBaseline(VPos.TOP);
            g.fillText(ChartReadout.volume(Math.round(f.volumeMax())), l.plotWidth() + 8, l.volumeTop());
        }
    }

    /** The price axis's labels at the grid's round prices, leaving out those the last-price tag would cover. */
    static List<PriceLabel> priceLabels(ChartPainter.Frame f, double tagY) {
        double stepDollars = priceStep(f);
        double step = stepDollars * Prices.SCALE;
        int decimals = PriceTicks.decimals(stepDollars);
        ChartLayout l = f.layout();
        List<PriceLabel> out = new ArrayList<>();
        for (double v = Math.ceil(f.lowTicks() / step) * step; v <= f.highTicks(); v += step) {
            double y = f.y(v);
            boolean underTag = underTag(y, tagY);
            if (y > l.priceTop() - 4 && y < l.priceBottom() + 4 && !underTag) {
                out.add(new PriceLabel(y, ChartPainter.price(v, decimals)));
            }
        }
        return out;
    }

    /** Whether a price label centred at {@code labelY} would touch an axis tag centred at {@code tagY}. */
    static boolean underTag(double labelY, double tagY) {
        return Math.abs(labelY - tagY) < TAG_HEIGHT + 1;
    }

    /** Where the last-price tag (or the crosshair's price tag) centred at {@code y} lies on the price axis. */
    static BoundingBox tagBounds(ChartLayout l, double y) {
        return new BoundingBox(l.plotWidth() + 2, y - TAG_HEIGHT / 2, ChartLayout.AXIS_WIDTH - 4, TAG_HEIGHT);
    }

    static void timeLabels(GraphicsContext g, ChartPainter.Frame f, ChartPalette p, List<TimeAxis.Tick> ticks) {
        ChartLayout l = f.layout();
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = l.stripTop() + ChartLayout.STRIP + ChartLayout.TIME_HEIGHT / 2;
        for (TimeAxis.Tick t : ticks) {
            if (labelShown(t, l)) {
                g.fillText(t.text(), labelLeft(t), y);
            }
        }
    }

    /** Whether the time axis prints the tick's label: not where it would run into the price axis. */
    static boolean labelShown(TimeAxis.Tick t, ChartLayout l) {
        return labelLeft(t) < l.plotWidth() - 20;
    }

    private static double labelLeft(TimeAxis.Tick t) {
        return Math.floor(t.x()) + 4;
    }

    /** Where the tick's label lies on the time axis. */
    static BoundingBox labelBounds(TimeAxis.Tick t, ChartLayout l) {
        return new BoundingBox(labelLeft(t), l.stripTop() + ChartLayout.STRIP, TimeAxis.measure(t.text()),
                ChartLayout.TIME_HEIGHT);
    }

    /** The y of the last-price tag, or NaN when the newest close is off the price pane. */
    static double lastPriceY(ChartData d, ChartPainter.Frame f) {
        int last = d.size - 1;
        while (last >= 0 && !d.has(last, ChartData.HAS_BAR)) {
            last--;
        }
        if (last < 0) {
            return Double.NaN;
        }
        double y = Math.floor(f.y(d.close[last])) + 0.5;
        return y < f.layout().priceTop() || y > f.layout().priceBottom() ? Double.NaN : y;
    }

    /** The newest close: a dotted line over the plot and a tag on the axis in the last candle's colour. */
    static void lastPrice(GraphicsContext g, ChartData d, ChartPainter.Frame f, ChartPalette p) {
        int last = d.size - 1;
        while (last >= 0 && !d.has(last, ChartData.HAS_BAR)) {
            last--;
        }
        if (last < 0) {
            return;
        }
        double y = Math.floor(f.y(d.close[last])) + 0.5;
        ChartLayout l = f.layout();
        if (y < l.priceTop() || y > l.priceBottom()) {
            return;
        }
        boolean up = d.close[last] >= d.open[last];
        g.setStroke(up ? p.up() : p.down());
        g.setLineWidth(1);
        g.setLineDashes(2, 3);
        g.strokeLine(0, y, l.plotWidth(), y);
        g.setLineDashes((double[]) null);
        tag(g, l, y, ChartPainter.price(d.close[last], 2), up ? p.up() : p.down(), p.labelText());
    }

    /** A filled label on the price axis centred at {@code y}. */
    static void tag(GraphicsContext g, ChartLayout l, double y, String text, Paint fill, Paint textFill) {
        BoundingBox b = tagBounds(l, y);
        g.setFill(fill);
        g.fillRoundRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), 4, 4);
        g.setFill(textFill);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, l.plotWidth() + 8, y);
    }
}
