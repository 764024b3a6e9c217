package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Symbols;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.sync.Settings;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchlist editor's actions on a real cache and the simulated feed, with no JavaFX toolkit. */
class WatchlistViewModelTest {
    /** Saturday 2024-06-08 12:00 New York: the 90 days before are settled history. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-08T16:00:00Z"), java.time.ZoneOffset.UTC);
    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-06-08T00:00:00Z");

    @TempDir
    Path dir;
    private AppServices services;
    private UiState state;
    private WatchlistViewModel model;

    @BeforeEach
    void start() {
        services = new AppServices(dir, Settings.defaults(), new SameThreadUiExecutor(), CLOCK);
        services.start().join();
        state = new UiState();
        model = new WatchlistViewModel(services, state, ViewLoader.bundle(WatchlistController.class));
        model.reload();
    }

    @AfterEach
    void stop() {
        services.jobs().awaitIdle();
        services.close();
    }

    private List<String> stored() {
        return services.engine().watchlist().list().stream().map(WatchlistEntry::symbol).sorted().toList();
    }

    private List<String> shown() {
        return model.rows().stream().map(WatchlistRow::symbol).sorted().toList();
    }

    private WatchlistRow row(String symbol) {
        return model.rows().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private String info() {
        return model.messages().infoProperty().get();
    }

    private String error() {
        return model.messages().errorProperty().get();
    }

    private void add(String typed) {
        model.inputProperty().set(typed);
        model.add();
        services.jobs().awaitIdle();
    }

    @Test
    void aGoodSymbolIsStoredShownAndBackfilled() {
        add(" aapl ");
        assertEquals(List.of("AAPL"), stored());
        assertEquals(List.of("AAPL"), shown());
        assertEquals("", model.inputProperty().get());
        assertEquals("", error());
        assertTrue(info().startsWith("Added AAPL"), info());
        assertFalse(services.engine().bars().bars("AAPL", FROM, TO).isEmpty(), "the backfill job ran");
        assertTrue(row("AAPL").barsProperty().get() > 78 * 55, "reloaded after the backfill: "
                + row("AAPL").barsProperty().get());
        assertTrue(row("AAPL").coverageProperty().get() > 90);
        assertEquals("AAPL", model.lastAddedProperty().get());
    }

    @Test
    void aBadSymbolIsReportedWithTheValidatorsMessageAndNothingIsStored() {
        String expected = assertThrows(IllegalArgumentException.class, () -> Symbols.normalize("AAPL1")).getMessage();
        add("AAPL1");
        assertEquals(expected, error());
        assertEquals("", info());
        assertEquals(List.of(), stored());
        assertEquals(List.of(), model.rows());
        assertEquals("AAPL1", model.inputProperty().get(), "left in the field to fix");
    }

    @Test
    void aBulkPasteAddsTheGoodOnesOnceAndReportsTheBadOne() {
        add("AAPL, MSFT t0o NVDA, msft\taapl");
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), stored());
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), shown());
        assertTrue(info().startsWith("Added AAPL, MSFT, NVDA,"), info());
        assertEquals(assertThrows(IllegalArgumentException.class, () -> Symbols.normalize("t0o")).getMessage(),
                error(), "the bad one, in the validator's words");
        assertEquals("t0o", model.inputProperty().get());
        for (String s : List.of("AAPL", "MSFT", "NVDA")) {
            assertFalse(services.engine().bars().bars(s, FROM, TO).isEmpty(), s + " backfilled");
        }
    }

    @Test
    void severalBadOnesAreNamedOnOneLine() {
        add("x1 AAPL 12345 $$");
        assertEquals(List.of("AAPL"), stored());
        assertTrue(error().startsWith("bad symbol 'x1'"), error());
        assertTrue(error().endsWith("(and 2 more: 12345 $$)"), error());
        assertEquals("x1 12345 $$", model.inputProperty().get());
    }

    @Test
    void addingAListedSymbolAgainKeepsItsSettings() {
        services.engine().watchlist().add("AAPL", 5, "core", CLOCK.instant());
        model.reload();
        add("AAPL");
        assertEquals("Already on the watchlist: AAPL.", info());
        WatchlistEntry aapl = services.engine().watchlist().find("AAPL").orElseThrow();
        assertEquals(5, aapl.priority());
        assertEquals("core", aapl.notes());
    }

    @Test
    void removeDeletesFromTheWatchlistButKeepsTheBars() {
        add("AAPL MSFT");
        model.remove(List.of(row("MSFT")));
        assertEquals(List.of("AAPL"), stored());
        assertEquals(List.of("AAPL"), shown());
        assertTrue(info().startsWith("Removed MSFT"), info());
        assertFalse(services.engine().bars().bars("MSFT", FROM, TO).isEmpty());
    }

    @Test
    void removeAndDeleteDataDeletesTheCachedBarsToo() {
        add("AAPL MSFT");
        model.remove(List.of(row("MSFT")), true);
        assertEquals(List.of("AAPL"), stored());
        assertTrue(info().startsWith("Removed MSFT and deleted"), info());
        assertTrue(services.engine().bars().bars("MSFT", FROM, TO).isEmpty());
        assertFalse(services.engine().bars().bars("AAPL", FROM, TO).isEmpty(), "only the removed symbol's data");
    }

    @Test
    void aTickerTheDemoFeedDoesNotKnowIsNotAdded() {
        add("AAPL;DROP TABLE");
        assertEquals(List.of(), stored(), "AAPL;DROP is refused whole, TABLE is no such symbol");
        assertTrue(error().contains("AAPL;DROP"), error());
        assertTrue(error().contains("No such symbol at the demo feed: TABLE"), error());
    }

    @Test
    void inlineEditsAreStoredAtOnce() {
        services.engine().watchlist().add("AAPL", 1, null, CLOCK.instant());
        model.reload();
        WatchlistRow aapl = row("AAPL");
        aapl.activeProperty().set(false);
        aapl.priorityProperty().set(7);
        aapl.notesProperty().set("  earnings play ");
        WatchlistEntry stored = services.engine().watchlist().find("AAPL").orElseThrow();
        assertFalse(stored.active());
        assertEquals(7, stored.priority());
        assertEquals("earnings play", stored.notes());
        assertEquals("Saved AAPL.", info());

        aapl.notesProperty().set("   ");
        assertNull(services.engine().watchlist().find("AAPL").orElseThrow().notes());
    }

    @Test
    void aDataChangeReloadsTheRows() {
        services.engine().watchlist().add("SPY", 0, "index", CLOCK.instant());
        assertEquals(List.of(), shown());
        state.dataChanged();
        assertEquals(List.of("SPY"), shown());
        assertEquals("index", row("SPY").notesProperty().get());
        assertEquals(0L, row("SPY").barsProperty().get());
        assertNull(row("SPY").coverageProperty().get());
    }

    @Test
    void theFilterMatchesSymbolsAndNotes() {
        services.engine().watchlist().add("AAPL", 0, "tech", CLOCK.instant());
        services.engine().watchlist().add("MSFT", 0, null, CLOCK.instant());
        services.engine().watchlist().add("XOM", 0, "energy", CLOCK.instant());
        model.reload();
        model.filterProperty().set("ms");
        assertEquals(List.of("MSFT"), model.visibleRows().stream().map(WatchlistRow::symbol).toList());
        model.filterProperty().set("ENERGY");
        assertEquals(List.of("XOM"), model.visibleRows().stream().map(WatchlistRow::symbol).toList());
        model.filterProperty().set("");
        assertEquals(3, model.visibleRows().size());
    }
}
