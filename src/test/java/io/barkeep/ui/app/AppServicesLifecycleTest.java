package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceException;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.StallingTerminal;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncAbortedException;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import io.barkeep.ui.common.PoolUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's services against a real local terminal: Cancel in the status bar aborts the request in flight and
 * can drop the queued jobs; switching settings closes the old engine-and-source unit after its requests, never
 * exceeding the tier's limit. Guards on the waits only keep a broken build from hanging.
 */
class AppServicesLifecycleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final long GUARD_S = 30;

    @TempDir
    Path dir;
    private final PoolUiExecutor ui = new PoolUiExecutor();
    private AppServices services;

    @AfterEach
    void close() {
        if (services != null) {
            services.close();
        }
        ui.close();
    }

    private AppServices open(String url, int limit, int cacheMb) {
        Settings settings = new Settings("thetadata", url, limit, 60, null, 1095, 7, cacheMb);
        services = new AppServices(dir, settings, ui, CLOCK);
        services.start().join();
        return services;
    }

    private static Throwable failure(CompletableFuture<?> job) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> job.get(GUARD_S, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void cancelInTheStatusBarAbortsTheRequestTheTerminalHolds() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(StallingTerminal.Mode.SILENT)) {
            open(terminal.root().toString(), 2, 10);
            CompletableFuture<SyncResult> job = services.backfill("backfill AAPL", List.of("AAPL"), DAY, DAY);
            assertTrue(terminal.awaitHistoryRequest(Duration.ofSeconds(GUARD_S)));

            services.jobs().cancel();

            Throwable cause = failure(job);
            assertTrue(cause instanceof SyncAbortedException && cause.getMessage().equals("cancelled"), cause.toString());
            assertTrue(terminal.awaitClosedByClient(Duration.ofSeconds(GUARD_S)), "the request was aborted");
        }
    }

    @Test
    void cancelAllAlsoDropsTheQueuedBackfills() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(StallingTerminal.Mode.SILENT)) {
            open(terminal.root().toString(), 2, 10);
            CompletableFuture<SyncResult> running = services.backfill("AAPL", List.of("AAPL"), DAY, DAY);
            CompletableFuture<SyncResult> queued1 = services.backfill("MSFT", List.of("MSFT"), DAY, DAY);
            CompletableFuture<SyncResult> queued2 = services.backfill("NVDA", List.of("NVDA"), DAY, DAY);
            assertTrue(terminal.awaitHistoryRequest(Duration.ofSeconds(GUARD_S)));

            services.jobs().cancelAll();

            assertTrue(failure(running) instanceof SyncAbortedException);
            assertTrue(failure(queued1) instanceof CancellationException);
            assertTrue(failure(queued2) instanceof CancellationException);
            assertEquals(1, terminal.historyRequests(), "the queued backfills never asked");
        }
    }

    @Test
    void switchingSettingsClosesTheOldUnitAfterItsRequestsWithinTheLimit() throws Exception {
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.of(io.barkeep.domain.NyseCalendar
                .load()))) {
            // each request stays in flight a while, so the switch comes while the old unit is at its limit
            terminal.delay(Duration.ofMillis(150));
            open(terminal.root().toString(), 2, 10);
            MarketData old = services.data();
            CompletableFuture<SyncResult> before = services.backfill("three months", List.of("AAPL", "MSFT"),
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31));
            long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_S);
            while (terminal.requests(FakeThetaTerminal.HISTORY) == 0 && System.nanoTime() < guard) {
                Thread.onSpinWait();
            }

            CompletableFuture<Void> applied = services.apply(new Settings("thetadata", terminal.root().toString(), 2,
                    60, null, 1095, 7, 20));
            // asked at once: must wait for the new unit, which opens only once the old one's requests ended
            CompletableFuture<SyncResult> after = CompletableFuture.supplyAsync(() -> services.data().backfill(
                    List.of("NVDA"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31), SyncProgress.NONE,
                    Cancellation.none()));

            assertTrue(before.get(GUARD_S, TimeUnit.SECONDS).complete(), "the old unit's job ran to its end");
            applied.get(GUARD_S, TimeUnit.SECONDS);
            assertTrue(after.get(GUARD_S, TimeUnit.SECONDS).complete());
            assertTrue(terminal.maxInFlight() <= 2, "in flight at most the limit: " + terminal.maxInFlight());
            SourceException closed = assertThrows(SourceException.class,
                    () -> old.source().fetch("AAPL", DAY, DAY));
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        }
    }
}
