package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionQuoteTest {
    private static final Instant MON_OPEN = Instant.parse("2024-03-11T13:30:00Z");
    private static final Instant TUE_OPEN = Instant.parse("2024-03-12T13:30:00Z");

    private static Bar bar(Instant start, double close, long volume) {
        long c = Math.round(close * Prices.SCALE);
        return Bar.of(start, c, c, c, c, volume);
    }

    @Test
    void lastChangeAndVolumeAreMeasuredFromThePreviousSessionsLastClose() {
        List<Bar> bars = List.of(
                bar(MON_OPEN.minusSeconds(86_400 * 3), 90.00, 1),  // Friday: ignored
                bar(MON_OPEN, 99.00, 500),
                bar(MON_OPEN.plusSeconds(23_100), 100.00, 700),     // Monday's last bar, 15:55
                bar(TUE_OPEN, 101.00, 1_000),
                bar(TUE_OPEN.plusSeconds(300), 102.50, 2_000));
        SessionQuote q = SessionQuote.of(bars, TUE_OPEN, MON_OPEN);
        // last 102.50, previous close 100.00: +2.50, +2.5 %, volume 1,000 + 2,000
        assertEquals(1_025_000, q.last());
        assertEquals(25_000, q.change());
        assertEquals(2.5, q.changePercent(), 1e-12);
        assertEquals(3_000, q.volume());
    }

    @Test
    void withoutThePreviousSessionThereIsNoChangeAndWithoutTodaysBarsNoQuote() {
        SessionQuote q = SessionQuote.of(List.of(bar(TUE_OPEN, 50, 10)), TUE_OPEN, MON_OPEN);
        assertNull(q.change());
        assertNull(q.changePercent());
        assertNull(SessionQuote.of(List.of(bar(MON_OPEN, 50, 10)), TUE_OPEN, MON_OPEN));
    }
}
