package io.barkeep.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The short spans the tiles print. */
class DashboardTilesTest {
    @Test
    void spansReadInTheLargestUsefulUnit() {
        assertEquals("0 s", DashboardTiles.span(Duration.ofSeconds(-5)));
        assertEquals("45 s", DashboardTiles.span(Duration.ofSeconds(45)));
        assertEquals("12 min", DashboardTiles.span(Duration.ofMinutes(12)));
        assertEquals("3 h", DashboardTiles.span(Duration.ofHours(3)));
        assertEquals("3 h 5 min", DashboardTiles.span(Duration.ofMinutes(185)));
        assertEquals("4 d", DashboardTiles.span(Duration.ofHours(100)));
    }
}
