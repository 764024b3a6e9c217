package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
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

/**
 * The chart view's choices in a real (headless) window over a cache filled from the demo feed: the symbol picker,
 * New York or local time (the view is given Tokyo as "local", whatever this machine's zone), and the studies each
 * chart remembers.
 */
@ExtendWith(ApplicationExtension.class)
class ChartOptionsViewTest {
    /** UTC+9 all year: 09:30 in New York on 2024-03-15 (EDT, UTC-4) is 22:30 in Tokyo. */
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);

    private static final Navigator NOWHERE = new Navigator() {
        @Override
        public void show(View view) {
        }

        @Override
        public void openChart(String symbol, LocalDate date) {
        }
    };

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
        // Watched and cached: AAPL; watched, nothing cached: MSFT; cached, not watched: SPY.
        services.engine().watchlist().add("AAPL", 1, null, clock.instant());
        services.engine().watchlist().add("MSFT", 1, null, clock.instant());
        services.data().backfill(List.of("AAPL", "SPY"), LocalDate.of(2024, 3, 11), FRIDAY, SyncProgress.NONE,
                Cancellation.none());
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        controller = new ChartController(services, new UiState(), NOWHERE, TOKYO);
        stage.setScene(new Scene(new ViewLoader(Map.of(ChartController.class, () -> controller))
                .load(ChartController.class), 1100, 700));
        stage.show();
    }

    @Test
    void thePickerListsWatchedAndCachedSymbolsNarrowsAsYouTypeAndTakesANewTicker(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        ComboBox<String> box = robot.lookup("#symbolBox").queryComboBox();
        assertEquals(List.of("AAPL", "MSFT", "SPY"), List.copyOf(box.getItems()), "watchlist order, then the cache");

        robot.doubleClickOn(".combo-box .text-field").write("s");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("MSFT", "SPY"), List.copyOf(box.getItems()),
                "the symbols containing S; typed: " + box.getEditor().getText());
        assertEquals("S", box.getEditor().getText(), "upper-cased as typed");

        double toolbar = robot.lookup(".chart-toolbar").query().getBoundsInParent().getHeight();
        // A stray space around a new ticker: still that ticker, no error, the toolbar as it was.
        robot.doubleClickOn(".combo-box .text-field").write(" tsla ").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "TSLA".equals(controller.viewModel().symbolProperty().get()));
        assertEquals("", robot.lookup(".symbol-error").queryAs(Label.class).getText());
        assertEquals(toolbar, robot.lookup(".chart-toolbar").query().getBoundsInParent().getHeight(), 0.5);
        assertEquals("TSLA", box.getEditor().getText());
    }

    @Test
    void newYorkTimeByDefaultLocalTimeOnTheAxisAndInTheReadoutWhenAsked(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        robot.clickOn("#range1D");
        Label readout = robot.lookup("#readoutLabel").query();
        // No crosshair: the readout names the newest bar, in Friday's last hour in New York.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> readout.getText().contains("2024-03-15 15:"));
        Matcher ny = Pattern.compile("2024-03-15 15:(\\d\\d)").matcher(readout.getText());
        assertTrue(ny.find(), readout.getText());
        String minutes = ny.group(1);
        List<String> nyTimes = clockLabels();
        assertFalse(nyTimes.isEmpty(), "a day in view has clock times on its axis");
        for (String t : nyTimes) {
            assertTrue(t.compareTo("09:30") >= 0 && t.compareTo("16:00") < 0, "New York session hours: " + nyTimes);
        }

        robot.interact(() -> controller.studies().optionsProperty().set(
                controller.studies().optionsProperty().get().withLocalTime(true)));
        // 15:mm in New York (EDT) is 19:mm UTC, 04:mm on Saturday in Tokyo.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> readout.getText().contains("2024-03-16 04:" + minutes));
        List<String> tokyoTimes = clockLabels();
        assertFalse(tokyoTimes.isEmpty());
        for (String t : tokyoTimes) {
            // The session runs 22:30 to 05:00 in Tokyo: evening or small hours, never New York's 09:30-16:00.
            assertTrue(t.compareTo("22:30") >= 0 || t.compareTo("05:00") < 0, "Tokyo hours: " + tokyoTimes);
        }
        robot.interact(() -> controller.studies().optionsProperty().set(
                controller.studies().optionsProperty().get().withLocalTime(false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> readout.getText().contains("2024-03-15 15:" + minutes));
    }

    @Test
    void aStudyTurnedOnInOneChartIsThereWhenItIsReopenedAndNotInAnother(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        open(robot, "SPY");
        // SPY charted with no study, as first shown: nothing chosen, yet that is SPY's chart from now on
        assertFalse(controller.studies().optionsProperty().get().sma());
        ChartOptionsStore store = new ChartOptionsStore(services.dataFolder());
        open(robot, "AAPL");
        robot.interact(() -> controller.studies().optionsProperty().set(ChartOptions.DEFAULTS.withSma(true, 10)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> controller.studies().studiesProperty().get().size() > 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load("AAPL").sma());

        open(robot, "SPY");
        // SPY was charted without it: still none
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !controller.studies().optionsProperty().get().sma());

        // A new view, as after a restart: AAPL's SMA is read back from the data folder.
        ChartController reopened = new ChartController(services, new UiState(), NOWHERE,
                TOKYO);
        robot.interact(() -> new ViewLoader(Map.of(ChartController.class, () -> reopened))
                .load(ChartController.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "AAPL".equals(reopened.viewModel().symbolProperty().get())
                        && reopened.studies().optionsRead());
        assertTrue(reopened.studies().optionsProperty().get().sma());
        assertEquals(10, reopened.studies().optionsProperty().get().smaPeriod());
        // the SMA's points are drawn and in the readout
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> reopened.studies().studiesProperty().get().size() > 0);
        assertFalse(Double.isNaN(reopened.studies().studiesProperty().get().sma[
                reopened.studies().studiesProperty().get().size() - 1]));
    }

    private void open(FxRobot robot, String symbol) throws Exception {
        robot.interact(() -> controller.viewModel().open(symbol));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> symbol.equals(controller.chart().painted().symbol())
                && symbol.equals(controller.viewModel().symbolProperty().get()));
        // the chart's options read back from the data folder (a background read)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.studies().optionsRead());
    }

    /** The clock-time labels on the time axis of the frame on screen. */
    private List<String> clockLabels() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return controller.chart().frame().ticks().stream().filter(t -> !t.sessionStart()).map(TimeAxis.Tick::text)
                .toList();
    }
}
