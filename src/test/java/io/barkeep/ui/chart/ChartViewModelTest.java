package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.source.Cancellation;
import io.barkeep.store.GapService;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's view model on a real cache filled from the demo feed, everything on the test's thread. */
class ChartViewModelTest {
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 2);
    private static final LocalDate LAST = LocalDate.of(2024, 3, 15);
    /** A regular Thursday. */
    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 14);

    @TempDir
    Path home;
    private AppServices services;
    private UiState state;
    private ChartViewModel model;

    @BeforeEach
    void fillCache() {
        Clock clock = Clock.fixed(Instant.parse("2024-03-15T22:00:00Z"), ZoneOffset.UTC);
        services = new AppServices(home, Settings.defaults(), new SameThreadUiExecutor(), clock);
        services.start().join();
        // A small cap: the demo feed gives liquid names like AAPL almost no no-trade bars, as a real feed does.
        services.engine().watchlist().add("BARK", 2, null, clock.instant());
        services.engine().watchlist().add("MSFT", 1, null, clock.instant());
        services.data().backfill(List.of("BARK"), FIRST, LAST, SyncProgress.NONE, Cancellation.none());
        state = new UiState();
        model = new ChartViewModel(services, state, ViewLoader.bundle(ChartController.class));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void opensTheFirstWatchlistSymbolAtItsLatestSessionsAndSwitchesInterval() {
        model.start();
        assertEquals(List.of("BARK", "MSFT"), model.symbols());
        assertEquals("BARK", model.symbolProperty().get());
        ChartData d = model.dataProperty().get();
        assertEquals(Interval.FIVE_MINUTES, d.interval());
        assertEquals(FIRST, d.firstDate());
        assertEquals(LAST, d.sessionDate[d.sessionCount() - 1]);
        assertTrue(model.viewportProperty().get().showsEnd(d.size()), "opens at the newest bars");
        assertTrue(model.visibleCandles() > 150, "about three sessions of candles: " + model.visibleCandles());

        assertEquals(78, slotsOf(d, THURSDAY));
        model.intervalProperty().set(Interval.ONE_HOUR);
        assertEquals(Interval.ONE_HOUR, model.dataProperty().get().interval());
        assertEquals(7, slotsOf(model.dataProperty().get(), THURSDAY));
        model.intervalProperty().set(Interval.ONE_DAY);
        ChartData days = model.dataProperty().get();
        assertEquals(days.sessionCount(), days.size());
        assertEquals(days.sessionCount(), days.countBars(0, days.size()), "every session has its daily candle");
        assertTrue(model.viewportProperty().get().showsEnd(days.size()));
    }

    @Test
    void flagsWhatTheGapReportCallsMissingAndVendorEmpty() {
        model.start();
        ChartData d = model.dataProperty().get();
        GapService.GapReport report = services.engine().gaps().report("BARK", FIRST, LAST);
        int missing = 0;
        int empty = 0;
        for (SessionCoverage c : report.sessions()) {
            int k = d.sessionOnOrAfter(c.session().date());
            int held = 0;
            int m = 0;
            int e = 0;
            for (int i = d.sessionFirst[k]; i < d.sessionFirst[k + 1]; i++) {
                held += d.has(i, ChartData.HAS_BAR) ? 1 : 0;
                m += d.has(i, ChartData.MISSING) ? 1 : 0;
                e += d.has(i, ChartData.EMPTY) ? 1 : 0;
            }
            assertEquals(c.held(), held, "held " + c.session().date());
            assertEquals(c.missingBars(), m, "missing " + c.session().date());
            assertEquals(c.vendorEmpty(), e, "empty " + c.session().date());
            missing += m;
            empty += e;
        }
        assertTrue(missing > 0, "the demo feed's outages leave holes");
        assertTrue(empty > 0, "the demo feed has intervals without a trade");
    }

    @Test
    void opensAtTheChartTargetWithItsSessionInView() {
        LocalDate target = LocalDate.of(2024, 2, 14);
        state.chartTargetProperty().set(new UiState.ChartTarget("BARK", target));
        model.start();
        ChartData d = model.dataProperty().get();
        Viewport v = model.viewportProperty().get();
        int k = d.sessionOnOrAfter(target);
        assertEquals(target, d.sessionDate[k]);
        assertTrue(v.from() <= d.sessionFirst[k] && v.to(d.size()) >= d.sessionFirst[k + 1], "session in view");
        assertFalse(v.showsEnd(d.size()), "not at the newest bars");

        // Another target on the same symbol only moves the view.
        state.chartTargetProperty().set(new UiState.ChartTarget("BARK", LocalDate.of(2024, 1, 10)));
        assertTrue(d == model.dataProperty().get());
        int j = d.sessionOnOrAfter(LocalDate.of(2024, 1, 10));
        assertTrue(model.viewportProperty().get().from() <= d.sessionFirst[j]);
    }

    @Test
    void reachingTheOldestLoadedSessionBackfillsTheMonthsBeforeAndKeepsTheView() {
        model.start();
        ChartData before = model.dataProperty().get();
        long leftTime = before.time[0];
        model.viewportProperty().set(new Viewport(0, 200));

        ChartData after = model.dataProperty().get();
        assertFalse(model.loadingOlderProperty().get());
        assertTrue(after.firstDate().isBefore(FIRST.minusMonths(2)), "older sessions loaded: " + after.firstDate());
        int oldSlots = after.slotAt(leftTime);
        assertTrue(after.countBars(0, oldSlots) > 0, "the older months were fetched");
        assertEquals(leftTime, after.time[model.viewportProperty().get().from()], "the view stays where it was");
    }

    @Test
    void aSymbolWithNothingCachedIsFetched() {
        model.start();
        model.open("MSFT");
        ChartData d = model.dataProperty().get();
        assertEquals("MSFT", d.symbol());
        assertTrue(d.countBars(0, d.size()) > 0, "fetched the last weeks");
        assertEquals("", model.messageProperty().get());
        int newest = d.size() - 1;
        assertTrue(d.has(newest, ChartData.HAS_BAR), "the demo feed traded MSFT's last bar");
        assertEquals(LAST.atTime(15, 55).atZone(io.barkeep.domain.Session.NEW_YORK).toEpochSecond(), d.time[newest]);
        assertEquals(model.readout(newest), model.readout(-1), "off the chart, the readout is the newest candle's");
        assertTrue(model.readout(-1).contains("15:55"), model.readout(-1));
    }

    private static int slotsOf(ChartData d, LocalDate date) {
        int k = d.sessionOnOrAfter(date);
        assertEquals(date, d.sessionDate[k]);
        return d.sessionFirst[k + 1] - d.sessionFirst[k];
    }
}
