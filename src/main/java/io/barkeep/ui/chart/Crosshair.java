package io.barkeep.ui.chart;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * The crosshair on the overlay canvas: lines through the slot and the mouse, price and time tags on the axes. As
 * trading charts do, neither tag sits on top of an axis label: the labels it would touch are blanked
 * while it is there (the frame below keeps them, so moving the mouse never repaints the candles).
 */
final class Crosshair {
    /** Pixels kept clear between the time tag and the nearest label left visible. */
    static final double TAG_CLEARANCE = 4;

    /** Where the time tag lies, and the bounds of the axis labels left visible and blanked beside it. */
    record TimeTag(String text, Bounds tag, List<Bounds> shown, List<Bounds> hidden) {
    }

    private Crosshair() {
    }

    /** Paints the crosshair; returns the time tag it placed, or null when it drew none. */
    static TimeTag paint(GraphicsContext g, ChartPainter.Frame f, ChartData d, int slot, double x, double y,
                         ChartPalette p) {
        g.clearRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        if (f == null || Double.isNaN(x) || !f.layout().inPlot(x, y)) {
            return null;
        }
        ChartLayout l = f.layout();
        g.setFont(ChartPainter.FONT);
        double cx = slot < 0 ? Math.floor(x) + 0.5
                : Math.floor(f.viewport().x(slot + 0.5, l.plotWidth())) + 0.5;
        double cy = Math.floor(y) + 0.5;
        g.setStroke(p.crosshair());
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(cx, 0, cx, l.lowerBottom());
        g.strokeLine(0, cy, l.plotWidth(), cy);
        g.setLineDashes((double[]) null);
        if (y <= l.priceBottom() && f.priced()) {
            g.setFill(p.background());
            for (ChartAxes.PriceLabel label : priceLabelsUnder(f, d, cy)) {
                Bounds b = ChartAxes.tagBounds(l, label.y());
                g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
            }
            ChartAxes.tag(g, l, cy, ChartPainter.price(f.price(y), 2), p.labelBackground(), p.labelText());
        }
        if (slot < 0) {
            return null;
        }
        TimeTag t = place(f, d, slot, cx);
        g.setFill(p.background());
        for (Bounds b : t.hidden()) {
            g.fillRect(b.getMinX() - 1, b.getMinY(), b.getWidth() + 2, b.getHeight());
        }
        Bounds tag = t.tag();
        g.setFill(p.labelBackground());
        g.fillRoundRect(tag.getMinX(), tag.getMinY() + 2, tag.getWidth(), tag.getHeight() - 4, 4, 4);
        g.setFill(p.labelText());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(t.text(), tag.getMinX() + tag.getWidth() / 2, tag.getMinY() + tag.getHeight() / 2);
        return t;
    }

    /** The price labels on screen that the crosshair's price tag at {@code cy} would touch: blanked under it. */
    static List<ChartAxes.PriceLabel> priceLabelsUnder(ChartPainter.Frame f, ChartData d, double cy) {
        return ChartAxes.priceLabels(f, ChartAxes.lastPriceY(d, f)).stream()
                .filter(label -> ChartAxes.underTag(label.y(), cy)).toList();
    }

    /** The time tag of slot {@code slot} centred at {@code cx} (inside the plot), and the labels it leaves. */
    static TimeTag place(ChartPainter.Frame f, ChartData d, int slot, double cx) {
        ChartLayout l = f.layout();
        String text = ChartReadout.time(d, slot);
        // As wide as its text and no wider: it blanks as few of the axis labels as it can.
        double width = TimeAxis.measure(text) + 12;
        double left = Math.max(0, Math.min(l.plotWidth() - width, cx - width / 2));
        Bounds tag = new BoundingBox(left, l.stripTop() + ChartLayout.STRIP, width, ChartLayout.TIME_HEIGHT);
        List<Bounds> shown = new ArrayList<>();
        List<Bounds> hidden = new ArrayList<>();
        for (TimeAxis.Tick tick : f.ticks()) {
            if (ChartAxes.labelShown(tick, l)) {
                Bounds b = ChartAxes.labelBounds(tick, l);
                boolean touches = b.getMinX() < tag.getMaxX() + TAG_CLEARANCE
                        && b.getMaxX() > tag.getMinX() - TAG_CLEARANCE;
                (touches ? hidden : shown).add(b);
            }
        }
        return new TimeTag(text, tag, shown, hidden);
    }
}
