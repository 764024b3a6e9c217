package io.barkeep.ui.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.ui.gaps.HeatmapModel.Cell;
import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A cell's red foot is the share of its session's bars that is missing, painted on a real canvas: for the session in
 * progress a share of the whole day's slots (its first bars not fetched yet are a thin foot, not a cell as red as a
 * lost day), for a settled partial session a share of its bars as before.
 */
@ExtendWith(ApplicationExtension.class)
class HeatmapCellPaintTest {
    private static final double H = 40;
    private static final Session DAY = Session.of(LocalDate.of(2026, 12, 2), SessionKind.REGULAR);
    private static final HeatmapPalette PALETTE = HeatmapPalette.DEFAULT;

    @Test
    void theSessionInProgressShowsItsMissingBarsAsAShareOfTheWholeDay(FxRobot robot) {
        // 10 bars closed so far, none fetched: 10 of the day's 78 slots
        Cell cell = new Cell(CellState.NOT_FINAL, 10, 0, 0, List.of(), null);
        WritableImage painted = paint(robot, cell);
        assertEquals(PALETTE.fill(CellState.NOT_FINAL), pixel(painted, H * 0.5), "most of the cell says not final");
        assertEquals(PALETTE.missing(), pixel(painted, H - 1), "a red foot");
        assertEquals(PALETTE.fill(CellState.NOT_FINAL), pixel(painted, H - 1 - H * 10 / 78 - 1),
                "the foot as high as 10 of 78 bars");
    }

    @Test
    void aSettledPartialSessionShowsItsShareMissing(FxRobot robot) {
        Cell cell = new Cell(CellState.PARTIAL, 78, 39, 0, List.of(), null);
        WritableImage painted = paint(robot, cell);
        assertEquals(PALETTE.missing(), pixel(painted, H * 0.5 + 1), "half the bars missing: the lower half red");
        assertEquals(PALETTE.fill(CellState.PARTIAL), pixel(painted, H * 0.5 - 2));
    }

    private static WritableImage paint(FxRobot robot, Cell cell) {
        AtomicReference<WritableImage> out = new AtomicReference<>();
        robot.interact(() -> {
            Canvas canvas = new Canvas(HeatmapLayout.CELL, H);
            HeatmapPainter.cell(canvas.getGraphicsContext2D(), PALETTE, cell, new Column(DAY.date(), DAY), 0, 0, H);
            out.set(canvas.snapshot(null, null));
        });
        return out.get();
    }

    /** The colour in the middle of the cell's width at height {@code y}, to the nearest 8-bit step. */
    private static Color pixel(WritableImage image, double y) {
        Color c = image.getPixelReader().getColor((int) (HeatmapLayout.CELL / 2), (int) y);
        return Color.rgb((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}
