package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.Interval;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.ActionSync;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.chart.ChartActionMarkers.Marker;
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
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
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
 * The chart across NVDA's 10:1 split of 2024-06-10 on the demo feed, in a real (headless) window: the Adjusted /
 * Raw toggle changes the drawn prices, the split and the dividend are marked with a tooltip, and a split the cache
 * does not know is marked as suspected with an "Add this split" that stores it and shows the chart adjusted.
 */
@ExtendWith(ApplicationExtension.class)
class ChartActionsViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-20T22:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate BEFORE = LocalDate.of(2024, 6, 7);
    private static final LocalDate SPLIT = LocalDate.of(2024, 6, 10);
    private static final LocalDate DIVIDEND = LocalDate.of(2024, 6, 5);

    @TempDir
    static Path home;
    private static FxUiExecutor io;
    private static AppServices services;
    private UiState state;
    private ChartController controller;

    @BeforeAll
    static void fillCache() throws Exception {
        FxToolkit.registerPrimaryStage();
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(home, Settings.defaults(), io, CLOCK);
        services.start().join();
        services.engine().watchlist().add("NVDA", 1, null, CLOCK.instant());
        services.data().backfill(List.of("NVDA"), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 20),
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
        state = new UiState();
        controller = new ChartController(services, state, navigator);
        stage.setScene(new Scene(new ViewLoader(Map.of(ChartController.class, () -> controller))
                .load(ChartController.class), 1200, 760));
        stage.show();
    }

    @Test
    void theToggleRedrawsThePricesAcrossTheSplitAndTheMarksCarryATooltip(FxRobot robot) throws Exception {
        new ActionSync(services.engine(), ActionSync.forSource("demo", null, services.engine().bars().calendar(),
                CLOCK)).refresh(List.of("NVDA"), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 20));
        robot.interact(state::dataChanged);
        robot.clickOn("#adjustedButton");
        showTheLastMonthOfDays(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(Adjustment.SPLITS)
                && marker(m -> m.action() != null && m.action().isSplit()) != null
                && marker(m -> m.action() != null && !m.action().isSplit()) != null);
        ChartData adjusted = controller.chart().painted();
        long adjustedBefore = adjusted.close[slot(adjusted, BEFORE)];
        long adjustedVolume = adjusted.volume[slot(adjusted, BEFORE)];
        assertEquals(1, (double) adjusted.open[slot(adjusted, SPLIT)] / adjustedBefore, 0.1,
                "adjusted: no cliff at the split");
        Label legend = robot.lookup("#adjustmentLegend").query();
        assertTrue(legend.getText().contains("split-adjusted"), legend.getText());

        Marker split = marker(m -> m.action() != null && m.action().isSplit());
        assertEquals(SPLIT, split.action().exDate());
        Marker dividend = marker(m -> m.action() != null && !m.action().isSplit());
        assertEquals(DIVIDEND, dividend.action().exDate());
        robot.moveTo(screen(split));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.adjustment().tooltip().isShowing());
        String tip = controller.adjustment().tooltip().getText();
        assertTrue(tip.contains("10:1") && tip.contains("2024-06-10") && tip.contains(split.action().source()), tip);
        robot.moveTo(screen(dividend));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> controller.adjustment().tooltip().getText()
                .contains(dividend.action().value()));

        robot.clickOn("#rawButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(Adjustment.NONE));
        ChartData raw = controller.chart().painted();
        assertEquals(10.0 * adjustedBefore, raw.close[slot(raw, BEFORE)], 5, "raw: ten times the adjusted price");
        assertEquals(adjustedVolume, 10 * raw.volume[slot(raw, BEFORE)], 10, "adjusted volume is ten times raw");
        assertEquals(0.1, (double) raw.open[slot(raw, SPLIT)] / raw.close[slot(raw, BEFORE)], 0.01,
                "raw: the vendor's cliff");
        assertEquals(adjusted.close[slot(adjusted, SPLIT)], raw.close[slot(raw, SPLIT)], "after the split: equal");
        assertTrue(legend.getText().contains("raw"), legend.getText());
        ChartOptionsStore store = new ChartOptionsStore(services.dataFolder());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> store.load("NVDA").raw());
    }

    @Test
    void aSplitTheCacheDoesNotKnowIsMarkedAndAddedInOneClick(FxRobot robot) throws Exception {
        services.engine().actions().remove("NVDA", SPLIT, CorporateAction.Kind.SPLIT);
        robot.interact(state::dataChanged);
        showTheLastMonthOfDays(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> marker(m -> m.suspected() != null) != null);
        Marker suspected = marker(m -> m.suspected() != null);
        assertEquals(SPLIT, suspected.suspected().date());
        assertEquals("?", suspected.letter());
        assertEquals(10, suspected.suspected().splitNew());
        robot.clickOn(screen(suspected));
        Node banner = robot.lookup("#suspectBar").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, banner::isVisible);

        robot.clickOn("#addSplitButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> services.engine().actions().of("NVDA").stream()
                .anyMatch(a -> a.isSplit() && a.exDate().equals(SPLIT)));
        CorporateAction stored = services.engine().actions().of("NVDA").stream().filter(CorporateAction::isSplit)
                .filter(a -> a.exDate().equals(SPLIT)).findFirst().orElseThrow();
        assertEquals("manual", stored.source());
        assertEquals("10:1", stored.value());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shows(Adjustment.SPLITS)
                && controller.viewModel().marksProperty().get().suspected().isEmpty()
                && marker(m -> m.action() != null && m.action().isSplit()) != null);
        ChartData d = controller.chart().painted();
        assertEquals(1, (double) d.open[slot(d, SPLIT)] / d.close[slot(d, BEFORE)], 0.1, "adjusted after adding");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !banner.isVisible());
    }

    /** Daily candles of the last month: both 2024-06-05 and 2024-06-10 in view, nothing older to fetch. */
    private void showTheLastMonthOfDays(FxRobot robot) throws Exception {
        robot.clickOn("#interval1d");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> controller.chart().painted().interval
                == Interval.ONE_DAY && !controller.viewModel().loadingProperty().get());
        robot.clickOn("#range1M");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean shows(Adjustment adjustment) {
        ActionMarks marks = controller.viewModel().marksProperty().get();
        ChartData d = controller.chart().painted();
        return marks.symbol().equals("NVDA") && marks.adjustment() == adjustment && d.symbol.equals("NVDA")
                && d.interval == Interval.ONE_DAY && d == controller.viewModel().dataProperty().get()
                .inZone(d.zone);
    }

    private Marker marker(java.util.function.Predicate<Marker> which) {
        return controller.chart().markers().placed().stream().filter(which).findFirst().orElse(null);
    }

    private Point2D screen(Marker m) {
        Point2D p = controller.chart().localToScreen(m.x(), m.y() + ChartActionMarkers.SIZE / 2);
        assertNotNull(p);
        return p;
    }

    private static int slot(ChartData d, LocalDate date) {
        int k = d.sessionOnOrAfter(date);
        assertEquals(date, d.sessionDate[k]);
        return d.sessionFirst[k];
    }
}
