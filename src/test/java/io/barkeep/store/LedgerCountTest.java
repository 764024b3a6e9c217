package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
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
import org.jooq.Record7;
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
    void aRewriteCountsWhatTheFileHoldsInEverySessionOfItsRange() {
        Session full = SESSIONS.get(0);
        Session completed = SESSIONS.get(1);
        Session partial = SESSIONS.get(2);
        Session emptyOnly = SESSIONS.get(3);
        List<Bar> first = new ArrayList<>(TestBars.session(full, 1));
        first.addAll(TestBars.session(completed, 1).subList(0, 40));
        first.addAll(TestBars.session(partial, 1).subList(10, 20));
        first.addAll(TestBars.session(partial, 1).subList(50, 60));
        List<EmptyBar> empties = List.of(TestBars.empty(partial, 0), TestBars.empty(partial, 1),
                TestBars.empty(emptyOnly, 3), TestBars.empty(emptyOnly, 4));
        // Then the rest of the second session, and traded bars where the third had "no trade" markers.
        List<Bar> second = new ArrayList<>(TestBars.session(completed, 2).subList(40, 78));
        second.addAll(TestBars.session(partial, 2).subList(0, 5));
        try (CacheEngine engine = CacheEngine.open(TestDatabases.location(dir, "rewrite.db"), CALENDAR, 0,
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            engine.bars().write(new BarBatch("MSFT", full.open(), emptyOnly.close(), first, empties, false));
            engine.bars().write(new BarBatch("MSFT", completed.open(), emptyOnly.close(), second, List.of(), false));
            Map<Long, Record7<Long, Long, Long, Long, Long, byte[], byte[]>> rows = engine.database()
                    .read(dsl -> dsl.select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS,
                            SESSION_COVERAGE.EMPTY_BARS, SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS,
                            SESSION_COVERAGE.HELD_SLOTS, SESSION_COVERAGE.EMPTY_SLOTS).from(SESSION_COVERAGE)
                            .fetchMap(SESSION_COVERAGE.SESSION_DATE));
            assertEquals(4, rows.size(), "the fifth session was never written: " + rows.keySet());
            assertRow(rows.get((long) completed.dateKey()), 78, 0, TestBars.start(completed, 0),
                    TestBars.start(completed, 77));
            assertNull(rows.get((long) completed.dateKey()).value6(), "a complete session carries no mask");
            // 0-4 (the markers under them gone), 10-19 and 50-59
            assertRow(rows.get((long) partial.dateKey()), 25, 0, TestBars.start(partial, 0), TestBars.start(partial, 59));
            List<Long> held = new ArrayList<>();
            for (int i : new int[] {0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 50, 51, 52, 53, 54, 55, 56,
                57, 58, 59}) {
                held.add(TestBars.start(partial, i).getEpochSecond());
            }
            assertEquals(held, boxed(SlotMask.starts(rows.get((long) partial.dateKey()).value6(), partial)));
            assertNull(rows.get((long) partial.dateKey()).value7());
            assertEquals(0L, rows.get((long) emptyOnly.dateKey()).value2());
            assertEquals(2L, rows.get((long) emptyOnly.dateKey()).value3());
            assertEquals(List.of(TestBars.start(emptyOnly, 3).getEpochSecond(),
                    TestBars.start(emptyOnly, 4).getEpochSecond()),
                    boxed(SlotMask.starts(rows.get((long) emptyOnly.dateKey()).value7(), emptyOnly)));
            // Outside the second write's range: as the first write counted it.
            assertRow(rows.get((long) full.dateKey()), 78, 0, TestBars.start(full, 0), TestBars.start(full, 77));
        }
    }

    @Test
    void aStartGivenTwiceIsOneRowAndOtherSessionsCountNothing() {
        Session s = SESSIONS.get(1);
        List<Bar> bars = new ArrayList<>(TestBars.session(s, 3).subList(5, 9));
        long[] starts = {bars.get(0).epochSecond(), bars.get(1).epochSecond(), bars.get(2).epochSecond(),
            bars.get(2).epochSecond(), bars.get(3).epochSecond()};
        SessionCounts counts = SessionCounts.of(SESSIONS.subList(0, 3), starts);
        assertEquals(4, counts.count(1));
        assertEquals(bars.get(0).epochSecond(), counts.first(1));
        assertEquals(bars.get(3).epochSecond(), counts.last(1));
        assertEquals(List.of(starts[0], starts[1], starts[2], starts[4]), boxed(SlotMask.starts(counts.mask(1), s)));
        assertEquals(0, counts.count(0));
        assertEquals(0, counts.count(2));
        assertNull(counts.mask(0));
    }

    private static void assertRow(Record7<Long, Long, Long, Long, Long, byte[], byte[]> row, long held,
                                  long empty, Instant first, Instant last) {
        assertEquals(List.of(held, empty, first.getEpochSecond(), last.getEpochSecond()),
                List.of(row.value2(), row.value3(), row.value4(), row.value5()), "row of " + row.value1());
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>();
        for (long v : values) {
            out.add(v);
        }
        return out;
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
