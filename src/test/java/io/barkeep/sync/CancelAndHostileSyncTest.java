package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.Cancellation;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.StallingTerminal;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cancel reaches the request in flight and the back-off wait, through the real fetcher, the real v3 client and
 * a real SQLite file; hostile answers (a body that never ends, a huge one) fail their request cleanly and are
 * recorded as safety events. Waits carry guards so a broken build cannot hang; nothing measures time.
 */
class CancelAndHostileSyncTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final long GUARD_S = 30;

    @TempDir
    Path dir;
    private CacheEngine engine;

    @BeforeEach
    void open() {
        engine = CacheEngine.open(TestDatabases.location(dir, "trading_data.db"), CALENDAR, 0, CLOCK);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private List<String> eventKinds() {
        return engine.events().since(Instant.EPOCH, 1000).stream().map(SafetyEvent::kind).toList();
    }

    private static SyncAbortedException aborted(CompletableFuture<SyncResult> run) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(GUARD_S, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SyncAbortedException, e.toString());
        return (SyncAbortedException) e.getCause();
    }

    @Test
    void aCancelEndsTheRunWhileTheTerminalHoldsTheRequest() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(StallingTerminal.Mode.SILENT)) {
            MarketData data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(60)),
                    2, Sleeper.REAL);
            Cancellation cancel = new Cancellation();
            CompletableFuture<SyncResult> run = CompletableFuture.supplyAsync(() ->
                    data.backfill(List.of("AAPL"), DAY, DAY, SyncProgress.NONE, cancel));
            assertTrue(terminal.awaitHistoryRequest(Duration.ofSeconds(GUARD_S)));

            cancel.cancel();

            assertEquals("cancelled", aborted(run).getMessage());
            assertTrue(terminal.awaitClosedByClient(Duration.ofSeconds(GUARD_S)), "the request was aborted");
            assertEquals(List.of(), eventKinds(), "a cancel is no vendor failure");
        }
    }

    @Test
    void aCancelWakesTheBackOffWaitAndNoRetryFollows() throws Exception {
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.of(CALENDAR))) {
            terminal.failNext(Integer.MAX_VALUE, 429);
            CountDownLatch waiting = new CountDownLatch(1);
            Sleeper sleeper = new Sleeper() {
                @Override
                public void sleep(Duration duration) {
                    throw new AssertionError("the fetcher must wait through the cancellable sleep");
                }

                @Override
                public void sleep(Duration duration, Cancellation cancel) throws InterruptedException {
                    waiting.countDown();
                    Sleeper.REAL.sleep(Duration.ofSeconds(60), cancel);
                }
            };
            MarketData data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(10)),
                    2, sleeper);
            Cancellation cancel = new Cancellation();
            CompletableFuture<SyncResult> run = CompletableFuture.supplyAsync(() ->
                    data.backfill(List.of("AAPL"), DAY, DAY, SyncProgress.NONE, cancel));
            assertTrue(waiting.await(GUARD_S, TimeUnit.SECONDS), "the fetcher is in its back-off wait");

            cancel.cancel();

            assertEquals("cancelled", aborted(run).getMessage());
            assertEquals(1, terminal.requests(FakeThetaTerminal.HISTORY), "no retry after the cancel");
        }
    }

    @Test
    void aBodyThatNeverEndsIsRetriedThenGivenUpAndRecorded() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        try (StallingTerminal terminal = StallingTerminal.start(StallingTerminal.Mode.ENDLESS_BODY)) {
            MarketData data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofMillis(300)),
                    2, waits::add);
            SyncResult result = data.backfill(List.of("AAPL"), DAY, DAY, SyncProgress.NONE, Cancellation.none());
            assertEquals(1, result.failures().size(), result.toString());
            assertEquals(Backoff.DELAYS, waits);
            assertEquals(6, terminal.historyRequests(), "the first try and five retries");
            List<String> kinds = eventKinds();
            assertEquals(5, kinds.stream().filter("vendor_retry"::equals).count(), kinds.toString());
            assertEquals(1, kinds.stream().filter("vendor_gave_up"::equals).count(), kinds.toString());
            assertEquals(0, engine.bars().bars("AAPL", CALENDAR.session(DAY).orElseThrow().open(),
                    CALENDAR.session(DAY).orElseThrow().close()).size(), "nothing of the cut answer was kept");
        }
    }

    @Test
    void aHugeAnswerIsSplitThenGivenUpForADayAndRecorded() {
        try (StallingTerminal terminal = StallingTerminal.start(StallingTerminal.Mode.HUGE_BODY)) {
            MarketData data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(60)),
                    2, d -> { });
            SyncResult result = data.backfill(List.of("AAPL"), DAY, DAY.plusDays(1), SyncProgress.NONE,
                    Cancellation.none());
            List<SafetyEvent> events = engine.events().since(Instant.EPOCH, 1000);
            assertTrue(events.stream().anyMatch(e -> e.kind().equals("vendor_split")), events.toString());
            assertEquals(2, result.failures().size(), "each day alone is still too large: " + result);
            assertTrue(events.stream().filter(e -> e.kind().equals("vendor_gave_up"))
                    .allMatch(e -> e.message().contains("too large")), events.toString());
        }
    }
}
