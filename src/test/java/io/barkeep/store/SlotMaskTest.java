package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.CACHE_META;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Freshness;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.GapReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jooq.Record4;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's slot masks stand in for the bar rows: a report made from them must be the report made by reading the
 * rows (forced by setting the masks to NULL through SQL, which sends the service down its pre-mask path), after
 * every kind of write and delete; the one-time fill gives older rows their masks, once; and the all-symbol pass
 * gives what the per-symbol reports give.
 */
class SlotMaskTest {
    private static final List<Session> SESSIONS = TestBars.weekdays(LocalDate.of(2024, 3, 4), 8);
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    private static final Instant NOW = Instant.parse("2024-04-20T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aPartialSessionsReportFromItsMasksIsTheReportFromItsRows() {
        try (CacheEngine engine = open(CALENDAR, NOW)) {
            // a first write into sessions that held nothing (the ledger counts the written bars) ...
            engine.bars().write(TestBars.batch("AAPL", SESSIONS.subList(0, 2),
                    bars(SESSIONS.get(1), 0, 20, 23, 50, 51, 78), List.of(), true));
            // ... and one with no-trade markers (the ledger counts the stored rows)
            engine.bars().write(TestBars.batch("AAPL", SESSIONS.subList(2, 4),
                    concat(TestBars.session(SESSIONS.get(2), 1), bars(SESSIONS.get(3), 5, 40, 44, 77)),
                    List.of(TestBars.empty(SESSIONS.get(3), 40), TestBars.empty(SESSIONS.get(3), 41),
                            TestBars.empty(SESSIONS.get(3), 77)), true));
            GapReport fromMasks = report(engine, "AAPL");
            assertEquals(List.of(2, 2), partialAndMasked(engine), "sessions 2 and 4 are partial and carry masks");
            assertFalse(fromMasks.missing().isEmpty());
            assertEquals(fromRows(engine, () -> report(engine, "AAPL")), fromMasks);
            // and it is made from the ledger alone: without the rows (taken behind the ledger's back) it is the same
            engine.database().writer().run(dsl -> dsl.deleteFrom(BARS_5M).execute() + dsl.deleteFrom(EMPTY_BARS)
                    .execute());
            assertEquals(fromMasks, report(engine, "AAPL"));
        }
    }

    @Test
    void rewritesNoTradeAnswersDeletesAndNoDataKeepTheMasksRight() {
        Session s = SESSIONS.get(1);
        try (CacheEngine engine = open(CALENDAR, NOW)) {
            engine.bars().write(TestBars.batch("MSFT", List.of(s), bars(s, 0, 20, 30, 78), List.of(), true));
            assertMasksTellTheRows(engine, 1);
            // more bars into the hole, not answering for the rest
            engine.bars().write(BarBatch.of("MSFT", bars(s, 20, 25)));
            assertMasksTellTheRows(engine, 1);
            // "no trade" for three slots of the hole, and for a slot that held a bar (it replaces the bar)
            engine.bars().write(new BarBatch("MSFT", TestBars.start(s, 25), TestBars.start(s, 41),
                    List.of(), List.of(TestBars.empty(s, 25), TestBars.empty(s, 26), TestBars.empty(s, 40)), false));
            assertMasksTellTheRows(engine, 1);
            // the session filled: complete, no mask
            engine.bars().write(BarBatch.of("MSFT", bars(s, 27, 30)));
            assertEquals(List.of(0, 0), partialAndMasked(engine));
            assertEquals(fromRows(engine, () -> report(engine, "MSFT")), report(engine, "MSFT"));
            // an answer for the whole session that turns two traded bars into no-trade ones: still complete
            engine.bars().write(TestBars.batch("MSFT", List.of(s), bars(s, 0, 50, 52, 78),
                    List.of(TestBars.empty(s, 50), TestBars.empty(s, 51)), true));
            assertEquals(List.of(0, 0), partialAndMasked(engine));
            assertEquals(fromRows(engine, () -> report(engine, "MSFT")), report(engine, "MSFT"));
            // the vendor's explicit "no data" for another session, and a partial one beside it
            Session next = SESSIONS.get(2);
            engine.bars().write(new BarBatch("MSFT", next.open(), next.close(), List.of(), List.of(), true, true));
            engine.bars().write(TestBars.batch("MSFT", SESSIONS.subList(3, 4), bars(SESSIONS.get(3), 10, 70),
                    List.of(), true));
            assertMasksTellTheRows(engine, 1);
            // retention drops whole sessions, their ledger rows with them
            engine.retention().cleanup(1, SESSIONS.get(3).open().plusSeconds(3600));
            assertMasksTellTheRows(engine, 1);
            engine.bars().write(TestBars.batch("IBM", SESSIONS.subList(5, 6), bars(SESSIONS.get(5), 3, 9),
                    List.of(), true));
            engine.retention().purge("MSFT");
            assertMasksTellTheRows(engine, 1);
            assertEquals(0, report(engine, "MSFT").heldBars());
        }
    }

