package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Freshness;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.Totals;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshness over every symbol reads the ledger's aggregate and only the rows that are not a wholly held regular
 * session; it must give what the per-symbol reports give (which read every row), in every shape of ledger, and
 * fall back to the whole pass when the ledger is not in the shape that read relies on.
 */
class LedgerTotalsTest {
    /** Ten weekdays, the seventh an early close; the clock stands inside the tenth, 18 of its bars closed. */
    private static final List<Session> SESSIONS = sessions();
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    private static final Instant NOW = TestBars.at(SESSIONS.get(9), "11:00");
    private static final List<String> SYMBOLS = List.of("AAPL", "IBM", "MSFT", "NVDA");

    @TempDir
    Path dir;

    @Test
    void aLedgerWithARowForEverySessionIsReadFromItsAggregateAndTheRowsThatAreNotWhole() {
        try (CacheEngine engine = open()) {
            writeEveryShapeOfSession(engine);
            assertEquals(0, symbolsReadRowByRow(engine), "the ledger has a row for every session of each span");
            assertSameAsEachSymbolsReport(engine);
            Totals aapl = engine.gaps().totalsAll(List.of("AAPL")).get(0);
            assertTrue(!aapl.missing().isEmpty() && aapl.coveragePercent() < 100, aapl.toString());
        }
    }

    @Test
    void aSymbolWithASessionWithoutARowIsReadRowByRow() {
        try (CacheEngine engine = open()) {
            writeEveryShapeOfSession(engine);
            // TSLA: sessions 0-1 and 3-4 asked, session 2 never: no row for it (as for a session answered without
            // a bar)
            engine.bars().write(TestBars.batch("TSLA", SESSIONS.subList(0, 2),
                    TestBars.sessions(SESSIONS.subList(0, 2), 1), List.of(), true));
            engine.bars().write(TestBars.batch("TSLA", SESSIONS.subList(3, 5),
                    TestBars.sessions(SESSIONS.subList(3, 5), 1), List.of(), true));
            assertEquals(1, symbolsReadRowByRow(engine, "TSLA"));
            assertSameAsEachSymbolsReport(engine, "TSLA");
        }
    }

    @Test
    void aSymbolWithARowAnotherCalendarWroteIsReadRowByRow() {
        try (CacheEngine engine = open()) {
            writeEveryShapeOfSession(engine);
            engine.database().writer().run(dsl -> dsl.update(SESSION_COVERAGE)
                    .set(SESSION_COVERAGE.CALENDAR_VERSION, "older")
                    .where(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(3).dateKey())).execute());
            assertEquals(3, symbolsReadRowByRow(engine), "AAPL, IBM and MSFT have a row on that session");
            assertSameAsEachSymbolsReport(engine);
        }
    }

    /**
     * AAPL: a partial session, one the vendor said it has no data for, the early close whole, the session in
     * progress so far;
     * MSFT: every session whole, one with two no-trade slots; IBM: every session whole (no row leaves the database);
     * NVDA: on the watchlist, never fetched.
     */
    private static void writeEveryShapeOfSession(CacheEngine engine) {
        List<Bar> aapl = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Session s = SESSIONS.get(i);
            if (i == 2) {
                aapl.addAll(TestBars.session(s, 1).subList(0, 40));
            } else if (i != 4) {
                aapl.addAll(TestBars.session(s, 1));
            }
        }
        engine.bars().write(TestBars.batch("AAPL", SESSIONS.subList(0, 9), aapl, List.of(), true));
        Session nothing = SESSIONS.get(4);
        engine.bars().write(new BarBatch("AAPL", nothing.open(), nothing.close(), List.of(), List.of(), true, true));
        Session today = SESSIONS.get(9);
        engine.bars().write(new BarBatch("AAPL", today.open(), TestBars.start(today, 18),
                TestBars.session(today, 1).subList(0, 18), List.of(), true));
        List<Bar> msft = new ArrayList<>(TestBars.sessions(SESSIONS.subList(0, 9), 2));
        Session quiet = SESSIONS.get(3);
        msft.removeIf(b -> b.start().equals(TestBars.start(quiet, 10)) || b.start().equals(TestBars.start(quiet, 11)));
        engine.bars().write(TestBars.batch("MSFT", SESSIONS.subList(0, 9), msft,
                List.of(TestBars.empty(quiet, 10), TestBars.empty(quiet, 11)), true));
        engine.bars().write(TestBars.batch("IBM", SESSIONS.subList(0, 9), TestBars.sessions(SESSIONS.subList(0, 9), 3),
                List.of(), true));
        engine.watchlist().add("NVDA", 0, null, NOW);
    }

    /** The all-symbol freshness and totals are what each symbol's own report gives. */
    private static void assertSameAsEachSymbolsReport(CacheEngine engine, String... more) {
        List<String> symbols = concat(SYMBOLS, more);
        List<Freshness> each = symbols.stream().map(engine.freshness()::compute).toList();
        assertEquals(each, engine.freshness().computeAll());
        List<Totals> fromEveryRow = engine.gaps().summarizeAll(symbols, null, null).stream()
                .map(s -> Totals.of(s.report(), s.firstTs(), s.lastTs(), s.fetchedAt())).toList();
        assertEquals(fromEveryRow, engine.gaps().totalsAll(symbols));
    }

    /** How many of the symbols (and {@code more}) the all-symbol read had to read row by row (NVDA has no row). */
    private static int symbolsReadRowByRow(CacheEngine engine, String... more) {
        Map<Long, String> ids = new HashMap<>();
        for (String symbol : concat(SYMBOLS, more)) {
            engine.bars().symbolIds().find(symbol).ifPresent(id -> ids.put(id, symbol));
        }
        LedgerTotals read = new LedgerTotals(engine.gaps(), CALENDAR);
        assertEquals(ids.keySet().size(), engine.database().readJdbc(c -> read.read(c, ids)).size());
        return read.symbolsReadRowByRow();
    }

    private static List<String> concat(List<String> symbols, String... more) {
        List<String> out = new ArrayList<>(symbols);
        out.addAll(List.of(more));
        out.sort(null);
        return out;
    }

    private CacheEngine open() {
        return CacheEngine.open(TestDatabases.location(dir, "totals.db"), CALENDAR, 0, Clock.fixed(NOW,
                ZoneOffset.UTC));
    }

    private static List<Session> sessions() {
        List<Session> out = new ArrayList<>(TestBars.weekdays(LocalDate.of(2024, 3, 4), 10));
        out.set(6, TestBars.earlyClose(out.get(6).date().toString()));
        return List.copyOf(out);
    }
}
