package io.barkeep.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.source.Cancellation;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.UpdaterSchedule;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.SameThreadUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's numbers, read from a real temp database filled by the simulated feed. */
class DashboardViewModelTest {
    /** Friday 2024-03-15, 16:30 New York: the week's sessions are all closed. */
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);

    @TempDir
    Path folder;
    private AppServices services;
    private CacheEngine engine;

    @BeforeEach
    void openWithAWeekOfBars() {
        services = new AppServices(folder, Settings.defaults(), new SameThreadUiExecutor(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        engine = services.engine();
        engine.watchlist().add("AAPL", 2, null, NOW);
        engine.watchlist().add("MSFT", 1, null, NOW);
        engine.watchlist().add("NVDA", 0, null, NOW);
        engine.watchlist().update("NVDA", false, 0, null);
        services.data().backfill(List.of("AAPL"), MONDAY, FRIDAY, SyncProgress.NONE, Cancellation.none());
        services.data().backfill(List.of("MSFT"), MONDAY, FRIDAY.minusDays(1), SyncProgress.NONE,
                Cancellation.none());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private DashboardStats load() {
        DashboardViewModel model = new DashboardViewModel(services);
        model.refresh();
        assertEquals("", model.errorProperty().get());
        DashboardStats stats = model.statsProperty().get();
        assertEquals(NOW, stats.at(), "the numbers of this refresh, taken at the clock's now");
        return stats;
    }

    @Test
    void countsTrackedSymbolsAndEveryCachedBar() {
        DashboardStats s = load();
        assertEquals(3, s.symbols());
        assertEquals(2, s.activeSymbols());
        assertEquals(2, s.cachedSymbols());
        long held = engine.bars().bars("AAPL", Instant.EPOCH, NOW).size()
                + engine.bars().bars("MSFT", Instant.EPOCH, NOW).size();
        assertTrue(held > 8 * 70, "a week and four days of bars, give or take the feed's outages: " + held);
        assertEquals(held, s.bars());
    }

    @Test
    void coverageWeighsEverySymbolsBarsAgainstTheCalendar() {
        GapService.GapReport aapl = engine.gaps().report("AAPL", MONDAY, FRIDAY);
        GapService.GapReport msft = engine.gaps().report("MSFT", MONDAY, FRIDAY.minusDays(1));
        double expected = 100.0 * (aapl.heldBars() + aapl.emptyBars() + msft.heldBars() + msft.emptyBars())
                / (aapl.expectedBars() + msft.expectedBars());
        DashboardStats s = load();
        assertEquals(expected, s.coveragePercent(), 1e-9);
        assertEquals(aapl.missing().size() + msft.missing().size(), s.gaps());
    }

    @Test
    void vendorErrorsCountOnlyVendorKindsOfTheLast24Hours() {
        record(NOW.minus(Duration.ofHours(1)), "vendor_retry");
        record(NOW.minus(Duration.ofHours(5)), "vendor_gave_up");
        record(NOW.minus(Duration.ofHours(23)), "vendor_fatal");
        record(NOW.minus(Duration.ofHours(2)), "rejected_bars");
        record(NOW.minus(Duration.ofHours(2)), "store_error");
        record(NOW.minus(Duration.ofHours(30)), "vendor_gave_up");
        assertEquals(3, load().vendorErrors());
    }

    @Test
    void requestsNotSentBecauseTheTerminalWasDownCountAsErrorsAndShowInEvents() {
        services.apply(new Settings(io.barkeep.sync.Sources.THETA, "http://127.0.0.1:1", 1, 60, null, 1095, 7,
                Settings.defaults().cacheMb()))
                .join();
        org.junit.jupiter.api.Assertions.assertThrows(io.barkeep.sync.SyncAbortedException.class,
                () -> services.data().backfill(List.of("AAPL"), MONDAY, FRIDAY, SyncProgress.NONE,
                        io.barkeep.source.Cancellation.none()));
        assertEquals(1, load().vendorErrors());
        assertEquals(io.barkeep.sync.MarketData.SOURCE_UNAVAILABLE,
                services.engine().events().since(NOW.minus(Duration.ofHours(1)), 10).get(0).kind());
    }

    private void record(Instant at, String kind) {
        engine.events().record(new SafetyEvent(at, kind, "AAPL", "thetadata", null, null, kind + " for a test"));
    }

    @Test
    void freshestAndStalestAreTheWatchedSymbolsByTheirNewestBar() {
        DashboardStats s = load();
        assertEquals("AAPL", s.freshest().symbol());
        assertEquals("MSFT", s.stalest().symbol());
        assertEquals(FRIDAY, s.freshest().newestBar().atZone(Session.NEW_YORK).toLocalDate());
        assertEquals(2, s.watched().size(), "the inactive NVDA is not watched");
    }

    @Test
    void updaterShowsTheScheduledPassAndTheNewestUpdate() {
        assertEquals(NOW, load().lastPass(), "a backfill leaves its watched symbols updated, not at a dash");
        assertEquals(null, engine.watchlist().find("NVDA").orElseThrow().lastUpdated(), "not backfilled");
        engine.watchlist().markUpdated("MSFT", NOW.minusSeconds(600));
        engine.watchlist().markUpdated("AAPL", NOW.minusSeconds(60));
        DashboardStats s = load();
        assertEquals(NOW.minusSeconds(60), s.lastPass());
        assertEquals(new UpdaterSchedule(engine.bars().calendar(), Duration.ofSeconds(60)).next(NOW), s.nextPass());
        // 16:30 New York, the revision just done: the night's backfill window opens at 22:00.
        assertEquals(new UpdaterSchedule.Planned(Instant.parse("2024-03-16T02:00:00Z"),
                UpdaterSchedule.PassKind.BACKFILL), s.nextPass());
    }

    @Test
    void anEmptyCacheNamesNoSymbolAndExpectsNothing() {
        try (AppServices empty = new AppServices(folder.resolve("empty"), Settings.defaults(),
                new SameThreadUiExecutor(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            empty.start().join();
            empty.engine().watchlist().add("SPY", 1, null, NOW);
            DashboardViewModel model = new DashboardViewModel(empty);
            model.refresh();
            DashboardStats s = model.statsProperty().get();
            assertEquals(1, s.symbols());
            assertEquals(0, s.bars());
            assertEquals(0, s.expectedBars());
            assertEquals(null, s.freshest());
            assertEquals(null, s.stalest());
        }
    }

    @Test
    void aViewLoadedBeforeTheDatabaseOpensFillsOnceItIs() {
        try (AppServices later = new AppServices(folder.resolve("later"), Settings.defaults(),
                new SameThreadUiExecutor(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            DashboardViewModel model = new DashboardViewModel(later);
            model.refresh();
            assertEquals(null, model.statsProperty().get());
            assertTrue(model.loadingProperty().get());
            later.start().join();
            assertEquals("", model.errorProperty().get());
            assertEquals(0, model.statsProperty().get().symbols());
            assertFalse(model.loadingProperty().get());
        }
    }

    @Test
    void databaseSizeIsTheFileAndItsWriteAheadLog() throws Exception {
        DashboardStats s = load();
        Path file = engine.database().file();
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        assertEquals("demo.db", s.databaseName());
        long onDisk = Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
        assertTrue(s.databaseBytes() > 0);
        assertEquals(onDisk, DashboardQuery.databaseBytes(file));
    }
}
