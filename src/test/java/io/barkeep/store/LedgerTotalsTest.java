package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.Totals;
import java.nio.file.Path;
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
    private static final List<Session> SESSIONS = EveryShapeLedger.SESSIONS;
    private static final TradingCalendar CALENDAR = EveryShapeLedger.CALENDAR;
    private static final List<String> SYMBOLS = List.of("AAPL", "IBM", "MSFT", "NVDA");

    @TempDir
    Path dir;

    @Test
    void aLedgerWithARowForEverySessionIsReadFromItsAggregateAndTheRowsThatAreNotWhole() {
        try (CacheEngine engine = open()) {
            EveryShapeLedger.write(engine);
            assertEquals(0, symbolsReadRowByRow(engine), "the ledger has a row for every session of each span");
            assertSameAsEachSymbolsReport(engine);
            Totals aapl = engine.gaps().totalsAll(List.of("AAPL")).get(0);
            assertTrue(!aapl.missing().isEmpty() && aapl.coveragePercent() < 100, aapl.toString());
        }
    }

    @Test
    void aSymbolWithASessionWithoutARowIsReadRowByRow() {
        try (CacheEngine engine = open()) {
            EveryShapeLedger.write(engine);
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
            EveryShapeLedger.write(engine);
            engine.database().writer().run(dsl -> dsl.update(SESSION_COVERAGE)
                    .set(SESSION_COVERAGE.CALENDAR_VERSION, "older")
                    .where(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(3).dateKey())).execute());
            assertEquals(3, symbolsReadRowByRow(engine), "AAPL, IBM and MSFT have a row on that session");
            assertSameAsEachSymbolsReport(engine);
        }
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
        return EveryShapeLedger.open(dir, "totals.db");
    }
}
