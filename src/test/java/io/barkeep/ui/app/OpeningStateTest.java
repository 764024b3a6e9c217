package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.Settings;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.dashboard.DashboardController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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
 * The window before the cache has opened: its first frame is the shell (navigation, status bar, "opening the
 * cache"), the view on screen is built after that frame, and a view built while the cache opens shows its data once
 * it has opened, without being opened again.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningStateTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;
    private boolean viewBuiltInFirstFrame;

    @BeforeAll
    static void cacheWithOneWatchedSymbol() {
        Path file = Settings.defaults().location(folder).file();
        try (CacheEngine engine = CacheEngine.open(file, NyseCalendar.current(CLOCK), 0, CLOCK)) {
            engine.watchlist().add("AAPL", 1, "", NOW);
        }
        io = new FxUiExecutor("test-io", 2);
        // Not started: the test opens the cache once it has seen the window without it.
        services = new AppServices(folder, Settings.defaults(), io, CLOCK);
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        UiState state = new UiState();
        state.viewProperty().set(View.DASHBOARD);
        Map<Class<?>, Supplier<Object>> controllers = new HashMap<>();
        ViewLoader loader = new ViewLoader(controllers);
        MainWindowController main = new MainWindowController(services, state, loader,
                Map.of(View.DASHBOARD, DashboardController.class), null, () -> { });
        controllers.put(MainWindowController.class, () -> main);
        controllers.put(DashboardController.class, () -> new DashboardController(services, state, main));
        Scene scene = new Scene(loader.load(MainWindowController.class), BarkeepApp.MIN_WIDTH,
                BarkeepApp.MIN_HEIGHT);
        scene.getStylesheets().add(BarkeepApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewBuiltInFirstFrame = !((StackPane) scene.lookup("#content")).getChildren().isEmpty();
    }

    @Test
    void theWindowSaysTheCacheIsOpeningAndTheViewShowsItsDataOnceItHasOpened(FxRobot robot) throws Exception {
        assertFalse(viewBuiltInFirstFrame, "the first frame is the shell; the view is built after it");
        StackPane content = robot.lookup("#content").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !content.getChildren().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#openingPane").query().isVisible());
        assertFalse(content.isVisible(), "the view waits behind the opening state");
        assertEquals("Opening the cache\u2026", robot.lookup("#openingLabel").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#openingDetail").queryAs(Label.class).getText()
                .startsWith(Settings.defaults().location(folder).display()));
        assertTrue(robot.lookup("#dashboardButton").query().isVisible(), "the navigation works meanwhile");

        services.start().join();
        Tile symbols = robot.lookup("#tile-symbols").queryAs(Tile.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> symbols.getValue() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#openingPane").query().isVisible());
        assertTrue(content.isVisible());
        assertTrue(symbols.isVisible());
    }
}
