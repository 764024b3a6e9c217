package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A vendor answer into sessions that held nothing counts the ledger from the bars it wrote instead of reading them
 * back: the rows must be the ones a recount from the stored rows gives.
 */
class LedgerCountTest {
    private static final List<Session> SESSIONS = TestBars.weekdays(LocalDate.of(2024, 7, 1), 10);
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    private static final Instant NOW = Instant.parse("2024-08-12T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void countingTheWrittenBarsGivesTheLedgerACountOfTheRowsGives() {
        List<Bar> bars = new ArrayList<>(TestBars.sessions(SESSIONS.subList(0, 3), 7));
        // a partial session: its first 20 bars and its last 10
        List<Bar> partial = TestBars.session(SESSIONS.get(3), 7);
        bars.addAll(partial.subList(0, 20));
        bars.addAll(partial.subList(68, 78));
        LocalDate from = SESSIONS.get(0).date();
        LocalDate to = SESSIONS.get(4).date();
        try (CacheEngine engine = CacheEngine.open(TestDatabases.location(dir, "ledger.db"), CALENDAR, 0,
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            new AnswerStore(engine).store(new VendorAnswer("MSFT", "test", "MSFT", from, to, bars, List.of(),
                    List.of(), false));
            List<List<Object>> counted = ledger(engine);
            // the same bars again through the plain write path, which counts what the file holds
            engine.bars().write(new BarBatch("MSFT", SESSIONS.get(0).open(), SESSIONS.get(4).close(), bars,
                    List.of(), true));
            assertEquals(ledger(engine), counted);
            assertEquals(4, counted.size(), "session 5 answered nothing and stays missing: " + counted);
            assertEquals(30L, counted.get(3).get(1));
        }
    }

    @Test
    void aStartGivenTwiceIsOneRowAndOtherSessionsCountNothing() {
        Session s = SESSIONS.get(1);
        List<Bar> bars = new ArrayList<>(TestBars.session(s, 3).subList(5, 9));
        bars.add(0, bars.get(2));
        Map<Long, long[]> counts = CoverageLedger.countWritten(SESSIONS.subList(0, 3), bars);
        assertArrayEquals(new long[] {4, bars.get(1).epochSecond(), bars.get(4).epochSecond()},
                counts.get(s.open().getEpochSecond()));
        assertArrayEquals(new long[3], counts.get(SESSIONS.get(0).open().getEpochSecond()));
        assertArrayEquals(new long[3], counts.get(SESSIONS.get(2).open().getEpochSecond()));
    }

    /** Every ledger row but when it was fetched, by date. */
    private static List<List<Object>> ledger(CacheEngine engine) {
        return engine.database().read(dsl -> dsl.select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS,
                        SESSION_COVERAGE.EMPTY_BARS, SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS,
                        SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FINAL, SESSION_COVERAGE.EXPECTED_BARS)
                .from(SESSION_COVERAGE).orderBy(SESSION_COVERAGE.SESSION_DATE)
                .fetch(r -> List.<Object>of(r.value1(), r.value2(), r.value3(), String.valueOf(r.value4()),
                        String.valueOf(r.value5()), r.value6(), r.value7(), r.value8())));
    }
}
