package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.thetadata.StallingTerminal.Mode;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A terminal that never answers, sends a body that never ends, or a huge one: the request fails cleanly, the
 * connection is closed, and no more than the cap is read. A cancel aborts the request in flight. The guards on
 * the waits only keep a broken build from hanging; nothing here measures time.
 */
class HostileAnswerTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);
    private static final Duration GUARD = Duration.ofSeconds(30);

    private static SourceException failure(CompletableFuture<?> fetch) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> fetch.get(GUARD.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(e.getCause() instanceof SourceException, e.toString());
        return (SourceException) e.getCause();
    }

    private static CompletableFuture<Object> fetchAsync(BarSource source, Cancellation cancel) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.fetch("AAPL", DAY, DAY, cancel);
            } catch (SourceException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private void cancelAbortsTheRequestInFlight(Function<URI, BarSource> make) throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(Mode.SILENT);
             BarSource source = make.apply(terminal.root())) {
            Cancellation cancel = new Cancellation();
            CompletableFuture<Object> fetch = fetchAsync(source, cancel);
            assertTrue(terminal.awaitHistoryRequest(GUARD), "the request reached the terminal");

            cancel.cancel();

            assertEquals(Kind.CANCELLED, failure(fetch).kind());
            assertTrue(terminal.awaitClosedByClient(GUARD), "the client closed the connection of the request");
        }
    }

    @Test
    void aCancelAbortsTheV3RequestTheTerminalNeverAnswers() throws Exception {
        // a 60 s deadline: only the cancel can end this request early
        cancelAbortsTheRequestInFlight(root -> new ThetaV3Source(root, 2, Duration.ofSeconds(60)));
    }

    @Test
    void aCancelAbortsTheV2RequestTheTerminalNeverAnswers() throws Exception {
        cancelAbortsTheRequestInFlight(root -> new ThetaV2Source(root, 2, ThetaV2Source.Format.CSV,
                Duration.ofSeconds(60)));
    }

    @Test
    void aBodyThatNeverEndsFailsAtTheOneDeadlineAndIsRetryable() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(Mode.ENDLESS_BODY);
             BarSource source = new ThetaV3Source(terminal.root(), 2, Duration.ofMillis(500))) {
            SourceException e = failure(fetchAsync(source, Cancellation.none()));
            assertEquals(Kind.RETRYABLE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer AAPL 2024-03-12 within 500 ms"), e.getMessage());
            assertTrue(terminal.bodyBytesSent() > 0, "headers and part of the body had come");
            assertTrue(terminal.awaitClosedByClient(GUARD), "the connection was closed");
        }
    }

    @Test
    void aV2BodyThatNeverEndsFailsAtTheDeadlineToo() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(Mode.ENDLESS_BODY);
             BarSource source = new ThetaV2Source(terminal.root(), 2, ThetaV2Source.Format.CSV,
                     Duration.ofMillis(500))) {
            SourceException e = failure(fetchAsync(source, Cancellation.none()));
            assertEquals(Kind.RETRYABLE, e.kind(), e.getMessage());
            assertTrue(terminal.awaitClosedByClient(GUARD), "the connection was closed");
        }
    }

    @Test
    void aHugeBodyIsCutAtTheCapAndAsksForLess() throws Exception {
        try (StallingTerminal terminal = StallingTerminal.start(Mode.HUGE_BODY);
             BarSource source = new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(60))) {
            SourceException e = failure(fetchAsync(source, Cancellation.none()));
            assertEquals(Kind.TOO_LARGE, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("larger than 4 MB"), "one day's cap: " + e.getMessage());
            assertTrue(terminal.awaitClosedByClient(GUARD), "the connection was closed");
            // The terminal announced 1 GB; what it could push before the close is the cap plus socket buffers.
            assertTrue(terminal.bodyBytesSent() < 64L * 1024 * 1024, terminal.bodyBytesSent() + " bytes sent");
        }
    }

    @Test
    void theCapGrowsWithTheRangeUpToSixtyFourMegabytes() {
        assertEquals(4L << 20, ThetaHttp.capForDays(1));
        assertEquals(31L << 20, ThetaHttp.capForDays(31));
        assertEquals(64L << 20, ThetaHttp.capForDays(3650));
    }
}