    @Test
    void aBarInsertedThroughTheOriginalNamesLeavesNoMaskBelieved() {
        Session s = SESSIONS.get(1);
        try (CacheEngine engine = open(CALENDAR, NOW)) {
            engine.bars().write(TestBars.batch("MSFT", List.of(s), bars(s, 0, 20, 30, 78), List.of(), true));
            // the original design's write path: a SQL trigger recounts the ledger row and knows nothing of masks
            engine.database().writer().run(dsl -> dsl.execute("INSERT INTO market_data_bars (symbol, timestamp,"
                    + " open, high, low, close, volume) VALUES ('MSFT', '2024-03-05T11:10:00', 150, 151, 149, 150.5,"
                    + " 100)"));
            GapReport report = report(engine, "MSFT");
            assertEquals(69, report.heldBars());
            assertEquals(fromRows(engine, () -> report(engine, "MSFT")), report);
        }
    }

    @Test
    void theOneTimeFillGivesOlderRowsTheirMasksAndRunsOnce() {
        // more partial rows than one batch of the fill: it must walk on from batch to batch
        List<Session> sessions = TestBars.weekdays(LocalDate.of(2023, 1, 2), 260);
        TradingCalendar calendar = TestBars.calendar(sessions);
        Instant now = sessions.get(sessions.size() - 1).close().plus(java.time.Duration.ofDays(30));
        DbLocation location = TestDatabases.location(dir, "fill.db");
        List<String> symbols = List.of("AAA", "BBB");
        List<byte[]> written;
        List<GapReport> before;
        try (CacheEngine engine = CacheEngine.open(location, calendar, 0, Clock.fixed(now, ZoneOffset.UTC))) {
            for (String symbol : symbols) {
                List<Bar> bars = new ArrayList<>();
                List<EmptyBar> empties = new ArrayList<>();
                for (int i = 0; i < sessions.size(); i++) {
                    Session s = sessions.get(i);
                    int hole = (i * 7 + symbol.charAt(0)) % 70;
                    bars.addAll(bars(s, 0, hole, hole + 3, 78));
                    if (i % 5 == 0) {
                        empties.add(TestBars.empty(s, hole + 1));
                    }
                }
                engine.bars().write(TestBars.batch(symbol, sessions, bars, empties, true));
            }
            written = masks(engine);
            before = engine.gaps().reportAll(symbols);
            // what a database from before schema 6 looks like: no masks, and the fill not done
            nullMasks(engine);
            engine.database().writer().run(dsl -> dsl.deleteFrom(CACHE_META)
                    .where(CACHE_META.KEY.eq(SlotMaskFill.MARKER)).execute());
        }
        assertTrue(written.stream().filter(m -> m != null).count() > SlotMaskFill.BATCH, "rows: " + written.size());
        try (CacheEngine engine = CacheEngine.open(location, calendar, 0, Clock.fixed(now, ZoneOffset.UTC))) {
            assertMasksEqual(written, masks(engine));
            assertEquals(before, engine.gaps().reportAll(symbols));
            nullMasks(engine);
        }
        try (CacheEngine engine = CacheEngine.open(location, calendar, 0, Clock.fixed(now, ZoneOffset.UTC))) {
            assertTrue(masks(engine).stream().allMatch(m -> m == null), "the fill ran a second time");
            // and the rows without masks are read the old way, to the same report
            assertEquals(before, engine.gaps().reportAll(symbols));
        }
    }

