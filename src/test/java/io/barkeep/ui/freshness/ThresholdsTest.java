package io.barkeep.ui.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.ui.freshness.Thresholds.Level;
import io.barkeep.ui.freshness.Thresholds.State;
import org.junit.jupiter.api.Test;

/** Where the freshness figures turn amber and red, and which state a symbol shows. */
class ThresholdsTest {

    @Test
    void coverageBelow99IsAmberAndBelow90Red() {
        assertEquals(Level.OK, Thresholds.coverage(100.0));
        assertEquals(Level.OK, Thresholds.coverage(99.0));
        assertEquals(Level.AMBER, Thresholds.coverage(98.99));
        assertEquals(Level.AMBER, Thresholds.coverage(90.0));
        assertEquals(Level.RED, Thresholds.coverage(89.99));
        assertEquals(Level.OK, Thresholds.coverage(null), "nothing expected yet is not a warning");
    }

    @Test
    void lagAbove2BarsIsAmberAndAbove12Red() {
        assertEquals(Level.OK, Thresholds.lag(0L));
        assertEquals(Level.OK, Thresholds.lag(2L));
        assertEquals(Level.AMBER, Thresholds.lag(3L));
        assertEquals(Level.AMBER, Thresholds.lag(12L));
        assertEquals(Level.RED, Thresholds.lag(13L));
        assertEquals(Level.OK, Thresholds.lag(null));
    }

    @Test
    void theStateNamesTheWorstProblemFirst() {
        assertEquals(State.EMPTY, Thresholds.state(true, null, 0, null));
        assertEquals(State.STALE, Thresholds.state(false, 3L, 4, 80.0));
        assertEquals(State.GAPS, Thresholds.state(false, 2L, 1, 99.5));
        assertEquals(State.GAPS, Thresholds.state(false, 0L, 0, 95.0));
        assertEquals(State.OK, Thresholds.state(false, 0L, 0, 100.0));
    }

    @Test
    void levelsCarryTheirCssClasses() {
        assertEquals("level-amber", Level.AMBER.styleClass());
        assertEquals("level-red", Level.RED.styleClass());
        assertEquals("", Level.OK.styleClass());
    }

    @Test
    void percentIsNeverRoundedUpToAFigureNotReached() {
        assertEquals("99.9", Cells.percent(99.99));
        assertEquals("98.7", Cells.percent(98.7));
        assertEquals("100.0", Cells.percent(100.0));
        assertEquals("12,345", Cells.count(12_345L));
    }
}
