package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Session;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
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
 * What a trader notices in the first minute, in a real window over a cache filled from the demo feed: the range
 * presets, the go-to-date box, and the readout after a jump from the gap heatmap (it names a bar on screen).
 */
@ExtendWith(ApplicationExtension.class)
class ChartTraderTest {
    private static final LocalDate NEWEST = LocalDate.of(2024, 3, 15);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @TempDir
    static Path home;
    private static FxUiExecutor io;
    private static AppServices services;
    private ChartController controller;
    private UiState state;

    @BeforeAll
    static void fillCache() throws Exception {
        FxToolkit.registerPrimaryStage();
        io = new FxUiExecutor("test-io", 2);
        Clock clock = Clock.fixed(Instant.parse("2024-03-15T22:00:00Z"), ZoneOffset.UTC);
        services = new AppServices(home, Settings.defaults(), io, clock);
        services.start().join();
        services.engine().watchlist().add("AAPL", 1, null, clock.instant());
        services.data().backfill(List.of("AAPL"), LocalDate.of(2024, 1, 2), NEWEST, SyncProgress.NONE,
                Cancellation.none());
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        state = new UiState();
        controller = new ChartController(services, state, new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        });
        stage.setScene(new Scene(new ViewLoader(Map.of(ChartController.class, () -> controller))
                .load(ChartController.class), 1100, 700));
        stage.show();
    }

    @Test
    void aRangePresetShowsItsSessionsUpToTheNewest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        robot.clickOn("#range1M");
        // 1M from Friday 2024-03-15: from 2024-02-16, a Friday (the Monday after is Presidents' Day)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> List.of(LocalDate.of(2024, 2, 16), NEWEST).equals(sessionsInView()));
        assertTrue(viewport().showsEnd(data().size()), "the newest bar at the right edge");
        robot.clickOn("#range1D");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> List.of(NEWEST, NEWEST).equals(sessionsInView()));
    }

    @Test
    void theGoToDateBoxPutsThatSessionInView(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        LocalDate target = LocalDate.of(2024, 1, 24);
        DatePicker box = robot.lookup("#dateBox").query();
        robot.interact(() -> box.setValue(target));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<LocalDate> range = sessionsInView();
            return !range.get(0).isAfter(target) && !range.get(1).isBefore(target);
        });
        assertFalse(viewport().showsEnd(data().size()), "the view left the newest bars for the date");
    }

    @Test
    void afterAJumpFromTheHeatmapTheReadoutNamesABarOnScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.viewModel().visibleCandles() > 0);
        // the crosshair on the newest bars: the readout names one of them
        robot.moveTo(controller.chart());
        Label readout = robot.lookup("#readoutLabel").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> readoutDate(readout) != null);
        assertTrue(readoutDate(readout).isAfter(LocalDate.of(2024, 3, 1)), readout.getText());

        // the gap heatmap asks for a session weeks back, as its click does
        LocalDate target = LocalDate.of(2024, 1, 17);
        robot.interact(() -> state.chartTargetProperty().set(new UiState.ChartTarget("AAPL", target)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sessionsInView().get(0).isBefore(LocalDate.of(2024,
                1, 18)));
        WaitForAsyncUtils.waitForFxEvents();
        LocalDate shown = readoutDate(readout);
        List<LocalDate> range = sessionsInView();
        assertTrue(shown != null && !shown.isBefore(range.get(0)) && !shown.isAfter(range.get(1)),
                "the readout's bar (" + readout.getText() + ") is on screen: " + range);
    }

    private ChartData data() {
        return controller.chart().dataProperty().get();
    }

    private Viewport viewport() {
        return controller.chart().viewportProperty().get();
    }

    /** The New York dates of the first and last bars in view. */
    private List<LocalDate> sessionsInView() {
        ChartData d = data();
        Viewport v = viewport();
        int from = (int) Math.max(0, Math.ceil(v.first() - 1e-9));
        int to = Math.min(d.size(), (int) Math.floor(v.first() + v.count() + 1e-9)) - 1;
        return List.of(date(d, from), date(d, Math.max(from, to)));
    }

    private static LocalDate date(ChartData d, int i) {
        return Instant.ofEpochSecond(d.time[i]).atZone(Session.NEW_YORK).toLocalDate();
    }

    private static LocalDate readoutDate(Label readout) {
        Matcher m = DATE.matcher(readout.getText() == null ? "" : readout.getText());
        return m.find() ? LocalDate.parse(m.group()) : null;
    }
}
