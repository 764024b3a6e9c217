package io.barkeep.ui.chart;

import io.barkeep.ui.chart.ChartActionMarkers.Marker;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;

/**
 * The split and dividend badges of a {@link CandleChart}: what to mark, where the last frame put each badge, the
 * one under the mouse, and what a click on one does. Kept apart from the chart so that the candles' code does not
 * grow with every kind of mark.
 */
final class ChartMarkerLayer {
    private final ObjectProperty<ActionMarks> marks = new SimpleObjectProperty<>(this, "marks", ActionMarks.NONE);
    private final ReadOnlyObjectWrapper<Marker> hover = new ReadOnlyObjectWrapper<>(this, "hover");
    private final ObjectProperty<Consumer<Marker>> onClick = new SimpleObjectProperty<>(this, "onClick", m -> { });
    private List<Marker> placed = List.of();

    /** Paints the badges of the current marks into {@code frame} (after the candles). */
    void paint(GraphicsContext g, ChartPainter.Frame frame, ChartData data, ChartPalette palette) {
        placed = ChartActionMarkers.place(data, frame, marks.get());
        // Most frames have no badge in view: then no clip either (the render thread would set it up for nothing).
        if (!placed.isEmpty()) {
            g.save();
            g.beginPath();
            g.rect(0, 0, frame.layout().plotWidth(), frame.layout().height());
            g.clip();
            ChartActionMarkers.paint(g, frame, placed, palette);
            g.restore();
        }
        hover.set(null);
    }

    /** Follows the mouse: the badge under it, if any. */
    void moved(double x, double y) {
        hover.set(Double.isNaN(x) ? null : ChartActionMarkers.at(placed, x, y));
    }

    /** A click that did not drag, on a badge, is handed to {@link #onClickProperty()}. */
    void clicked(MouseEvent e) {
        Marker m = e.isStillSincePress() ? ChartActionMarkers.at(placed, e.getX(), e.getY()) : null;
        if (m != null) {
            onClick.get().accept(m);
        }
    }

    /** The badges the last frame painted (tests). */
    List<Marker> placed() {
        return placed;
    }

    ObjectProperty<ActionMarks> marksProperty() {
        return marks;
    }

    ReadOnlyObjectProperty<Marker> hoverProperty() {
        return hover.getReadOnlyProperty();
    }

    ObjectProperty<Consumer<Marker>> onClickProperty() {
        return onClick;
    }
}