    @Test
    void theAllSymbolPassGivesWhatTheReportsOfEachSymbolGive() {
        try (CacheEngine engine = open(CALENDAR, NOW)) {
            engine.bars().write(TestBars.batch("AAPL", SESSIONS.subList(0, 3),
                    concat(TestBars.session(SESSIONS.get(0), 1), bars(SESSIONS.get(2), 4, 60)), List.of(), true));
            writeMsftAndIbmWithoutItsMask(engine);
            engine.watchlist().add("NVDA", 0, null, NOW);
            List<String> symbols = List.of("AAPL", "IBM", "MSFT", "NVDA", "ZZZ");
            assertEquals(symbols.stream().map(engine.gaps()::report).toList(), engine.gaps().reportAll(symbols));
            LocalDate from = SESSIONS.get(1).date();
            LocalDate to = SESSIONS.get(6).date();
            assertEquals(symbols.stream().map(s -> engine.gaps().report(s, from, to)).toList(),
                    engine.gaps().reportAll(symbols, from, to));
            List<Freshness> each = List.of("AAPL", "IBM", "MSFT", "NVDA").stream()
                    .map(engine.freshness()::compute).toList();
            assertEquals(each, engine.freshness().computeAll());
            assertNotEquals(each.get(0), each.get(2));
            assertEquals(each, engine.freshness().refreshAll());
        }
    }

    @Test
    void reportsOfSomeSymbolsStepOverTheOthersToTheReportsOfEachSymbol() {
        try (CacheEngine engine = open(CALENDAR, NOW)) {
            writeMsftAndIbmWithoutItsMask(engine);
            // symbols not asked for, before and after the ones asked for in the ledger's order: their rows are skipped
            for (String other : List.of("A", "B", "C", "D", "E", "F", "G")) {
                engine.bars().write(TestBars.batch(other, SESSIONS.subList(2, 3), bars(SESSIONS.get(2), 0, 50),
                        List.of(), true));
            }
            LocalDate from = SESSIONS.get(0).date();
            LocalDate to = SESSIONS.get(6).date();
            for (List<String> asked : List.of(List.of("IBM", "MSFT"), List.of("MSFT", "ZZZ"),
                    List.of("A", "B", "C", "D", "E", "F", "G", "IBM", "MSFT"))) {
                assertEquals(asked.stream().map(s -> engine.gaps().report(s, from, to)).toList(),
                        engine.gaps().reportAll(asked, from, to), asked.toString());
            }
        }
    }

    /**
     * MSFT: a partial session with a no-trade slot and another partial one; IBM: a partial session whose row is from
     * before the masks (its mask set to NULL), so a pass reads its bar rows, on the pass's own connection.
     */
    private static void writeMsftAndIbmWithoutItsMask(CacheEngine engine) {
        engine.bars().write(TestBars.batch("MSFT", SESSIONS.subList(1, 5),
                concat(bars(SESSIONS.get(1), 0, 70), bars(SESSIONS.get(4), 2, 78)),
                List.of(TestBars.empty(SESSIONS.get(1), 71)), true));
        engine.bars().write(TestBars.batch("IBM", SESSIONS.subList(3, 4), bars(SESSIONS.get(3), 0, 30),
                List.of(), true));
        engine.database().writer().run(dsl -> dsl.update(SESSION_COVERAGE).set(SESSION_COVERAGE.HELD_SLOTS,
                (byte[]) null).where(SESSION_COVERAGE.SESSION_DATE.eq((long) SESSIONS.get(3).dateKey())).execute());
    }

