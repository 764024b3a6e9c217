package io.barkeep.ui.gaps;

import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.util.List;

/**
 * Where each column and row of the map lies on the virtual canvas: a fixed column pitch with a small gap
 * before each new week, so weeks read at a glance, and rows as tall as the space allows within bounds.
 * Content coordinates start at the first column's left edge and the first row's top.
 */
final class HeatmapLayout {
    static final double GUTTER = 92;
    static final double HEADER = 40;
    static final double PITCH = 13;
    static final double CELL = 11;
    static final double WEEK_GAP = 5;
    static final double MIN_ROW = 22;
    static final double MAX_ROW = 30;
    static final double ROW_GAP = 4;

    private final double[] xs;
    private final double width;
    private final double rowHeight;
    private final int rows;

    /**
     * @param viewportHeight the height left for rows below the header, to size them
     */
    HeatmapLayout(List<Column> columns, int rows, double viewportHeight) {
        this.rows = rows;
        xs = new double[columns.size()];
        double x = 0;
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                x += PITCH;
                if (columns.get(i).date().getDayOfWeek().compareTo(columns.get(i - 1).date().getDayOfWeek()) <= 0) {
                    x += WEEK_GAP;
                }
            }
            xs[i] = x;
        }
        width = xs.length == 0 ? 0 : x + PITCH;
        rowHeight = rows == 0 ? MAX_ROW : Math.max(MIN_ROW, Math.min(MAX_ROW, viewportHeight / rows));
    }

    double columnX(int column) {
        return xs[column];
    }

    double rowY(int row) {
        return row * rowHeight;
    }

    double rowHeight() {
        return rowHeight;
    }

    /** The drawn cell's height: the row less the gap between rows. */
    double cellHeight() {
        return rowHeight - ROW_GAP;
    }

    double width() {
        return width;
    }

    double height() {
        return rows * rowHeight;
    }

    /**
     * The column under content x: with {@code snap} the nearest one (drags), without it -1 in a week gap or
     * outside.
     */
    int columnAt(double x, boolean snap) {
        if (xs.length == 0) {
            return -1;
        }
        int lo = 0;
        int hi = xs.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (snap) {
            return x < 0 ? 0 : lo;
        }
        return x >= xs[lo] && x < xs[lo] + PITCH ? lo : -1;
    }

    /** The row under content y: with {@code snap} the nearest one, without it -1 outside. */
    int rowAt(double y, boolean snap) {
        int r = (int) Math.floor(y / rowHeight);
        if (snap) {
            return Math.max(0, Math.min(rows - 1, r));
        }
        return y < 0 || r >= rows ? -1 : r;
    }

    /** The first column whose cell reaches past content x (for drawing only what shows). */
    int firstVisible(double x) {
        return Math.max(0, columnAt(x - PITCH, true));
    }
}
