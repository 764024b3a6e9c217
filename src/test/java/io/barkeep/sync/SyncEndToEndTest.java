package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Interval;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.Cancellation;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeRow;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync end to end: a real local HTTP server that behaves like the v3 terminal, the real v3 client, the real
 * fetcher and a real SQLite file. Back-off waits are recorded, not slept.
 */
class SyncEndToEndTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    /** Monday 2024-04-01 12:00 New York: January to March 2024 are settled history. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 3, 31);
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "BRK.B");
    private static final int LIMIT = 2;

    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private CacheEngine engine;
    private DbLocation location;
    private MarketData data;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        terminal = FakeThetaTerminal.start(FakeMarket.of(CALENDAR));
        location = TestDatabases.location(dir, "trading_data.db");
        engine = CacheEngine.open(location, CALENDAR, 0, CLOCK);
        data = new MarketData(engine, new ThetaV3Source(terminal.root(), LIMIT, Duration.ofSeconds(10)), LIMIT,
                waits::add);
    }

    @AfterEach
    void stop() {
        engine.close();
        terminal.close();
    }

    @Test
    void aBackfillWithThirtyPercentOfRequestsFailingEndsWithExactlyTheServersBarsAndNoGaps() {
        terminal.failRandomly(0.3, 42, 429, 474, 571, 500);
        int passes = 0;
        SyncResult result;
        do {
            result = data.backfill(SYMBOLS, FROM, TO, SyncProgress.NONE, Cancellation.none());
            passes++;
        } while (!result.complete() && passes < 5);

        assertTrue(result.complete(), "complete after " + passes + " passes: " + result.failures());
        assertTrue(terminal.maxInFlight() <= LIMIT, "in flight " + terminal.maxInFlight());
        assertTrue(waits.stream().allMatch(w -> Backoff.DELAYS.contains(w)), waits.toString());
        for (String symbol : SYMBOLS) {
            assertEquals(expectedBars(symbol), engine.bars().bars(symbol, start(FROM), start(TO.plusDays(1))),
                    symbol);
            assertEquals(expectedEmpties(symbol), engine.bars().emptyBars(symbol, start(FROM), start(TO.plusDays(1))),
                    symbol);
            var gaps = engine.gaps().report(symbol, FROM, TO);
            assertEquals(List.of(), gaps.missing(), symbol);
            assertEquals(CALENDAR.sessions(FROM, TO).size(), gaps.sessions().size());
        }
        List<SafetyEvent> events = engine.events().since(Instant.EPOCH, 10_000);
        assertTrue(events.stream().anyMatch(e -> e.kind().equals("vendor_retry")), "failures are recorded");
    }

    @Test
    void requestsInFlightNeverExceedTheLimitEvenWhenTheServerIsSlow() {
        // Every answer waits until LIMIT requests are in flight: the limit is reached for sure, and never passed.
        terminal.delay(Duration.ofMillis(20)).holdUntilInFlight(LIMIT);
        List<FetchRequest> requests = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            requests.addAll(data.plan(symbol, LocalDate.of(2024, 3, 1), TO, Duration.ZERO, new LedgerSnapshot(engine)));
        }
        SyncResult result = new Fetcher(engine, data.source(), LIMIT, waits::add).run(requests, SyncProgress.NONE,
                Cancellation.none());
        assertTrue(result.complete());
        assertEquals(LIMIT, terminal.maxInFlight());
    }

    @Test
    void aSecondIdenticalReadMakesNoRequest() {
        var first = data.getHistoricalBars("AAPL", Interval.ONE_HOUR, 60);
        assertTrue(terminal.requests(FakeThetaTerminal.HISTORY) > 0);
        terminal.resetCounters();
        var second = data.getHistoricalBars("AAPL", Interval.ONE_HOUR, 60);
        assertEquals(0, terminal.requests(FakeThetaTerminal.HISTORY));
        assertEquals(first.bars(), second.bars());
    }

    @Test
    void aRangeOverTheVendorsLimitIsSplitAndStillArrivesWhole() {
        terminal.maxDaysPerRequest(7);
        SyncResult result = data.backfill(List.of("AAPL"), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29),
                SyncProgress.NONE, Cancellation.none());
        assertTrue(result.complete(), result.failures().toString());
        assertTrue(result.vendorRequests() > 1);
        assertEquals(List.of(), engine.gaps().report("AAPL", LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 29)).missing());
    }

    @Test
    void aMissingTerminalIsSaidPlainlyBeforeAnyRequest() {
        terminal.close();
        SyncAbortedException e = assertThrows(SyncAbortedException.class,
                () -> data.backfill(List.of("AAPL"), FROM, TO, SyncProgress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().startsWith("no Theta Terminal at"), e.getMessage());
    }

    @Test
    void aDisconnectedTerminalIsSaidPlainly() {
        terminal.connected(false);
        SyncAbortedException e = assertThrows(SyncAbortedException.class,
                () -> data.backfill(List.of("AAPL"), FROM, TO, SyncProgress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("not connected"), e.getMessage());
        assertEquals(0, terminal.requests(FakeThetaTerminal.HISTORY));
    }

    @Test
    void aPermissionErrorStopsTheRunWithAMessageAndIsRecorded() {
        terminal.failNext(Integer.MAX_VALUE, 471, "PERMISSION");
        SyncAbortedException e = assertThrows(SyncAbortedException.class,
                () -> data.backfill(SYMBOLS, FROM, TO, SyncProgress.NONE, Cancellation.none()));
        assertTrue(e.getMessage().contains("471"), e.getMessage());
        assertTrue(engine.events().since(Instant.EPOCH, 100).stream().anyMatch(ev -> ev.kind().equals("vendor_fatal")));
    }

    @Test
    void aRequestThatKeepsFailingIsGivenUpForThisPassAfterFiveRetries() {
        terminal.failNext(6, 500);
        SyncResult result = data.backfill(List.of("AAPL"), LocalDate.of(2024, 3, 26), LocalDate.of(2024, 3, 26),
                SyncProgress.NONE, Cancellation.none());
        assertEquals(1, result.failures().size(), result.failures().toString());
        assertEquals(Backoff.DELAYS, waits);
        assertTrue(engine.events().since(Instant.EPOCH, 100).stream()
                .anyMatch(ev -> ev.kind().equals("vendor_gave_up")));
    }

    @Test
    void theAfterCloseRefetchLogsEveryBarTheVendorCorrected() {
        data.addToWatchlist("AAPL", 0, null);
        LocalDate day = LocalDate.of(2024, 3, 28);
        data.backfill(List.of("AAPL"), LocalDate.of(2024, 3, 25), day, SyncProgress.NONE, Cancellation.none());
        List<FakeRow> rows = new ArrayList<>(terminal.market().rows("AAPL", day));
        FakeRow r = rows.get(10);
        rows.set(10, new FakeRow(r.time(), r.open(), r.high(), r.low(), r.close(), r.volume() + 100, r.count() + 1,
                r.vwap()));
        terminal.market().put("AAPL", day, rows);

        Clock afterClose = Clock.fixed(CALENDAR.session(day).orElseThrow().close().plus(Duration.ofMinutes(30)),
                ZoneOffset.UTC);
        try (CacheEngine later = CacheEngine.open(location, CALENDAR, 0, afterClose)) {
            MarketData lateData = new MarketData(later, new ThetaV3Source(terminal.root(), LIMIT,
                    Duration.ofSeconds(10)), LIMIT, waits::add);
            Updater.PassResult pass = new Updater(lateData, 1095).revise(Cancellation.none());
            assertEquals(1, pass.sync().revisions());
            assertEquals(1, later.revisions().count("AAPL"));
            Bar stored = later.bars().bars("AAPL", r.start(), r.start().plusSeconds(300)).get(0);
            assertEquals(r.volume() + 100, stored.volume());
            // A PostgreSQL cache is backed up by the server's tools (pg_dump): Barkeep keeps no copies of it.
            int daily = later.database().isPostgres() ? 0 : 1;
            assertEquals(daily, later.database().backups().list().size(), "the after-close pass takes the daily backup");
            new Updater(lateData, 1095).revise(Cancellation.none());
            assertEquals(daily, later.database().backups().list().size(), "one a day");
        }
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(Session.NEW_YORK).toInstant();
    }

    private List<Bar> expectedBars(String symbol) {
        List<Bar> out = new ArrayList<>();
        for (Session s : CALENDAR.sessions(FROM, TO)) {
            terminal.market().sessionRows(symbol, s.date()).stream().filter(FakeRow::traded).map(FakeRow::toBar)
                    .forEach(out::add);
        }
        return out;
    }

    private List<EmptyBar> expectedEmpties(String symbol) {
        List<EmptyBar> out = new ArrayList<>();
        for (Session s : CALENDAR.sessions(FROM, TO)) {
            terminal.market().sessionRows(symbol, s.date()).stream().filter(row -> !row.traded())
                    .map(FakeRow::toEmptyBar).forEach(out::add);
        }
        return out;
    }
}
