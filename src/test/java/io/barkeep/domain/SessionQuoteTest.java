package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SessionQuoteTest {

    @Test
    void theChangeIsMeasuredFromThePreviousClose() {
        // last 102.50, previous close 100.00: +2.50, +2.5 %
        SessionQuote q = new SessionQuote(1_025_000, 1_000_000, 3_000);
        assertEquals(25_000, q.change());
        assertEquals(2.5, q.changePercent(), 1e-12);
        assertEquals(-1.25, new SessionQuote(987_500, 1_000_000, 1).changePercent(), 1e-12);
    }

    @Test
    void withoutThePreviousCloseThereIsNoChange() {
        SessionQuote q = new SessionQuote(500_000, Bar.UNKNOWN, 10);
        assertNull(q.change());
        assertNull(q.changePercent());
        assertNull(new SessionQuote(500_000, 0, 10).changePercent(), "no percentage of a zero close");
    }
}
