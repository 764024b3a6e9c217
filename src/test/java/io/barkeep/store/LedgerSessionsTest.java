package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.GapDetector;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.store.GapService.GapReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heatmap's read of many symbols' sessions ({@link GapService#eachSession}) hands on a wholly held session as
 * such, without its coverage: every session, whole or not, must be what the symbol's own report says of it, with
 * the same fetch time, in every shape of ledger, whether the symbols are read one by one or in one pass.
 */
class LedgerSessionsTest {
    private static final List<Session> SESSIONS = EveryShapeLedger.SESSIONS;
    /** Every shape's symbols, and TSLA, with a session without a row and one row on a day that is no session. */
    private static final List<String> SYMBOLS = List.of("AAPL", "IBM", "MSFT", "NVDA", "TSLA", "ZZZ");

    @TempDir
    Path dir;

    @Test
    void everySessionIsWhatEachSymbolsReportSaysOfIt() {
        try (CacheEngine engine = open()) {
            writeMoreShapes(engine);
            LocalDate from = SESSIONS.get(0).date();
            LocalDate to = SESSIONS.get(SESSIONS.size() - 1).date();
            List<Session> span = engine.gaps().pastSessions(from, to);
            assertEquals(SESSIONS.size(), span.size(), "the session in progress is cut, not left out");

            Map<String, List<Told>> all = read(engine, SYMBOLS, span);
            assertEquals(SYMBOLS.size(), all.size());
            int whole = 0;
            int other = 0;
            for (String symbol : SYMBOLS) {
                GapReport report = engine.gaps().report(symbol, from, to);
                List<Told> told = all.get(symbol);
                assertEquals(report.sessions().size(), told.size(), symbol);
                for (int i = 0; i < told.size(); i++) {
                    SessionCoverage expected = report.sessions().get(i);
                    Told t = told.get(i);
                    String where = symbol + " " + expected.session().date();
                    assertEquals(i, t.index(), where);
                    assertEquals(expected, t.coverage(), where);
                    assertEquals(report.fetchedAt().get(expected.session().date()), t.fetchedAt(), where);
                    if (t.whole()) {
                        whole++;
                    } else {
                        other++;
                    }
                }
                // Read by itself, one symbol of six goes by its key: the same sessions.
                assertEquals(Map.of(symbol, told), read(engine, List.of(symbol), span), symbol);
            }
            // AAPL's sessions but the partial and the one without data, MSFT's but the one with empty slots and the
            // one never fetched, IBM's but the one moved, TSLA's four: the rest came as coverages.
            assertEquals(8 + 8 + 8 + 4, whole);
            assertEquals(SYMBOLS.size() * SESSIONS.size() - whole, other);
        }
    }

    /**
     * TSLA: sessions 0-1 and 3-4 asked, session 2 never (no row); IBM: session 3's row written by another calendar,
     * session 5's row moved to the Saturday before it (a day without a session); AAPL: its partial session's mask gone
     * (a row from before the masks: its bars are read). ZZZ is not in the cache.
     */
    private static void writeMoreShapes(CacheEngine engine) {
        EveryShapeLedger.write(engine);
        engine.bars().write(TestBars.batch("TSLA", SESSIONS.subList(0, 2),
                TestBars.sessions(SESSIONS.subList(0, 2), 1), List.of(), true));
        engine.bars().write(TestBars.batch("TSLA", SESSIONS.subList(3, 5),
                TestBars.sessions(SESSIONS.subList(3, 5), 1), List.of(), true));
        long ibm = engine.bars().symbolIds().find("IBM").orElseThrow();
        long aapl = engine.bars().symbolIds().find("AAPL").orElseThrow();
        // The Saturday between sessions 4 (a Friday) and 5.
        LocalDate saturday = SESSIONS.get(5).date().minusDays(2);
        long saturdayKey = saturday.getYear() * 10_000L + saturday.getMonthValue() * 100L + saturday.getDayOfMonth();
        engine.database().writer().run(dsl -> {
            dsl.update(SESSION_COVERAGE).set(SESSION_COVERAGE.CALENDAR_VERSION, "older")
                    .where(SESSION_COVERAGE.SYMBOL_ID.eq(ibm))
                    .and(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(3).dateKey())).execute();
            dsl.update(SESSION_COVERAGE).set(SESSION_COVERAGE.SESSION_DATE, saturdayKey)
                    .where(SESSION_COVERAGE.SYMBOL_ID.eq(ibm))
                    .and(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(5).dateKey())).execute();
            return dsl.update(SESSION_COVERAGE).setNull(SESSION_COVERAGE.HELD_SLOTS)
                    .where(SESSION_COVERAGE.SYMBOL_ID.eq(aapl))
                    .and(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(2).dateKey())).execute();
        });
    }

    /** A session as the read told it: a wholly held one as the complete coverage a report gives it. */
    private record Told(int index, SessionCoverage coverage, Instant fetchedAt, boolean whole) {
    }

    private static Map<String, List<Told>> read(CacheEngine engine, List<String> symbols, List<Session> span) {
        Map<String, List<Told>> out = new HashMap<>();
        List<List<Told>> current = new ArrayList<>(1);
        engine.gaps().eachSession(symbols, span, new GapService.SessionSink() {
            @Override
            public void symbol(String symbol) {
                current.clear();
                current.add(new ArrayList<>());
                assertEquals(null, out.put(symbol, current.get(0)), "each symbol once: " + symbol);
            }

            @Override
            public void whole(int index, long fetchedAt) {
                Session s = span.get(index);
                current.get(0).add(new Told(index, GapDetector.complete(s, s.expectedBars(), 0),
                        Instant.ofEpochSecond(fetchedAt), true));
            }

            @Override
            public void session(int index, SessionCoverage coverage, Instant fetchedAt) {
                current.get(0).add(new Told(index, coverage, fetchedAt, false));
            }
        });
        return out;
    }

    private CacheEngine open() {
        return EveryShapeLedger.open(dir, "sessions.db");
    }
}
