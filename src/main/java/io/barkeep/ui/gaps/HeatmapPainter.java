package io.barkeep.ui.gaps;

import static io.barkeep.ui.gaps.HeatmapLayout.CELL;
import static io.barkeep.ui.gaps.HeatmapLayout.GUTTER;
import static io.barkeep.ui.gaps.HeatmapLayout.HEADER;

import io.barkeep.ui.gaps.HeatmapModel.Cell;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the map on a canvas the size of the viewport: only the columns and rows that show, so three years of
 * sessions cost no more than the few months on screen. The header (months, week starts) and the gutter (symbols)
 * stay put while the cells scroll under them.
 */
final class HeatmapPainter {
    private static final Font SYMBOL = Font.font(null, FontWeight.BOLD, 12.5);
    static final Font MONTH = Font.font(null, FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font(10);
    /** Room a month's name needs ("Sep 2026" in the header font), with a margin. */
    static final double MONTH_LABEL_WIDTH = 72;
    /** Room a month's name needs without its year ("Sep"), with a margin. */
    static final double SHORT_MONTH_LABEL_WIDTH = 32;

    /** What one frame shows. */
    record Frame(HeatmapModel model, HeatmapLayout layout, HeatmapPalette palette, double scrollX, double scrollY,
                 Set<CellKey> selection, int hoverRow, int hoverColumn, int[] dragRect) {
    }

    void paint(GraphicsContext g, double width, double height, Frame f) {
        HeatmapPalette p = f.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, width, height);
        HeatmapModel m = f.model();
        if (m.columnCount() == 0) {
            return;
        }
        HeatmapLayout l = f.layout();
        int first = l.firstVisible(f.scrollX());
        int last = Math.min(m.columnCount() - 1, l.columnAt(f.scrollX() + width - GUTTER, true));
        int firstRow = l.rowAt(f.scrollY(), true);
        int lastRow = l.rowAt(f.scrollY() + height - HEADER, true);

        g.save();
        g.beginPath();
        g.rect(GUTTER, HEADER, width - GUTTER, height - HEADER);
        g.clip();
        for (int c = first; c <= last; c++) {
            double x = GUTTER + l.columnX(c) - f.scrollX();
            for (int r = firstRow; r <= lastRow && r < m.rows(); r++) {
                double y = HEADER + l.rowY(r) - f.scrollY();
                cell(g, p, m.cell(r, c), m.columns().get(c), x, y, l.cellHeight());
                if (f.selection().contains(m.key(r, c))) {
                    g.setStroke(p.selection());
                    g.setLineWidth(2);
                    g.strokeRect(x - 1, y - 1, CELL + 2, l.cellHeight() + 2);
                }
            }
        }
        overlays(g, f, l);
        g.restore();
        header(g, f, width, first, last);
        gutter(g, f, firstRow, lastRow, height);
    }

    /** One cell, also used for the legend's swatches. */
    static void cell(GraphicsContext g, HeatmapPalette p, Cell cell, Column column, double x, double y, double h) {
        g.setFill(p.fill(cell.state()));
        g.fillRect(x, y, CELL, h);
        if (cell.state() == CellState.VENDOR_EMPTY) {
            hatch(g, p, x, y, h);
        }
        if ((cell.state() == CellState.PARTIAL || cell.state() == CellState.NOT_FINAL) && cell.missingBars() > 0) {
            // The share missing as a red band at the foot: a few bars short reads differently from most of a day.
            // A share of the whole session's slots: the session in progress expects only the bars closed so far,
            // and its first bars not fetched yet would otherwise paint the whole cell red, as if the day were lost.
            int slots = column.closed() ? cell.expected() : column.session().expectedBars();
            double band = Math.max(3, h * cell.missingBars() / Math.max(1, slots));
            g.setFill(p.missing());
            g.fillRect(x, y + h - band, CELL, band);
        }
        if (column.earlyClose()) {
            g.setFill(p.marker());
            g.fillPolygon(new double[] {x + CELL - 6, x + CELL, x + CELL}, new double[] {y, y, y + 6}, 3);
        }
    }

