package io.barkeep.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
    void countsInFlightRequestsAndStateChanges() {
        HandClock clock = new HandClock();
        Instant opened = clock.now;
        RequestStats stats = new RequestStats(4, clock);
        assertNull(stats.snapshot().lastSuccess());
        long a = stats.begin();
        long b = stats.begin();
        assertEquals(2, stats.snapshot().inFlight());
        clock.now = clock.now.plusSeconds(5);
        stats.succeeded(a);
        Instant success = clock.now;
        clock.now = clock.now.plusSeconds(5);
        stats.failed(b, "no-terminal");
        long c = stats.begin();
        clock.now = clock.now.plusSeconds(5);
        stats.refused(c, "570 LARGE_REQUEST");
        long d = stats.begin();
        stats.abandoned(d);
        RequestStats.Snapshot s = stats.snapshot();
        assertEquals(0, s.inFlight());
        assertEquals(4, s.limit());
        assertEquals(2, s.answered(), "the success and the error answer; not the failure nor the cancelled one");
        assertEquals(success, s.lastSuccess(), "an error answer is no success");
        assertEquals(opened, s.since());
        assertEquals(List.of(RequestStats.State.ANSWERING, RequestStats.State.NOT_ANSWERING,
                RequestStats.State.ANSWERING), s.changes().stream().map(RequestStats.Change::state).toList());
        assertEquals("no-terminal", s.changes().get(1).detail());
        assertEquals(success.plusSeconds(5), s.changes().get(1).at());
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
                    stats.succeeded(t);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        RequestStats.Snapshot s = stats.snapshot();
        assertEquals(0, s.inFlight());
        assertEquals(1_800, s.answered());
    }
}
