package io.barkeep.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import io.barkeep.sync.Settings;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard of a cache with nothing cached, at 1280x800's view size: the missing-bars tile says there is no
 * watched symbol, or that the watched ones have nothing cached yet (not that none misses a bar), and nothing of the
 * tile lies over that line.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardEmptyTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;
    private final UiState state = new UiState();

    @BeforeAll
    static void openAnEmptyCache() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        services.engine().watchlist().list().forEach(w -> services.engine().watchlist().remove(w.symbol()));
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        Navigator nowhere = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        DashboardController controller = new DashboardController(services, state, nowhere);
        // the dashboard's share of a 1280x800 window: the sidebar and status bar take the rest
        stage.setScene(new Scene(new ViewLoader(Map.of(DashboardController.class, () -> controller))
                .load(DashboardController.class), 1088, 760));
        stage.show();
    }

    @Test
    void withNothingCachedTheMissingBarsTileSaysWhyAndItsLineIsNotCovered(FxRobot robot) throws Exception {
        Tile bySymbol = robot.lookup("#tile-by_symbol").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No symbol on the watchlist yet".equals(
                bySymbol.getText()));
        WaitForAsyncUtils.waitForFxEvents();
        Text line = bySymbol.lookupAll("*").stream().filter(Text.class::isInstance).map(Text.class::cast)
                .filter(t -> bySymbol.getText().equals(t.getText())).findFirst().orElseThrow();
        assertTrue(line.isVisible());
        Bounds text = line.localToScene(line.getBoundsInLocal());
        for (Node list : bySymbol.lookupAll(".list-view")) {
            Bounds over = list.localToScene(list.getBoundsInLocal());
            assertFalse(list.isVisible() && over.intersects(text), "the empty list " + over + " covers " + text);
        }
        assertEquals(0, services.engine().watchlist().list().size());

        // Watched, nothing cached yet: not "no symbol misses a bar".
        services.engine().watchlist().add("AAPL", 1, null, NOW);
        services.engine().watchlist().add("MSFT", 1, null, NOW);
        robot.interact(state::dataChanged);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2 watched symbols have nothing cached yet".equals(
                bySymbol.getText()));
    }
}