    private static void hatch(GraphicsContext g, HeatmapPalette p, double x, double y, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, CELL, h);
        g.clip();
        g.setStroke(p.hatch());
        g.setLineWidth(1);
        for (double k = -h; k < CELL; k += 4) {
            g.strokeLine(x + k, y + h, x + k + h, y);
        }
        g.restore();
    }

    private static void overlays(GraphicsContext g, Frame f, HeatmapLayout l) {
        HeatmapPalette p = f.palette();
        int[] d = f.dragRect();
        if (d != null) {
            double x0 = GUTTER + l.columnX(d[2]) - f.scrollX() - 2;
            double x1 = GUTTER + l.columnX(d[3]) - f.scrollX() + CELL + 2;
            double y0 = HEADER + l.rowY(d[0]) - f.scrollY() - 2;
            double y1 = HEADER + l.rowY(d[1]) - f.scrollY() + l.cellHeight() + 2;
            g.setFill(p.selection().deriveColor(0, 1, 1, 0.18));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            g.setStroke(p.selection());
            g.setLineWidth(1.5);
            g.strokeRect(x0, y0, x1 - x0, y1 - y0);
        }
        if (f.hoverRow() >= 0 && f.hoverColumn() >= 0) {
            g.setStroke(p.text());
            g.setLineWidth(1.5);
            g.strokeRect(GUTTER + l.columnX(f.hoverColumn()) - f.scrollX() - 1.5,
                    HEADER + l.rowY(f.hoverRow()) - f.scrollY() - 1.5, CELL + 3, l.cellHeight() + 3);
        }
    }

    /** Month names where a month begins (the first visible month's sticks to the left), week starts below. */
    private static void header(GraphicsContext g, Frame f, double width, int first, int last) {
        HeatmapModel m = f.model();
        HeatmapLayout l = f.layout();
        HeatmapPalette p = f.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, width, HEADER);
        g.save();
        g.beginPath();
        g.rect(GUTTER, 0, width - GUTTER, HEADER);
        g.clip();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        double nextMonthX = Double.MAX_VALUE;
        for (int c = last; c >= first; c--) {
            LocalDate d = m.columns().get(c).date();
            double x = GUTTER + l.columnX(c) - f.scrollX();
            boolean monthStart = c == 0 || m.columns().get(c - 1).date().getMonthValue() != d.getMonthValue();
            // The first visible month keeps its name at the left edge, unless the next month's name needs the room.
            boolean sticky = c == first && !monthStart && nextMonthX - GUTTER > MONTH_LABEL_WIDTH;
            if (monthStart || sticky) {
                double labelX = Math.max(x, GUTTER + 2);
                String label = monthLabel(d, width - labelX);
                if (label != null) {
                    g.setFont(MONTH);
                    g.setFill(p.text());
                    g.fillText(label, labelX, 4);
                }
                if (monthStart) {
                    g.setStroke(p.grid());
                    g.setLineWidth(1);
                    g.strokeLine(x - 3.5, 2, x - 3.5, HEADER - 2);
                    nextMonthX = x;
                }
            }
            if (c == 0 || d.getDayOfWeek().compareTo(m.columns().get(c - 1).date().getDayOfWeek()) <= 0) {
                g.setFont(SMALL);
                g.setFill(p.mutedText());
                g.fillText(Integer.toString(d.getDayOfMonth()), x, 23);
            }
        }
        g.restore();
    }

    /**
     * A month's name with its year where {@code room} holds it, without where only the month fits (a month that
     * begins at the right edge), none where not even that fits: a name is never cut off.
     */
    static String monthLabel(LocalDate month, double room) {
        String name = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return room >= MONTH_LABEL_WIDTH ? name + " " + month.getYear()
                : room >= SHORT_MONTH_LABEL_WIDTH ? name : null;
    }

    private static void gutter(GraphicsContext g, Frame f, int firstRow, int lastRow, double height) {
        HeatmapModel m = f.model();
        HeatmapLayout l = f.layout();
        HeatmapPalette p = f.palette();
        g.setFill(p.background());
        g.fillRect(0, 0, GUTTER, height);
        g.save();
        g.beginPath();
        g.rect(0, HEADER, GUTTER, height - HEADER);
        g.clip();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(SYMBOL);
        for (int r = firstRow; r <= lastRow && r < m.rows(); r++) {
            String symbol = m.symbols().get(r);
            g.setFill(r == f.hoverRow() ? p.selection() : m.watchlist().contains(symbol) ? p.text() : p.mutedText());
            g.fillText(symbol, 4, HEADER + l.rowY(r) - f.scrollY() + l.cellHeight() / 2, GUTTER - 10);
        }
        g.restore();
    }
}
