package io.barkeep.ui.chart;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.TextAlignment;

/**
 * Splits and dividends on the chart: a badge at the foot of the plot, on the time axis, at the first session of
 * the new basis ("S" a known split, "D" a dividend, "?" a jump that looks like a split nobody recorded, drawn
 * hollow), with a faint line up through the panes. Stateless: {@link #place} says where each badge is, for the
 * painter and for the mouse.
 */
final class ChartActionMarkers {
    static final double SIZE = 14;
    private static final double LINE_ALPHA = 0.45;

    /** One badge: a known action, or a suspected split when {@code action} is null. */
    record Marker(double x, double y, CorporateAction action, SuspectedSplit suspected) {
        boolean contains(double px, double py) {
            return px >= x - SIZE / 2 - 1 && px <= x + SIZE / 2 + 1 && py >= y - 1 && py <= y + SIZE + 1;
        }

        String letter() {
            return action == null ? "?" : action.isSplit() ? "S" : "D";
        }
    }

    private ChartActionMarkers() {
    }

    /** Where the badges of {@code marks} stand in a frame of {@code data}; those outside the view are left out. */
    static List<Marker> place(ChartData data, ChartPainter.Frame f, ActionMarks marks) {
        List<Marker> out = new ArrayList<>();
        if (f == null || data.size == 0 || !data.symbol.equals(marks.symbol())) {
            return out;
        }
        double w = f.layout().plotWidth();
        double y = f.layout().stripTop() - SIZE - 2;
        for (CorporateAction a : marks.known()) {
            // a split and a dividend on one day stand side by side
            double shift = !a.isSplit() && marks.known().stream().anyMatch(o -> o.isSplit()
                    && o.exDate().equals(a.exDate())) ? SIZE + 2 : 0;
            add(out, data, f, w, a.exDate(), y, shift, a, null);
        }
        for (SuspectedSplit s : marks.suspected()) {
            add(out, data, f, w, s.date(), y, 0, null, s);
        }
        return out;
    }

    private static void add(List<Marker> out, ChartData data, ChartPainter.Frame f, double w, LocalDate date,
                            double y, double shift, CorporateAction a, SuspectedSplit s) {
        int k = Arrays.binarySearch(data.sessionDate, date);
        if (k < 0) {
            return;
        }
        double x = Math.floor(f.viewport().x(data.sessionFirst[k], w)) + 0.5 + shift;
        if (x >= 0 && x <= w) {
            out.add(new Marker(x, y, a, s));
        }
    }

    /** Paints the badges (over the candles, inside the plot's clip). */
    static void paint(GraphicsContext g, ChartPainter.Frame f, List<Marker> markers, ChartPalette p) {
        ChartLayout l = f.layout();
        for (Marker m : markers) {
            Paint colour = colour(m, p);
            g.setStroke(colour);
            g.setLineWidth(1);
            g.setGlobalAlpha(LINE_ALPHA);
            g.setLineDashes(m.action() == null ? new double[] {2, 3} : new double[] {4, 3});
            g.strokeLine(m.x(), l.priceTop(), m.x(), m.y());
            g.setLineDashes();
            g.setGlobalAlpha(1);
            double left = m.x() - SIZE / 2;
            if (m.action() == null) {
                g.setFill(p.labelText());
                g.fillRoundRect(left, m.y(), SIZE, SIZE, 4, 4);
                g.setLineDashes(2, 2);
                g.strokeRoundRect(left, m.y(), SIZE, SIZE, 4, 4);
                g.setLineDashes();
                g.setFill(colour);
            } else {
                g.setFill(colour);
                g.fillRoundRect(left, m.y(), SIZE, SIZE, 4, 4);
                g.setFill(p.labelText());
            }
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(m.letter(), m.x(), m.y() + SIZE / 2);
        }
    }

    private static Paint colour(Marker m, ChartPalette p) {
        if (m.action() == null) {
            return p.incomplete();
        }
        return m.action().isSplit() ? p.accent() : p.vwap();
    }

    /** The badge under (x, y), or null. */
    static Marker at(List<Marker> markers, double x, double y) {
        for (Marker m : markers) {
            if (m.contains(x, y)) {
                return m;
            }
        }
        return null;
    }
}
