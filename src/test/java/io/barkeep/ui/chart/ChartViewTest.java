package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
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
    void clickingAnIntervalButtonShowsThatIntervalOverTheSameTimeRange(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        robot.interact(() -> controller.viewModel().goTo(LocalDate.of(2024, 2, 21)));
        WaitForAsyncUtils.waitForFxEvents();
        long[] before = visibleTimes();
        int frames = controller.chart().framesProperty().get();
        robot.clickOn("#interval1h");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> controller.chart().painted().interval().equals(Interval.ONE_HOUR)
                        && controller.chart().framesProperty().get() > frames);
        long[] after = visibleTimes();
        assertTrue(Math.abs(after[0] - before[0]) <= 3600 && Math.abs(after[1] - before[1]) <= 3600,
                "the same hours in view: " + Arrays.toString(before) + " then " + Arrays.toString(after));
        robot.clickOn("#interval1d");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> controller.chart().painted().interval().equals(Interval.ONE_DAY));
        long[] days = visibleTimes();
        assertTrue(days[0] <= before[0] && days[1] >= before[1] - 86_400,
                "the sessions in view stay in view as days: " + Arrays.toString(days));
    }

    @Test
    void theChartTakesTheFocusWhenShownSoTheKeysWorkWithoutAClick(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        // As the main window does: another view in front, then the chart view put back.
        Parent chartView = controller.chart().getScene().getRoot();
        Button other = new Button("another view");
        robot.interact(() -> {
            chartView.getScene().setRoot(new StackPane(other));
            other.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(controller.chart().isFocused());
        robot.interact(() -> other.getScene().setRoot(chartView));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.chart().isFocused());
        double before = controller.chart().viewportProperty().get().from();
        // The key reached the chart: the view left the newest bars for the oldest. Reaching the oldest may load
        // older history at once and shift the indices (so neither "from == 0" nor a later "from < before" is the
        // test): every view the chart takes is watched from before the key is typed.
        java.util.concurrent.atomic.AtomicBoolean wentBack = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> controller.chart().viewportProperty().addListener((obs, was, now) -> {
            if (now.from() < before) {
                wentBack.set(true);
            }
        }));
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, wentBack::get);
    }

    @Test
    void zoomingAllTheWayOutFillsThePlotAndNoDragPushesTheDataOut(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        CandleChart chart = controller.chart();
        robot.interact(chart::requestFocus);
        for (int i = 0; i < 15; i++) {
            robot.type(KeyCode.MINUS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        // Reaching the oldest bar may fetch older history meanwhile: data and view are read together.
        Object[] shown = WaitForAsyncUtils.asyncFx(() -> new Object[] {chart.dataProperty().get().size(),
                chart.viewportProperty().get()}).get();
        int size = (int) shown[0];
        double plot = ChartLayout.of(chart.getWidth(), chart.getHeight()).plotWidth();
        Viewport v = (Viewport) shown[1];
        assertTrue(v.x(0, plot) >= 0 && v.x(0, plot) < plot * 0.02, "oldest bar at the left edge: " + v);
        assertTrue(v.x(size, plot) <= plot && v.x(size, plot) > plot * 0.94, "newest at the right edge: " + v);
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.PLUS);
        }
        robot.drag(chart).moveBy(600, 0).drop();
        robot.drag(chart).moveBy(600, 0).drop();
        Viewport dragged = chart.viewportProperty().get();
        assertTrue(dragged.x(0, plot) < plot * 0.02, "the oldest bar still in view after dragging right: " + dragged);
        robot.drag(chart).moveBy(-900, 0).drop();
        robot.drag(chart).moveBy(-900, 0).drop();
        robot.drag(chart).moveBy(-900, 0).drop();
        dragged = chart.viewportProperty().get();
        assertTrue(dragged.showsEnd(size), "the newest bar still in view after dragging left: " + dragged);
    }

    /** The start of the first slot in view and the end of the last, epoch seconds. */
    private long[] visibleTimes() {
        ChartData d = controller.chart().dataProperty().get();
        Viewport v = controller.chart().viewportProperty().get();
        int from = (int) Math.max(0, Math.round(v.first()));
        int to = Math.min(d.size(), (int) Math.round(v.first() + v.count()));
        return new long[] {d.time[from], d.end[Math.max(from, to - 1)]};
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
