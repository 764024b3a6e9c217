package io.barkeep.ui.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The heatmap's month names are never cut off: a month that begins at the right edge drops its year, then its name. */
@ExtendWith(ApplicationExtension.class)
class HeatmapMonthLabelTest {
    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    @Test
    void aMonthNearTheRightEdgeDropsItsYearThenItsName() {
        assertEquals("Dec 2026", HeatmapPainter.monthLabel(DECEMBER, 400));
        assertEquals("Dec", HeatmapPainter.monthLabel(DECEMBER, 40));
        assertNull(HeatmapPainter.monthLabel(DECEMBER, 20));
    }

    @Test
    void theRoomKeptForANameHoldsEveryMonthInTheHeaderFont() throws Exception {
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            double withYear = WaitForAsyncUtils.asyncFx(() -> width(name + " 2026")).get(10, TimeUnit.SECONDS);
            double alone = WaitForAsyncUtils.asyncFx(() -> width(name)).get(10, TimeUnit.SECONDS);
            assertTrue(withYear < HeatmapPainter.MONTH_LABEL_WIDTH, name + " 2026: " + withYear);
            assertTrue(alone < HeatmapPainter.SHORT_MONTH_LABEL_WIDTH, name + ": " + alone);
        }
    }

    private static double width(String text) {
        Text t = new Text(text);
        t.setFont(HeatmapPainter.MONTH);
        return t.getLayoutBounds().getWidth();
    }
}
