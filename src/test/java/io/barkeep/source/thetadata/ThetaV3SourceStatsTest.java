package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceException;
import io.barkeep.source.VendorErrorCode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The HTTP sources record what their requests did, for the vendor health view, against a real local terminal. */
class ThetaV3SourceStatsTest {
    private static final LocalDate TUESDAY = LocalDate.of(2024, 1, 2);

    @Test
    void answersAnErrorAnswerAndARefusedConnectionAreCounted() throws Exception {
        FakeThetaTerminal terminal = FakeThetaTerminal.start(FakeMarket.weekdays(Set.of(), Set.of()));
        ThetaV3Source source = new ThetaV3Source(terminal.root(), 3, Duration.ofSeconds(30), ThetaFormat.CSV);
        assertNull(source.requestStats().snapshot().lastSuccess());
        source.fetch("AAPL", TUESDAY, TUESDAY);
        RequestStats.Snapshot up = source.requestStats().snapshot();
        assertEquals(1, up.answered());
        assertEquals(3, up.limit());
        assertEquals(0, up.inFlight());
        assertNotNull(up.lastSuccess());

        terminal.failNext(1, 429);
        assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));
        RequestStats.Snapshot refused = source.requestStats().snapshot();
        assertEquals(2, refused.answered(), "an error answer is an answer: the terminal is there");
        assertEquals(List.of(RequestStats.State.ANSWERING), states(refused));
        assertEquals(up.lastSuccess(), refused.lastSuccess());

        terminal.close();
        assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));
        RequestStats.Snapshot down = source.requestStats().snapshot();
        assertEquals(List.of(RequestStats.State.ANSWERING, RequestStats.State.NOT_ANSWERING), states(down));
        assertEquals(VendorErrorCode.NO_TERMINAL, down.changes().get(1).detail());
        assertEquals(0, down.inFlight());
    }

    @Test
    void aTerminalNotConnectedUpstreamIsNotAnsweringThoughItsStatusPageAnswers() throws Exception {
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start().connected(false)) {
            ThetaV3Source source = new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(30), ThetaFormat.CSV);
            assertThrows(SourceException.class, source::checkReady);
            RequestStats.Snapshot down = source.requestStats().snapshot();
            assertEquals(List.of(RequestStats.State.NOT_ANSWERING), states(down));
            assertEquals(VendorErrorCode.DISCONNECTED, down.changes().get(0).detail());
            assertEquals(0, down.answered(), "a status check is not an answer to a request for data");
            assertNull(down.lastSuccess());
            // checked again while still disconnected: no change to record, however often the view asks
            assertThrows(SourceException.class, source::checkReady);
            assertEquals(1, source.requestStats().snapshot().changes().size());

            terminal.connected(true);
            source.checkReady();
            RequestStats.Snapshot up = source.requestStats().snapshot();
            assertEquals(List.of(RequestStats.State.NOT_ANSWERING, RequestStats.State.ANSWERING), states(up));
            assertEquals(0, up.inFlight());
        }
    }

    @Test
    void requestsWaitingForASlotAreNotInFlight() throws Exception {
        // the terminal holds answers until two requests are in flight; the third waits for a slot meanwhile
        try (FakeThetaTerminal terminal = FakeThetaTerminal.start().holdUntilInFlight(2)) {
            ThetaV3Source source = new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(30), ThetaFormat.CSV);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> calls = List.of(
                        pool.submit(() -> source.fetch("AAPL", TUESDAY, TUESDAY)),
                        pool.submit(() -> source.fetch("MSFT", TUESDAY, TUESDAY)),
                        pool.submit(() -> source.fetch("SPY", TUESDAY, TUESDAY)));
                for (Future<?> call : calls) {
                    call.get();
                }
            } finally {
                pool.shutdown();
            }
            RequestStats.Snapshot s = source.requestStats().snapshot();
            assertEquals(3, s.answered());
            assertEquals(0, s.inFlight());
            assertEquals(2, s.peakInFlight(), "two at once, never the third that waited for the limit's slot");
        }
    }

    @Test
    void theV2SourceReportsToo() throws Exception {
        ThetaV2Source source = new ThetaV2Source(java.net.URI.create("http://127.0.0.1:9"), 2);
        assertThrows(SourceException.class, () -> source.fetch("AAPL", TUESDAY, TUESDAY));
        RequestStats.Snapshot s = source.requestStats().snapshot();
        assertEquals(2, s.limit());
        assertEquals(List.of(RequestStats.State.NOT_ANSWERING), states(s));
        assertEquals(VendorErrorCode.NO_TERMINAL, s.changes().get(0).detail());
    }

    private static List<RequestStats.State> states(RequestStats.Snapshot s) {
        return s.changes().stream().map(RequestStats.Change::state).toList();
    }
}