    private CacheEngine open(TradingCalendar calendar, Instant now) {
        return CacheEngine.open(TestDatabases.location(dir, "masks.db"), calendar, 0,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static GapReport report(CacheEngine engine, String symbol) {
        return engine.gaps().report(symbol, SESSIONS.get(0).date(), SESSIONS.get(SESSIONS.size() - 1).date());
    }

    /** The masks agree with the rows, and each of the {@code partial} partial sessions carries them. */
    private static void assertMasksTellTheRows(CacheEngine engine, int partial) {
        assertEquals(List.of(partial, partial), partialAndMasked(engine));
        for (String symbol : List.of("MSFT", "IBM")) {
            assertEquals(fromRows(engine, () -> report(engine, symbol)), report(engine, symbol));
        }
    }

    /** Partial ledger rows, and those of them with every mask their counts call for. */
    private static List<Integer> partialAndMasked(CacheEngine engine) {
        return engine.database().read(dsl -> {
            var held = SESSION_COVERAGE.HELD_BARS.plus(SESSION_COVERAGE.EMPTY_BARS);
            var partial = held.gt(0L).and(held.lt(SESSION_COVERAGE.EXPECTED_BARS));
            int all = dsl.fetchCount(SESSION_COVERAGE, partial);
            int masked = dsl.fetchCount(SESSION_COVERAGE, partial
                    .and(SESSION_COVERAGE.HELD_BARS.eq(0L).or(SESSION_COVERAGE.HELD_SLOTS.isNotNull()))
                    .and(SESSION_COVERAGE.EMPTY_BARS.eq(0L).or(SESSION_COVERAGE.EMPTY_SLOTS.isNotNull())));
            return List.of(all, masked);
        });
    }

    /** What {@code report} gives with every mask NULL (the path that reads bar rows); the masks are put back. */
    private static GapReport fromRows(CacheEngine engine, Supplier<GapReport> report) {
        List<Record4<Long, Long, byte[], byte[]>> saved = engine.database().read(dsl -> dsl.select(
                SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_SLOTS,
                SESSION_COVERAGE.EMPTY_SLOTS).from(SESSION_COVERAGE).fetch());
        nullMasks(engine);
        GapReport out = report.get();
        engine.database().writer().run(dsl -> {
            for (Record4<Long, Long, byte[], byte[]> r : saved) {
                dsl.update(SESSION_COVERAGE).set(SESSION_COVERAGE.HELD_SLOTS, r.value3())
                        .set(SESSION_COVERAGE.EMPTY_SLOTS, r.value4())
                        .where(SESSION_COVERAGE.SYMBOL_ID.eq(r.value1()))
                        .and(SESSION_COVERAGE.SESSION_DATE.eq(r.value2())).execute();
            }
            return null;
        });
        return out;
    }

    private static void nullMasks(CacheEngine engine) {
        engine.database().writer().run(dsl -> dsl.update(SESSION_COVERAGE)
                .set(SESSION_COVERAGE.HELD_SLOTS, (byte[]) null).set(SESSION_COVERAGE.EMPTY_SLOTS, (byte[]) null)
                .execute());
    }

    /** Every row's held and empty masks, in key order. */
    private static List<byte[]> masks(CacheEngine engine) {
        return engine.database().read(dsl -> dsl.select(SESSION_COVERAGE.HELD_SLOTS, SESSION_COVERAGE.EMPTY_SLOTS)
                .from(SESSION_COVERAGE).orderBy(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE)
                .fetch().stream().flatMap(r -> java.util.stream.Stream.of(r.value1(), r.value2())).toList());
    }

    private static void assertMasksEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Arrays.equals(expected.get(i), actual.get(i)), "mask " + i + ": "
                    + Arrays.toString(expected.get(i)) + " but " + Arrays.toString(actual.get(i)));
        }
    }

    /** The bars of slots [a0, a1) and [b0, b1) ... of {@code s} (pairs of bounds). */
    private static List<Bar> bars(Session s, int... bounds) {
        List<Bar> out = new ArrayList<>();
        for (int p = 0; p < bounds.length; p += 2) {
            IntStream.range(bounds[p], bounds[p + 1]).forEach(i -> out.add(TestBars.bar(s, i, 3)));
        }
        return out;
    }

    private static List<Bar> concat(List<Bar> a, List<Bar> b) {
        List<Bar> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
