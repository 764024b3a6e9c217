package io.barkeep.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestStatsTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2024-03-12T14:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void countsInFlightRequestsErrorsByCodeAndStateChanges() {
        HandClock clock = new HandClock();
        RequestStats stats = new RequestStats(4, clock);
        assertNull(stats.snapshot().lastSuccess());
        long a = stats.begin();
        long b = stats.begin();
        assertEquals(2, stats.snapshot().inFlight());
        stats.answered(a, 200, true);
        stats.failed(b, "refused");
        long c = stats.begin();
        stats.answered(c, 570, false);
        RequestStats.Snapshot s = stats.snapshot();
        assertEquals(0, s.inFlight());
        assertEquals(4, s.limit());
        assertEquals(clock.now, s.lastSuccess());
        assertEquals(Map.of("HTTP 570", 1, "refused", 1), s.errorsByCode());
        assertEquals(List.of(RequestStats.State.ANSWERING, RequestStats.State.NOT_ANSWERING,
                RequestStats.State.ANSWERING), s.changes().stream().map(RequestStats.Change::state).toList());
        clock.now = clock.now.plusSeconds(25 * 3600);
        assertEquals(Map.of(), stats.snapshot().errorsByCode(), "errors older than 24 h drop out");
    }

    @Test
    void manyThreadsLeaveNothingInFlight() throws Exception {
        RequestStats stats = new RequestStats(8, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 2_000; i++) {
            int n = i;
            pool.execute(() -> {
                long t = stats.begin();
                if (n % 10 == 0) {
                    stats.failed(t, "timeout");
                } else {
                    stats.answered(t, 200, true);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        RequestStats.Snapshot s = stats.snapshot();
        assertEquals(0, s.inFlight());
        assertEquals(1_800, s.answered());
        assertEquals(200, s.errorsByCode().get("timeout"));
    }
}
