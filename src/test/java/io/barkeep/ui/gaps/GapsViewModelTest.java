package io.barkeep.ui.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.SessionKind;
import io.barkeep.source.Cancellation;
import io.barkeep.store.BarBatch;
import io.barkeep.store.GapService.GapReport;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heatmap's view model on a real temp database filled by the demo feed, with holes written directly:
 * cell states, tooltips, selection to backfill plan, and a backfill that repairs the selected cells.
 */
class GapsViewModelTest {
    /** Wednesday 2024-03-20, 14:00 New York: that session is in progress, the day before still settling. */
    private static final Instant NOW = Instant.parse("2024-03-20T18:00:00Z");
    private static final LocalDate HOLE = LocalDate.of(2024, 3, 12);
    private static final LocalDate NO_DATA = LocalDate.of(2024, 3, 13);
    private static final LocalDate NO_TRADES = LocalDate.of(2024, 3, 14);
    private static final LocalDate NOTHING = LocalDate.of(2024, 3, 15);

    @TempDir
    Path dir;
    private AppServices services;
    private UiState state;
    private final List<String> opened = new ArrayList<>();
    private GapsViewModel vm;

    @BeforeEach
    void seed() {
        services = new AppServices(dir, Settings.defaults(), new SameThreadUiExecutor(), Clock.fixed(NOW,
                ZoneOffset.UTC));
        services.start().join();
        var watchlist = services.engine().watchlist();
        watchlist.add("AAPL", 3, null, NOW);
        watchlist.add("MSFT", 2, null, NOW);
        watchlist.add("NVDA", 1, null, NOW);
        services.data().backfill(List.of("AAPL"), LocalDate.of(2023, 11, 20), LocalDate.of(2024, 3, 20),
                SyncProgress.NONE, Cancellation.none());
        Session hole = session(HOLE);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < hole.expectedBars(); i++) {
            if (i < 9 || i >= 22) { // 10:15 to 11:20 is the hole: bars 9..21
                bars.add(Bar.of(hole.open().plusSeconds(300L * i), 4_000_000, 4_010_000, 3_990_000, 4_005_000,
                        1_000));
            }
        }
        services.engine().bars().write(BarBatch.of("MSFT", bars));
        Session noData = session(NO_DATA);
        services.engine().bars().write(new BarBatch("MSFT", noData.open(), noData.close(), List.of(), List.of(),
                true, true));
        Session noTrades = session(NO_TRADES);
        List<EmptyBar> empties = new ArrayList<>();
        for (int i = 0; i < noTrades.expectedBars(); i++) {
            empties.add(new EmptyBar(noTrades.open().plusSeconds(300L * i), Bar.UNKNOWN));
        }
        services.engine().bars().write(new BarBatch("MSFT", noTrades.open(), noTrades.close(), List.of(), empties,
                true));
        state = new UiState();
        vm = new GapsViewModel(services, state, new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
                opened.add(symbol + " " + date);
            }
        }, ViewLoader.bundle(GapsController.class));
        vm.reload();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private Session session(LocalDate date) {
        return services.engine().bars().calendar().session(date).orElseThrow();
    }

    private CellState stateOf(String symbol, LocalDate date) {
        return vm.modelProperty().get().cell(new CellKey(symbol, date)).state();
    }

    @Test
    void rowsAreTheWatchlistAndColumnsEveryWeekdayOfTheRetentionWindowUpToTheSessionInProgress() {
        HeatmapModel m = vm.modelProperty().get();
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), m.symbols());
        assertEquals(LocalDate.of(2024, 3, 20), m.columns().get(m.columnCount() - 1).date());
        assertTrue(m.columns().stream().noneMatch(c -> c.date().getDayOfWeek().getValue() > 5));
        assertTrue(m.columns().get(0).date().isBefore(LocalDate.of(2021, 3, 25)), "three years back");
        assertFalse(vm.loadingProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("3 symbols \u00d7 "), vm.summaryProperty().get());
    }

    @Test
    void aLongWatchlistShowsTheRowsAWindowHoldsFirstAndThenAllOfThem() {
        for (int i = 0; i < GapsViewModel.FIRST_ROWS; i++) {
            services.engine().watchlist().add("S" + i, 0, null, NOW);
        }
        GapsViewModel fresh = new GapsViewModel(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        }, ViewLoader.bundle(GapsController.class));
        List<HeatmapModel> shown = new ArrayList<>();
        List<Boolean> loadingWhenShown = new ArrayList<>();
        fresh.modelProperty().addListener((obs, was, now) -> {
            shown.add(now);
            loadingWhenShown.add(fresh.loadingProperty().get());
        });
        fresh.reload();

        int all = GapsViewModel.FIRST_ROWS + 3;
        assertEquals(List.of(GapsViewModel.FIRST_ROWS, all), shown.stream().map(HeatmapModel::rows).toList());
        assertTrue(loadingWhenShown.get(0), "the first rows show while the rest are read");
        assertFalse(fresh.loadingProperty().get());
        assertEquals(shown.get(1).symbols().subList(0, GapsViewModel.FIRST_ROWS), shown.get(0).symbols());
        assertEquals(shown.get(1).cell(new CellKey("MSFT", HOLE)).state(),
                shown.get(0).cell(new CellKey("MSFT", HOLE)).state());

        shown.clear();
        fresh.reload();
        assertEquals(List.of(all), shown.stream().map(HeatmapModel::rows).toList(),
                "a reload replaces the whole map at once: it never shrinks for a moment");
    }

    @Test
    void eachCellTakesItsSessionsCoverageState() {
        assertEquals(CellState.COMPLETE, stateOf("AAPL", LocalDate.of(2024, 3, 1)));
        assertEquals(CellState.PARTIAL, stateOf("MSFT", HOLE));
        assertEquals(CellState.VENDOR_EMPTY, stateOf("MSFT", NO_DATA), "the vendor said no data");
        assertEquals(CellState.VENDOR_EMPTY, stateOf("MSFT", NO_TRADES), "every bar without trades");
        assertEquals(CellState.MISSING, stateOf("MSFT", NOTHING));
        assertEquals(CellState.MISSING, stateOf("AAPL", LocalDate.of(2023, 6, 1)), "before the backfill");
        assertEquals(CellState.CLOSED, stateOf("AAPL", LocalDate.of(2024, 2, 19)), "Presidents Day");
        assertEquals(CellState.NOT_FINAL, stateOf("AAPL", LocalDate.of(2024, 3, 19)), "within the settle window");
        assertEquals(CellState.NOT_FINAL, stateOf("AAPL", LocalDate.of(2024, 3, 20)), "in progress");
        HeatmapModel m = vm.modelProperty().get();
        assertTrue(m.columns().get(m.columnOf(LocalDate.of(2023, 11, 24))).earlyClose());
        assertEquals(CellState.COMPLETE, stateOf("AAPL", LocalDate.of(2023, 11, 24)));
    }

    @Test
    void everyCellOfThePackedMapIsItsSessionInTheSymbolsOwnGapReport() {
        // Rows past the first ones come from the all-symbol pass, packed; each must say what the symbol's own report
        // says of that session, with the state the loader gives it.
        for (int i = 0; i < GapsViewModel.FIRST_ROWS; i++) {
            services.engine().watchlist().add("S" + i, 0, null, NOW);
        }
        services.engine().bars().write(BarBatch.of("S7", List.of(Bar.of(session(HOLE).open(), 4_000_000, 4_010_000,
                3_990_000, 4_005_000, 1_000))));
        state.dataChanged();
        HeatmapModel m = vm.modelProperty().get();
        assertEquals(GapsViewModel.FIRST_ROWS + 3, m.rows());
        Map<CellState, Integer> counted = new EnumMap<>(CellState.class);
        LocalDate from = m.columns().get(0).date();
        LocalDate to = m.columns().get(m.columnCount() - 1).date();
        for (int r = 0; r < m.rows(); r++) {
            GapReport report = services.engine().gaps().report(m.symbols().get(r), from, to);
            for (int c = 0; c < m.columnCount(); c++) {
                HeatmapModel.Column column = m.columns().get(c);
                HeatmapModel.Cell cell = m.cell(r, c);
                counted.merge(cell.state(), 1, Integer::sum);
                assertEquals(cell.repairable(), m.repairable(r, c));
                if (column.closed()) {
                    assertEquals(HeatmapModel.Cell.CLOSED, cell);
                    continue;
                }
                SessionCoverage coverage = report.sessions().stream()
                        .filter(s -> s.session().date().equals(column.date())).findFirst().orElse(null);
                String where = m.symbols().get(r) + " " + column.date();
                assertEquals(report.fetchedAt().get(column.date()), cell.fetchedAt(), where);
                if (coverage == null) {
                    assertEquals(new HeatmapModel.Cell(CellState.NOT_FINAL, 0, 0, 0, List.of(), null), cell, where);
                    continue;
                }
                assertEquals(new HeatmapModel.Cell(HeatmapLoader.state(column.session(), coverage, NOW),
                        coverage.expected(), coverage.held(), coverage.vendorEmpty(), coverage.missing(),
                        report.fetchedAt().get(column.date())), cell, where);
            }
        }
        assertEquals(counted, m.counts());
        assertEquals(CellState.PARTIAL, stateOf("S7", HOLE));
        assertEquals(CellState.PARTIAL, stateOf("MSFT", HOLE));
        assertEquals(CellState.VENDOR_EMPTY, stateOf("MSFT", NO_DATA));
    }

    @Test
    void theDemoFeedsBulkAnswersLeaveSomeSessionsPartial() {
        HeatmapModel m = vm.modelProperty().get();
        int row = m.rowOf("AAPL");
        long partial = 0;
        for (int c = m.columnOf(LocalDate.of(2023, 11, 20)); c < m.columnOf(LocalDate.of(2024, 3, 18)); c++) {
            CellState s = m.cell(row, c).state();
            assertTrue(s == CellState.COMPLETE || s == CellState.PARTIAL || s == CellState.CLOSED, s::toString);
            partial += s == CellState.PARTIAL ? 1 : 0;
        }
        assertTrue(partial > 0 && partial < 10, partial + " partial sessions");
    }

    @Test
    void theTooltipSaysWhatTheCellHoldsInWords() {
        HeatmapModel m = vm.modelProperty().get();
        int msft = m.rowOf("MSFT");
        int aapl = m.rowOf("AAPL");
        assertEquals("MSFT 2024-03-12 (Tue): 65 of 78 bars, 13 missing 10:15-11:20, fetched 2024-03-20 14:00 ET",
                vm.describe(msft, m.columnOf(HOLE)));
        assertEquals("MSFT 2024-03-15 (Fri): 0 of 78 bars, 78 missing 09:30-16:00, never fetched",
                vm.describe(msft, m.columnOf(NOTHING)));
        assertEquals("MSFT 2024-03-13 (Wed): no trades all session (the vendor confirmed it), fetched 2024-03-20 "
                + "14:00 ET", vm.describe(msft, m.columnOf(NO_DATA)));
        assertEquals("AAPL 2024-02-19 (Mon): market closed", vm.describe(aapl, m.columnOf(LocalDate.of(2024, 2,
                19))));
        assertTrue(vm.describe(aapl, m.columnOf(LocalDate.of(2023, 11, 24)))
                .startsWith("AAPL 2023-11-24 (Fri, early close 13:00): 42 of 42 bars"));
        assertTrue(vm.describe(aapl, m.columnOf(LocalDate.of(2024, 3, 20))).startsWith(
                "AAPL 2024-03-20 (Wed): in progress, 54 of 54 bars"), "bars up to 14:00 only");
        assertTrue(vm.describe(aapl, m.columnOf(LocalDate.of(2024, 3, 19))).startsWith(
                "AAPL 2024-03-19 (Tue): not final until 2024-03-20 16:00, 78 of 78 bars"));
    }

    @Test
    void theListUnderTheMapNamesEverySessionToRepairNewestFirst() {
        List<CellDescriber.GapRow> rows = vm.gapsProperty().get();
        LocalDate today = LocalDate.of(2024, 3, 20);
        assertEquals(List.of(new CellKey("MSFT", today), new CellKey("NVDA", today)), rows.subList(0, 2).stream()
                .map(r -> new CellKey(r.symbol(), r.date())).toList(), "neither holds today's bars so far");
        CellDescriber.GapRow hole = rows.stream().filter(r -> r.symbol().equals("MSFT") && r.date().equals(HOLE))
                .findFirst().orElseThrow();
        assertEquals(List.of("MSFT", HOLE, "2024-03-12 Tue", "Partial", 13, "10:15-11:20", "2024-03-20 14:00"),
                List.of(hole.symbol(), hole.date(), hole.session(), hole.state(), hole.missing(), hole.stretches(),
                        hole.fetched()));
        assertTrue(rows.stream().noneMatch(r -> r.date().equals(NO_DATA) && r.symbol().equals("MSFT")));
        assertEquals(vm.modelProperty().get().repairableCells().size(), rows.size());
    }

    @Test
    void aClickOpensTheChartAtThatSessionButAClosedDayHasNoneToOpen() {
        HeatmapModel m = vm.modelProperty().get();
        vm.open(m.rowOf("MSFT"), m.columnOf(HOLE));
        vm.open(m.rowOf("MSFT"), m.columnOf(LocalDate.of(2024, 2, 19)));
        assertEquals(List.of("MSFT 2024-03-12"), opened);
    }

    @Test
    void aSelectionPlansOneBackfillPerRunOfDatesTrimmedToWhatNeedsRepair() {
        Set<CellKey> rectangle = new HashSet<>();
        for (String symbol : List.of("AAPL", "MSFT", "NVDA")) {
            for (LocalDate d = HOLE; !d.isAfter(NO_TRADES); d = d.plusDays(1)) {
                rectangle.add(new CellKey(symbol, d));
            }
        }
        vm.select(rectangle);
        // AAPL is complete there; MSFT lacks the 12th only (the 13th and 14th are vendor-empty), NVDA all three.
        assertEquals(List.of(new BackfillPlan.Job(List.of("MSFT"), HOLE, HOLE),
                new BackfillPlan.Job(List.of("NVDA"), HOLE, NO_TRADES)), vm.plan().jobs());
        assertEquals(4, vm.repairableSelectedProperty().get());

        vm.select(Set.of(new CellKey("MSFT", NOTHING), new CellKey("NVDA", NOTHING)));
        assertEquals(List.of(new BackfillPlan.Job(List.of("MSFT", "NVDA"), NOTHING, NOTHING)), vm.plan().jobs(),
                "the same dates for two symbols are one job");
    }

    @Test
    void backfillingTheSelectionRepairsItsCellsAndReloads() {
        vm.select(Set.of(new CellKey("MSFT", HOLE), new CellKey("MSFT", NO_DATA), new CellKey("MSFT", NO_TRADES),
                new CellKey("MSFT", NOTHING), new CellKey("NVDA", NOTHING)));
        int version = state.dataVersionProperty().get();
        vm.backfill();
        services.jobs().awaitIdle();

        assertTrue(vm.selectionProperty().get().isEmpty());
        assertTrue(state.dataVersionProperty().get() > version, "a finished job says data changed");
        assertEquals(CellState.COMPLETE, stateOf("MSFT", HOLE));
        assertEquals(CellState.COMPLETE, stateOf("MSFT", NOTHING));
        assertEquals(CellState.COMPLETE, stateOf("NVDA", NOTHING));
        assertEquals(CellState.VENDOR_EMPTY, stateOf("MSFT", NO_DATA), "a confirmed answer is not asked again");
        assertEquals(CellState.MISSING, stateOf("NVDA", HOLE), "outside the selection");
    }

    @Test
    void selectGapsSelectsEveryPartialOrMissingCellAndASelectionSurvivesAReload() {
        vm.selectGaps();
        Set<CellKey> gaps = vm.selectionProperty().get();
        assertTrue(gaps.contains(new CellKey("MSFT", HOLE)));
        assertTrue(gaps.contains(new CellKey("NVDA", NOTHING)));
        assertFalse(gaps.contains(new CellKey("MSFT", NO_DATA)));
        assertFalse(gaps.contains(new CellKey("AAPL", LocalDate.of(2024, 2, 19))));
        assertFalse(gaps.contains(new CellKey("AAPL", LocalDate.of(2024, 3, 19))), "complete so far");
        state.dataChanged();
        assertEquals(gaps, vm.selectionProperty().get());
    }
}
