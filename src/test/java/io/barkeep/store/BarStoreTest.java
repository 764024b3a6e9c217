package io.barkeep.store;

import static io.barkeep.store.TestBars.at;
import static io.barkeep.store.TestBars.bar;
import static io.barkeep.store.TestBars.batch;
import static io.barkeep.store.TestBars.empty;
import static io.barkeep.store.TestBars.start;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.schema.tables.records.Bars_5mRecord;
import io.barkeep.store.schema.tables.records.SessionCoverageRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BarStore on a real SQLite file: exact round trips, idempotent upserts, empty markers, the ledger, the cache. */
class BarStoreTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final Session TUE = TestBars.regular("2024-07-02");
    private static final Session EARLY = TestBars.earlyClose("2024-07-03");
    private static final Session FRI = TestBars.regular("2024-07-05");
    private static final Session JUL31 = TestBars.regular("2024-07-31");
    private static final Session AUG1 = TestBars.regular("2024-08-01");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE, EARLY, FRI, JUL31, AUG1);
    private static final Instant NOW = Instant.parse("2024-08-10T12:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private BarStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, "bars.db");
        store = new BarStore(db, CALENDAR, 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void barsReadBackExactlyAsWrittenIncludingUnknownTradesAndVwap() {
        List<Bar> bars = TestBars.session(MON, 1);
        assertTrue(bars.stream().anyMatch(b -> b.trades() == Bar.UNKNOWN));
        assertTrue(bars.stream().anyMatch(b -> b.vwap() == Bar.UNKNOWN));

        BarStore.WriteResult result = store.write(BarBatch.of("AAPL", bars));

        assertEquals(78, result.barsWritten());
        assertEquals(78, result.barsChanged());
        assertEquals(bars, store.bars("AAPL", MON.open(), MON.close()));
        // Unknown is stored as NULL, not as the sentinel -1.
        int nulls = count(BARS_5M, BARS_5M.TRADES.isNull());
        assertEquals(bars.stream().filter(b -> b.trades() == Bar.UNKNOWN).count(), nulls);
        assertEquals(0, count(BARS_5M, BARS_5M.VWAP.lt(0L)));
    }

    @Test
    void readsAreBoundedByTheHalfOpenRangeAndKeepSymbolsApart() {
        store.write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
        store.write(BarBatch.of("MSFT", TestBars.session(MON, 2)));

        List<Bar> middle = store.bars("AAPL", at(MON, "10:00"), at(MON, "11:00"));

        assertEquals(TestBars.session(MON, 1).subList(6, 18), middle);
        assertEquals(TestBars.session(MON, 2), store.bars("MSFT", MON.open(), MON.close()));
        assertEquals(List.of(), store.bars("NVDA", MON.open(), MON.close()));
        assertEquals(List.of(), store.bars("AAPL", MON.close(), MON.open()));
    }

    @Test
    void writingTheSameBatchTwiceChangesNothing() {
        List<Bar> bars = TestBars.sessions(List.of(MON, TUE, EARLY), 1);
        store.write(BarBatch.of("AAPL", bars));
        List<Bars_5mRecord> before = rows();

        BarStore.WriteResult again = store.write(BarBatch.of("AAPL", bars));

        assertEquals(78 + 78 + 42, again.barsWritten());
        assertEquals(0, again.barsChanged());
        assertEquals(before, rows());
        assertEquals(bars, store.bars("AAPL", MON.open(), EARLY.close()));
    }

    @Test
    void aCorrectedBarReplacesTheOldOne() {
        List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
        store.write(BarBatch.of("AAPL", bars));
        Bar old = bars.get(40);
        Bar corrected = new Bar(old.start(), old.open(), old.high() + 100, old.low(), old.close() + 100,
                old.volume() + 1, 99, old.open() + 3);
        bars.set(40, corrected);

        BarStore.WriteResult result = store.write(BarBatch.of("AAPL", bars));

        assertEquals(1, result.barsChanged());
        assertEquals(bars, store.bars("AAPL", MON.open(), MON.close()));
        assertEquals(78, count(BARS_5M));
    }

    @Test
    void aBarThatLosesItsTradeCountIsAChangeToo() {
        Bar known = bar(MON, 1, 1);
        assertNotEquals(Bar.UNKNOWN, known.trades());
        store.write(BarBatch.of("AAPL", List.of(known)));
        Bar unknown = new Bar(known.start(), known.open(), known.high(), known.low(), known.close(), known.volume(),
                Bar.UNKNOWN, known.vwap());

        assertEquals(1, store.write(BarBatch.of("AAPL", List.of(unknown))).barsChanged());
        assertEquals(List.of(unknown), store.bars("AAPL", MON.open(), MON.close()));
    }

    @Test
    void emptyBarsAreStoredApartFromTradedBars() {
        List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
        bars.remove(11);
        bars.remove(10);
        List<EmptyBar> empties = List.of(empty(MON, 10), empty(MON, 11));

        store.write(batch("AAPL", List.of(MON), bars, empties, true));

        assertEquals(bars, store.bars("AAPL", MON.open(), MON.close()));
        assertEquals(empties, store.emptyBars("AAPL", MON.open(), MON.close()));
        assertEquals(2, count(EMPTY_BARS));
        assertEquals(76, count(BARS_5M));
    }

    @Test
    void aTradedBarReplacesAnEarlierEmptyMarker() {
        store.write(batch("AAPL", List.of(MON), List.of(), List.of(empty(MON, 10), empty(MON, 11)), true));
        Bar late = bar(MON, 10, 1);

        store.write(BarBatch.of("AAPL", List.of(late)));

        assertEquals(List.of(late), store.bars("AAPL", MON.open(), MON.close()));
        assertEquals(List.of(empty(MON, 11)), store.emptyBars("AAPL", MON.open(), MON.close()));
        SessionCoverageRecord row = ledger().get(MON.dateKey());
        assertEquals(1, row.getHeldBars());
        assertEquals(1, row.getEmptyBars());
    }

    @Test
    void anAuthoritativeEmptyMarkerRemovesATradedBarAtThatTime() {
        List<Bar> bars = TestBars.session(MON, 1);
        store.write(BarBatch.of("AAPL", bars));
        List<Bar> answer = new ArrayList<>(bars);
        answer.remove(20);

        BarStore.WriteResult result = store.write(batch("AAPL", List.of(MON), answer, List.of(empty(MON, 20)), true));

        assertEquals(1, result.barsChanged());
        assertEquals(answer, store.bars("AAPL", MON.open(), MON.close()));
        assertEquals(List.of(empty(MON, 20)), store.emptyBars("AAPL", MON.open(), MON.close()));
        SessionCoverageRecord row = ledger().get(MON.dateKey());
        assertEquals(77, row.getHeldBars());
        assertEquals(1, row.getEmptyBars());
    }

    @Test
    void anAuthoritativeAnswerDropsEmptyMarkersItNoLongerHasButAPartialOneKeepsThem() {
        store.write(batch("AAPL", List.of(MON), List.of(), List.of(empty(MON, 3), empty(MON, 4)), true));

        store.write(batch("AAPL", List.of(MON), List.of(), List.of(empty(MON, 4)), false));
        assertEquals(List.of(empty(MON, 3), empty(MON, 4)), store.emptyBars("AAPL", MON.open(), MON.close()));

        store.write(batch("AAPL", List.of(MON), List.of(), List.of(empty(MON, 4)), true));
        assertEquals(List.of(empty(MON, 4)), store.emptyBars("AAPL", MON.open(), MON.close()));
    }

    @Test
    void theLedgerCountsHeldAndEmptyBarsPerSessionRightAfterAWrite() {
        List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
        bars.addAll(TestBars.session(TUE, 1).subList(0, 30));
        List<Bar> early = new ArrayList<>(TestBars.session(EARLY, 1));
        early.remove(41);
        bars.addAll(early);
        List<EmptyBar> empties = List.of(empty(EARLY, 41));

        store.write(batch("AAPL", List.of(MON, TUE, EARLY), bars, empties, true));

        Map<Integer, SessionCoverageRecord> ledger = ledger();
        assertEquals(3, ledger.size());
        assertRow(ledger.get(MON.dateKey()), 78, 78, 0, MON.open(), start(MON, 77));
        assertRow(ledger.get(TUE.dateKey()), 78, 30, 0, TUE.open(), start(TUE, 29));
        assertRow(ledger.get(EARLY.dateKey()), 42, 41, 1, EARLY.open(), start(EARLY, 40));
        for (SessionCoverageRecord row : ledger.values()) {
            assertEquals(NOW.getEpochSecond(), row.getFetchedAt());
            assertEquals(1L, row.getFinal(), "sessions a day past their close are settled");
            assertEquals("test", row.getCalendarVersion());
        }
    }

    @Test
    void anEarlyCloseSessionExpects42BarsAndHoldsThemAll() {
        store.write(BarBatch.of("AAPL", TestBars.session(EARLY, 1)));

        SessionCoverageRecord row = ledger().get(EARLY.dateKey());

        assertEquals(42, row.getExpectedBars());
        assertEquals(42, row.getHeldBars());
        assertEquals(start(EARLY, 41).getEpochSecond(), row.getLastTs());
        assertEquals(at(EARLY, "12:55"), start(EARLY, 41));
    }

    @Test
    void theVendorsExplicitNoDataRecordsTheSessionAsFetchedButEmptyHanded() {
        store.write(new BarBatch("AAPL", FRI.open(), FRI.close(), List.of(), List.of(), true, true));

        SessionCoverageRecord row = ledger().get(FRI.dateKey());

        assertRow(row, 78, 0, 0, null, null);
        assertEquals(CoverageLedger.NO_DATA, row.getNoData());
    }

    @Test
    void anAnswerThatMerelyHoldsNothingLeavesTheSessionMissing() {
        store.write(batch("AAPL", List.of(FRI), List.of(), List.of(), true));

        assertNull(ledger().get(FRI.dateKey()), "no row: the session stays missing");
    }

    @Test
    void aSessionThatIsNotYetSettledIsNotFinal() {
        BarStore fresh = new BarStore(db, CALENDAR, 0, Clock.fixed(at(FRI, "17:00"), ZoneOffset.UTC));

        fresh.write(BarBatch.of("AAPL", TestBars.session(FRI, 1)));

        assertEquals(0L, ledger().get(FRI.dateKey()).getFinal());
    }

    @Test
    void aBarOffTheFiveMinuteGridIsRefusedAndNothingIsWritten() {
        List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
        Bar good = bars.get(5);
        bars.set(5, new Bar(good.start().plusSeconds(60), good.open(), good.high(), good.low(), good.close(),
                good.volume(), good.trades(), good.vwap()));

        assertThrows(IllegalArgumentException.class, () -> store.write(BarBatch.of("AAPL", bars)));

        assertNothingStored();
    }

    @Test
    void barsOutsideASessionAreRefusedAndNothingIsWritten() {
        List<Instant> outside = List.of(at(MON, "09:25"), at(MON, "16:00"), at(EARLY, "13:00"), at(EARLY, "15:55"),
                TestBars.at(TestBars.regular("2024-07-04"), "10:00"),
                TestBars.at(TestBars.regular("2024-07-06"), "10:00"));
        for (Instant t : outside) {
            List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
            bars.add(Bar.of(t, 1_000_000, 1_000_100, 999_900, 1_000_000, 10));

            assertThrows(IllegalArgumentException.class,
                    () -> store.write(new BarBatch("AAPL", MON.open(), AUG1.close(), bars, List.of(), false)),
                    t.toString());
        }

        assertNothingStored();
    }

    @Test
    void aBarOutsideItsBatchRangeIsRefusedAndNothingIsWritten() {
        List<Bar> bars = TestBars.session(TUE, 1);

        assertThrows(IllegalArgumentException.class,
                () -> store.write(batch("AAPL", List.of(MON), bars, List.of(), true)));

        assertNothingStored();
    }

    @Test
    void anEmptyMarkerOutsideItsBatchRangeIsRefusedAndNothingIsWritten() {
        store.write(BarBatch.of("AAPL", TestBars.session(TUE, 1)));
        List<Bars_5mRecord> before = rows();

        // A marker outside the range would escape the ledger recount and the cache invalidation of the write.
        assertThrows(IllegalArgumentException.class,
                () -> store.write(batch("AAPL", List.of(MON), List.of(), List.of(empty(TUE, 3)), true)));

        assertEquals(before, rows());
        assertEquals(List.of(), store.emptyBars("AAPL", MON.open(), TUE.close()));
        assertEquals(78, ledger().get(TUE.dateKey()).getHeldBars());
    }

    @Test
    void anEmptyMarkerOffTheGridIsRefusedAndNothingIsWritten() {
        EmptyBar off = new EmptyBar(start(MON, 3).plusSeconds(30), Bar.UNKNOWN);

        assertThrows(IllegalArgumentException.class,
                () -> store.write(batch("AAPL", List.of(MON), List.of(), List.of(off), true)));

        assertNothingStored();
    }

    @Test
    void theHotCacheAnswersExactlyAsTheDiskDoes() {
        BarStore cached = new BarStore(db, CALENDAR, 64L * 1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Session> all = CALENDAR.allSessions();
        cached.write(BarBatch.of("AAPL", TestBars.sessions(all, 1)));
        cached.write(BarBatch.of("MSFT", TestBars.sessions(all, 2)));

        List<Instant[]> ranges = List.of(
                new Instant[] {MON.open(), AUG1.close()},
                new Instant[] {at(MON, "10:02"), at(TUE, "11:00")},
                new Instant[] {at(JUL31, "15:00"), at(AUG1, "10:00")},
                new Instant[] {Instant.parse("2024-07-31T23:59:59Z"), Instant.parse("2024-08-01T00:00:01Z")},
                new Instant[] {start(FRI, 5), start(FRI, 6)},
                new Instant[] {Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-09-01T00:00:00Z")});
        for (int pass = 0; pass < 2; pass++) {
            for (Instant[] r : ranges) {
                for (String symbol : List.of("AAPL", "MSFT")) {
                    assertEquals(store.bars(symbol, r[0], r[1]), cached.bars(symbol, r[0], r[1]),
                            symbol + " " + r[0] + ".." + r[1] + " pass " + pass);
                }
            }
        }
        assertEquals(store.latest("AAPL"), cached.latest("AAPL"));
    }

    @Test
    void theWatchlistsReadsAnswerAsTheDiskDoesAndLeaveTheCacheEmpty() {
        BarStore cached = new BarStore(db, CALENDAR, 64L * 1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
        cached.write(BarBatch.of("AAPL", TestBars.sessions(List.of(JUL31, AUG1), 1)));
        assertEquals(1, cached.sessionQuotes(List.of("AAPL")).size());
        assertEquals(store.sessionQuotes(List.of("AAPL")), cached.sessionQuotes(List.of("AAPL")));
        assertEquals(store.latest("AAPL"), cached.latest("AAPL"));
        // A change made behind the store's back (no invalidation) shows in a cached read only of a month the cache
        // does not hold: after the two reads above, August's must show ...
        Instant aug = start(AUG1, 0);
        long high = raiseHighBehindTheStore(cached, aug);
        assertEquals(high, cached.bars("AAPL", aug, aug.plusSeconds(1)).get(0).high());
        // ... while a month a cached read brought in keeps what it read (the check above would see caching)
        Instant jul = start(JUL31, 0);
        long before = cached.bars("AAPL", jul, jul.plusSeconds(1)).get(0).high();
        raiseHighBehindTheStore(cached, jul);
        assertEquals(before, cached.bars("AAPL", jul, jul.plusSeconds(1)).get(0).high());
    }

    /** Raises one bar's high by plain SQL, which no cache hears of; returns the new high. */
    private long raiseHighBehindTheStore(BarStore on, Instant start) {
        long id = on.symbolIds().find("AAPL").orElseThrow();
        db.writer().run(dsl -> dsl.update(BARS_5M).set(BARS_5M.HIGH, BARS_5M.HIGH.plus(1))
                .where(BARS_5M.SYMBOL_ID.eq(id)).and(BARS_5M.TS.eq(start.getEpochSecond())).execute());
        return store.bars("AAPL", start, start.plusSeconds(1)).get(0).high();
    }

    @Test
    void theHotCacheShowsACorrectionOfABarItHeld() {
        BarStore cached = new BarStore(db, CALENDAR, 64L * 1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Bar> bars = new ArrayList<>(TestBars.sessions(List.of(JUL31, AUG1), 1));
        cached.write(BarBatch.of("AAPL", bars));
        assertEquals(bars, cached.bars("AAPL", JUL31.open(), AUG1.close()));

        Bar old = bars.get(100);
        Bar corrected = new Bar(old.start(), old.open(), old.high() + 1, old.low(), old.close(), old.volume(),
                old.trades(), old.vwap());
        bars.set(100, corrected);
        assertEquals(1, cached.write(BarBatch.of("AAPL", List.of(corrected))).barsChanged());

        assertEquals(bars, cached.bars("AAPL", JUL31.open(), AUG1.close()));
        assertEquals(List.of(corrected), cached.bars("AAPL", corrected.start(), corrected.start().plusSeconds(1)));
    }

    @Test
    void theHotCacheDropsABarAnEmptyMarkerReplaced() {
        BarStore cached = new BarStore(db, CALENDAR, 64L * 1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Bar> bars = new ArrayList<>(TestBars.session(MON, 1));
        cached.write(BarBatch.of("AAPL", bars));
        assertEquals(bars, cached.bars("AAPL", MON.open(), MON.close()));

        bars.remove(7);
        cached.write(batch("AAPL", List.of(MON), bars, List.of(empty(MON, 7)), true));

        assertEquals(bars, cached.bars("AAPL", MON.open(), MON.close()));
    }

    @Test
    void latestIsTheNewestBarHeld() {
        assertEquals(Optional.empty(), store.latest("AAPL"));
        store.write(BarBatch.of("AAPL", TestBars.session(TUE, 1)));
        assertEquals(Optional.of(bar(TUE, 77, 1)), store.latest("AAPL"));

        store.write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
        assertEquals(Optional.of(bar(TUE, 77, 1)), store.latest("AAPL"), "an older write does not move it back");

        store.write(BarBatch.of("AAPL", List.of(bar(EARLY, 3, 1))));
        assertEquals(Optional.of(bar(EARLY, 3, 1)), store.latest("AAPL"));
        assertEquals(Optional.empty(), store.latest("MSFT"));
    }

    private int count(Table<?> table) {
        return count(table, DSL.noCondition());
    }

    private int count(Table<?> table, Condition condition) {
        int n = db.read(dsl -> dsl.fetchCount(table, condition));
        return n;
    }

    private List<Bars_5mRecord> rows() {
        return db.read(dsl -> dsl.selectFrom(BARS_5M)
                .orderBy(BARS_5M.SYMBOL_ID, BARS_5M.TS).fetch());
    }

    private Map<Integer, SessionCoverageRecord> ledger() {
        return db.read(dsl -> dsl.selectFrom(SESSION_COVERAGE).fetch()).stream()
                .collect(Collectors.toMap(r -> r.getSessionDate().intValue(), Function.identity()));
    }

    private void assertNothingStored() {
        assertEquals(0, count(BARS_5M));
        assertEquals(0, count(EMPTY_BARS));
        assertEquals(0, count(SESSION_COVERAGE));
        assertEquals(0, count(SYMBOLS));
        assertFalse(store.latest("AAPL").isPresent());
    }

    private static void assertRow(SessionCoverageRecord row, long expected, long held, long empty, Instant first,
                                  Instant last) {
        assertEquals(expected, row.getExpectedBars(), "expected");
        assertEquals(held, row.getHeldBars(), "held");
        assertEquals(empty, row.getEmptyBars(), "empty");
        if (first == null) {
            assertNull(row.getFirstTs());
            assertNull(row.getLastTs());
        } else {
            assertEquals(first.getEpochSecond(), row.getFirstTs(), "first");
            assertEquals(last.getEpochSecond(), row.getLastTs(), "last");
        }
    }
}
