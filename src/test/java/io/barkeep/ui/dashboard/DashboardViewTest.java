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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
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

/** The dashboard in a real window: its tiles show, with the symbol count, and a tile click navigates. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;
    private final List<Navigator.View> shown = new ArrayList<>();

    @BeforeAll
    static void watchThreeSymbols() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        for (String symbol : List.of("AAPL", "MSFT", "SPY")) {
            services.engine().watchlist().add(symbol, 1, null, NOW);
        }
        services.data().backfill(List.of("AAPL", "MSFT"), LocalDate.of(2024, 3, 13), LocalDate.of(2024, 3, 15),
                SyncProgress.NONE, Cancellation.none());
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        Navigator recorder = new Navigator() {
            @Override
            public void show(View view) {
                shown.add(view);
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        DashboardController controller = new DashboardController(services, new UiState(), recorder);
        stage.setScene(new Scene(new ViewLoader(Map.of(DashboardController.class, () -> controller))
                .load(DashboardController.class), 1200, 760));
        stage.show();
    }

    @Test
    void showsEveryTileWithTheSymbolCount(FxRobot robot) throws Exception {
        Tile symbols = robot.lookup("#tile-symbols").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> symbols.getValue() == 3);
        assertEquals("3 active \u00b7 2 with data", symbols.getText());
        for (DashboardTiles.Kind kind : DashboardTiles.Kind.values()) {
            String id = "#tile-" + kind.name().toLowerCase(java.util.Locale.ROOT);
            assertEquals(1, robot.lookup(id).queryAll().size(), id);
        }
        Tile errors = robot.lookup("#tile-errors").query();
        assertEquals(0, errors.getValue());
        robot.clickOn(errors);
        assertEquals(List.of(Navigator.View.EVENTS), shown);
    }
}
