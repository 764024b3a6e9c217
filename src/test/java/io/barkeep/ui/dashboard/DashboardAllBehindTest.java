package io.barkeep.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.hansolo.tilesfx.Tile;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The stalest-symbol tile when every watched symbol ends at the same bar: "None behind" only when that bar is
 * the market's last; a cache that stopped at yesterday's close is behind, all of it, and says by how much.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardAllBehindTest {
    /** Thursday 2024-03-14: the symbols' cache ends at its 15:55 bar. */
    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 14);

    @TempDir
    Path folder;
    private FxUiExecutor io;
    private AppServices services;

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
        io.close();
    }

    /** The dashboard's stalest tile, at {@code now}, over two symbols backfilled to Thursday's close. */
    private Tile stalestTileAt(Instant now, FxRobot robot) throws Exception {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(now, ZoneOffset.UTC));
        services.start().join();
        for (String symbol : List.of("AAPL", "MSFT")) {
            services.engine().watchlist().add(symbol, 1, null, now);
        }
        services.data().backfill(List.of("AAPL", "MSFT"), THURSDAY.minusDays(1), THURSDAY, SyncProgress.NONE,
                Cancellation.none());
        DashboardController controller = new DashboardController(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        });
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new ViewLoader(Map.of(DashboardController.class, () -> controller))
                    .load(DashboardController.class), 1200, 760));
            stage.show();
        });
        Tile stalest = robot.lookup("#tile-stalest").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Every watched symbol ends at the same bar"
                .equals(stalest.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        return stalest;
    }

    @Test
    void onTheNextDayAtOneInTheAfternoonTheyAreAllBehind(FxRobot robot) throws Exception {
        // Friday 13:00 New York: the bars of 09:30 to 12:55 have closed, 42 of them, none held
        Tile stalest = stalestTileAt(Instant.parse("2024-03-15T17:00:00Z"), robot);

        assertEquals("All 2 symbols\n42 bars behind", stalest.getDescription());
    }

    @Test
    void afterThatSessionsCloseNoneIsBehind(FxRobot robot) throws Exception {
        // Thursday 18:00 New York: 15:55 is the last bar there is
        Tile stalest = stalestTileAt(Instant.parse("2024-03-14T22:00:00Z"), robot);

        assertEquals("None behind", stalest.getDescription());
    }
}
