package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.sync.Settings;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.events.EventsController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The main window at the smallest size it is laid out for (1024x700), on the demo feed, while a job with a long
 * title runs: the source and the SIMULATED badge show their whole text; the job's text is what gives way.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarLayoutTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;
    private static final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void open() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
    }

    @AfterAll
    static void close() {
        release.countDown();
        services.jobs().awaitIdle();
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        UiState state = new UiState();
        state.viewProperty().set(View.EVENTS);
        Map<Class<?>, Supplier<Object>> controllers = new HashMap<>();
        ViewLoader loader = new ViewLoader(controllers);
        MainWindowController main = new MainWindowController(services, state, loader,
                Map.of(View.EVENTS, EventsController.class), null, () -> { });
        Navigator nav = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        controllers.put(MainWindowController.class, () -> main);
        controllers.put(EventsController.class, () -> new EventsController(services, state, nav));
        Scene scene = new Scene(loader.load(MainWindowController.class), BarkeepApp.MIN_WIDTH,
                BarkeepApp.MIN_HEIGHT);
        scene.getStylesheets().add(BarkeepApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void sourceAndBadgeAreWholeWhileAJobRuns(FxRobot robot) throws Exception {
        services.jobs().submit("Backfilling AAPL MSFT NVDA SPY TSLA AMZN GOOGL META AMD NFLX JPM QQQ IWM DIA "
                + "over three years of sessions", (progress, cancelled) -> {
                    progress.update(1, 10, "1/10 requests, 12,345 bars fetched so far from the feed");
                    return release.await(30, TimeUnit.SECONDS);
                });
        Label job = robot.lookup("#jobLabel").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> job.getParent().isVisible());
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : new String[] {"#sourceLabel", "#simulatedBadge"}) {
            Label label = robot.lookup(id).query();
            assertTrue(label.isVisible(), id);
            assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5,
                    id + " is cut: " + label.getWidth() + " < " + label.prefWidth(-1));
        }
        assertEquals("SIMULATED", ((Label) robot.lookup("#simulatedBadge").query()).getText());
        assertTrue(job.getWidth() < job.prefWidth(-1), "the long job text is the one that gives way");
    }

    @Test
    void aWindowLargerThanTheScreenIsMadeToFitIt() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800 - 40);
        WindowState fitted = WindowState.defaults().fitTo(screen);
        assertTrue(fitted.width() <= 1280 && fitted.height() <= 760, fitted.toString());
        assertTrue(fitted.x() >= 0 && fitted.x() + fitted.width() <= 1280, fitted.toString());
        assertTrue(fitted.y() >= 0 && fitted.y() + fitted.height() <= 760, fitted.toString());
        WindowState offScreen = new WindowState(2500, 40, 1200, 700, false, "CHART", false).fitTo(screen);
        assertTrue(offScreen.x() + offScreen.width() <= 1280, "a place on a screen that is gone is not kept");
    }
}
