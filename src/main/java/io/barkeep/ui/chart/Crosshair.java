package io.barkeep.ui.chart;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The crosshair on the overlay canvas: lines through the slot and the mouse, price and time tags on the axes. */
final class Crosshair {

    private Crosshair() {
    }

    static void paint(GraphicsContext g, ChartPainter.Frame f, ChartData d, int slot, double x, double y,
                      ChartPalette p) {
        g.clearRect(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        if (f == null || Double.isNaN(x) || !f.layout().inPlot(x, y)) {
            return;
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
            ChartAxes.tag(g, l, cy, ChartPainter.price(f.price(y), 2), p.labelBackground(), p.labelText());
        }
        if (slot >= 0) {
            // As wide as its text and no wider: it covers as few of the axis labels as it can.
            String text = ChartReadout.time(d, slot);
            double width = TimeAxis.textWidth(text) + 12;
            double left = Math.max(0, Math.min(l.plotWidth() - width, cx - width / 2));
            g.setFill(p.labelBackground());
            double top = l.stripTop() + ChartLayout.STRIP;
            g.fillRoundRect(left, top + 2, width, ChartLayout.TIME_HEIGHT - 4, 4, 4);
            g.setFill(p.labelText());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(text, left + width / 2, top + ChartLayout.TIME_HEIGHT / 2);
        }
    }
}
