package io.barkeep.ui.chart;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/** Wires the mouse, the wheel and the keys of a {@link CandleChart} to its handlers. */
final class ChartInput {
    private final CandleChart chart;

    ChartInput(CandleChart chart) {
        this.chart = chart;
    }

    void install() {
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, chart::mouseMoved);
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> chart.mouseExited());
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, chart::pressed);
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, chart::dragged);
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> chart.released());
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> chart.markers().clicked(e));
        chart.addEventHandler(ScrollEvent.SCROLL, e -> {
            chart.scrolled(e);
            e.consume();
        });
        // A filter: arrow keys would otherwise move the focus away before a handler sees them.
        chart.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (chart.key(e)) {
                e.consume();
            }
        });
    }
}
