package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
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
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chart view in a real (headless) window over a cache filled from the demo feed. */
@ExtendWith(ApplicationExtension.class)
class ChartViewTest {
    @TempDir
    static Path home;
    private static FxUiExecutor io;
    private static AppServices services;
    private ChartController controller;

    @BeforeAll
    static void fillCache() throws Exception {
        FxToolkit.registerPrimaryStage();
        io = new FxUiExecutor("test-io", 2);
        Clock clock = Clock.fixed(Instant.parse("2024-03-15T22:00:00Z"), ZoneOffset.UTC);
        services = new AppServices(home, Settings.defaults(), io, clock);
        services.start().join();
        services.engine().watchlist().add("AAPL", 1, null, clock.instant());
        services.data().backfill(List.of("AAPL"), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 15),
                SyncProgress.NONE, Cancellation.none());
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        Navigator navigator = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        controller = new ChartController(services, new UiState(), navigator);
        stage.setScene(new Scene(new ViewLoader(Map.of(ChartController.class, () -> controller))
                .load(ChartController.class), 1100, 700));
        stage.show();
    }

    @Test
    void drawsTheCandlesOfTheFirstWatchlistSymbol() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0
                && controller.chart().painted() == controller.viewModel().dataProperty().get());
        assertTrue(controller.viewModel().visibleCandles() > 150, "about three sessions of 5-minute candles");
        assertTrue(controller.chart().painted().symbol().equals("AAPL"));
    }

    @Test
    void clickingAnIntervalButtonShowsThatInterval(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        int frames = controller.chart().framesProperty().get();
        robot.clickOn("#interval1h");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> controller.chart().painted().interval().equals(Interval.ONE_HOUR)
                        && controller.chart().framesProperty().get() > frames);
        assertTrue(controller.viewModel().visibleCandles() > 100, "some 200 hourly candles");
        robot.clickOn("#interval1d");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> controller.chart().painted().interval().equals(Interval.ONE_DAY));
        assertTrue(controller.viewModel().visibleCandles() > 20, "every session of the cache as a day");
    }

    @Test
    void aTypedSymbolIsValidatedBeforeTheChartLoadsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        robot.doubleClickOn(".combo-box .text-field").write("NOT A TICKER").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup(".symbol-error").queryAs(Label.class).getText().contains("bad symbol"));
        assertEquals("AAPL", controller.viewModel().symbolProperty().get());
    }
}
