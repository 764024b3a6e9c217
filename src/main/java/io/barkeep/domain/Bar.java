package io.barkeep.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One 5-minute OHLCV bar that traded. Prices are fixed-point longs in ticks of 1e-4 dollars
 * ({@link Prices}); {@code start} is the bar's open, a trade at t belongs to the bar with
 * start <= t < start + 5 min.
 *
 * @param trades the vendor's trade count, or {@link #UNKNOWN} when the source does not say
 * @param vwap   the session's cumulative VWAP at this bar in ticks, or {@link #UNKNOWN}
 */
public record Bar(Instant start, long open, long high, long low, long close, long volume, long trades,
                  long vwap) {

    /** Marks a trade count or VWAP the source did not give. */
    public static final long UNKNOWN = -1;

    /** A bar with no trade count or VWAP (CSV imports of plain OHLCV). */
    public static Bar of(Instant start, long open, long high, long low, long close, long volume) {
        return new Bar(start, open, high, low, close, volume, UNKNOWN, UNKNOWN);
    }

    public long epochSecond() {
        return start.getEpochSecond();
    }

    public BigDecimal openPrice() {
        return Prices.toDecimal(open);
    }

    public BigDecimal highPrice() {
        return Prices.toDecimal(high);
    }

    public BigDecimal lowPrice() {
        return Prices.toDecimal(low);
    }

    public BigDecimal closePrice() {
        return Prices.toDecimal(close);
    }
}
