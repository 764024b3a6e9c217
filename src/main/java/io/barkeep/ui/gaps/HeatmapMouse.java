package io.barkeep.ui.gaps;

import static io.barkeep.ui.gaps.HeatmapLayout.GUTTER;
import static io.barkeep.ui.gaps.HeatmapLayout.HEADER;

import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * The map's mouse and keys: a plain click opens the chart at the cell; a drag selects a rectangle (from the
 * header: every symbol; from the symbol names: every session, and so does a click there); shift-click adds the
 * rectangle from the last clicked cell; ctrl/cmd-click toggles one cell; Esc clears. The tooltip follows the cell
 * under the mouse.
 */
final class HeatmapMouse {
    /** A press that moves less than this is a click, not a drag. */
    private static final double DRAG_SLOP = 4;
    /** Dragging this close to an edge scrolls the map. */
    private static final double EDGE = 24;

    private final HeatmapView view;
    private final Canvas canvas;
    private final Tooltip tooltip = new Tooltip();
    private final PauseTransition delay = new PauseTransition(Duration.millis(200));
    BiConsumer<Integer, Integer> onOpen = (r, c) -> { };
    Consumer<Set<CellKey>> onSelect = s -> { };
    BiFunction<Integer, Integer, String> describe = (r, c) -> "";

    private int hoverRow = -1;
    private int hoverColumn = -1;
    private int anchorRow = -1;
    private int anchorColumn = -1;
    private double pressX;
    private double pressY;
    private boolean dragging;
    private double screenX;
    private double screenY;
    private int[] drag;

    HeatmapMouse(HeatmapView view, Canvas canvas) {
        this.view = view;
        this.canvas = canvas;
        // Shown by hand rather than installed: an installed tooltip stays where it first opened while the mouse
        // crosses many cells; this one follows the cell it describes.
        tooltip.setWrapText(true);
        delay.setOnFinished(e -> {
            if (hoverRow >= 0 && view.getScene() != null) {
                tooltip.show(view, screenX + 14, screenY + 18);
            }
        });
        tooltip.setMaxWidth(520);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> hover(-1, -1));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onSelect.accept(Set.of());
            }
        });
    }

    int[] hover() {
        return new int[] {hoverRow, hoverColumn};
    }

    /** The rectangle being dragged as {firstRow, lastRow, firstColumn, lastColumn}, or null. */
    int[] dragRect() {
        return drag;
    }

    private void moved(MouseEvent e) {
        screenX = e.getScreenX();
        screenY = e.getScreenY();
        int row = view.rowAt(e.getY(), false);
        int column = view.columnAt(e.getX(), false);
        if (row >= 0 && column >= 0) {
            hover(row, column);
        } else {
            hover(-1, -1);
        }
    }

    private void hover(int row, int column) {
        if (row == hoverRow && column == hoverColumn) {
            return;
        }
        hoverRow = row;
        hoverColumn = column;
        if (row >= 0) {
            tooltip.setText(describe.apply(row, column));
            if (tooltip.isShowing()) {
                tooltip.setAnchorX(screenX + 14);
                tooltip.setAnchorY(screenY + 18);
            } else {
                delay.playFromStart();
            }
        } else {
            delay.stop();
            tooltip.hide();
        }
        view.draw();
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        delay.stop();
        tooltip.hide();
        pressX = e.getX();
        pressY = e.getY();
        dragging = false;
        drag = null;
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || view.model().rows() == 0) {
            return;
        }
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) < DRAG_SLOP) {
            return;
        }
        dragging = true;
        double dx = e.getX() < GUTTER + EDGE ? -HeatmapLayout.PITCH : e.getX() > view.getWidth() - EDGE
                ? HeatmapLayout.PITCH : 0;
        if (dx != 0) {
            view.scrollBy(dx, 0);
        }
        drag = rect(pressX, pressY, e.getX(), e.getY());
        view.draw();
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        boolean add = e.isShiftDown() || e.isShortcutDown();
        if (dragging) {
            select(drag, add);
            anchorRow = drag[0];
            anchorColumn = drag[2];
            dragging = false;
            drag = null;
            view.draw();
            return;
        }
        int row = view.rowAt(e.getY(), false);
        int column = view.columnAt(e.getX(), false);
        if ((row == -2) != (column == -2) && view.model().rows() > 0) {
            // A click on a date selects that session for every symbol, on a symbol its every session.
            select(rect(pressX, pressY, e.getX(), e.getY()), add);
            return;
        }
        if (row < 0 || column < 0) {
            return;
        }
        if (e.isShortcutDown()) {
            Set<CellKey> next = new LinkedHashSet<>(view.selectionProperty().get());
            CellKey key = view.model().key(row, column);
            if (!next.remove(key)) {
                next.add(key);
            }
            onSelect.accept(next);
        } else if (e.isShiftDown() && anchorRow >= 0) {
            select(new int[] {Math.min(anchorRow, row), Math.max(anchorRow, row), Math.min(anchorColumn, column),
                    Math.max(anchorColumn, column)}, true);
            return;
        } else {
            onOpen.accept(row, column);
        }
        anchorRow = row;
        anchorColumn = column;
    }

    /** The rectangle between two canvas points; a point in the header spans every row, in the gutter every column. */
    private int[] rect(double x0, double y0, double x1, double y1) {
        HeatmapModel m = view.model();
        boolean allRows = y0 < HEADER;
        boolean allColumns = x0 < GUTTER;
        int r0 = allRows ? 0 : view.rowAt(y0, true);
        int r1 = allRows ? m.rows() - 1 : view.rowAt(Math.max(HEADER, y1), true);
        int c0 = allColumns ? 0 : view.columnAt(x0, true);
        int c1 = allColumns ? m.columnCount() - 1 : view.columnAt(Math.max(GUTTER, x1), true);
        return new int[] {Math.min(r0, r1), Math.max(r0, r1), Math.min(c0, c1), Math.max(c0, c1)};
    }

    private void select(int[] r, boolean add) {
        HeatmapModel m = view.model();
        Set<CellKey> next = add ? new LinkedHashSet<>(view.selectionProperty().get()) : new LinkedHashSet<>();
        for (int row = r[0]; row <= r[1]; row++) {
            for (int column = r[2]; column <= r[3]; column++) {
                next.add(m.key(row, column));
            }
        }
        onSelect.accept(next);
    }

    private void scrolled(ScrollEvent e) {
        // A plain wheel scrolls sessions (the long axis) unless the rows overflow; shift or a sideways swipe
        // always scrolls sessions.
        boolean rowsOverflow = view.rowsOverflow();
        double dx = e.getDeltaX() != 0 ? -e.getDeltaX() : rowsOverflow && !e.isShiftDown() ? 0 : -e.getDeltaY();
        double dy = e.getDeltaX() == 0 && rowsOverflow && !e.isShiftDown() ? -e.getDeltaY() : 0;
        view.scrollBy(dx, dy);
        e.consume();
    }
}
