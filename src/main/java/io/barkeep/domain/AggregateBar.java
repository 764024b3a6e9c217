package io.barkeep.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One bar of a larger interval, built from the 5-minute bars inside its time bucket. Prices in ticks of
 * 1e-4 dollars ({@link Prices}).
 *
 * @param start        the bucket's start (the session open or a bucket boundary), not the first bar's start
 * @param end          the bucket's end, exclusive, clipped to the session close
 * @param open         the first bar's open
 * @param high         the highest high
 * @param low          the lowest low
 * @param close        the last bar's close
 * @param volume       the sum of the bars' volumes
 * @param trades       the sum of the bars' trade counts, or {@link Bar#UNKNOWN} when any bar's count is
 *                     unknown (a sum over only some bars would look exact and be too low)
 * @param vwap         the last bar's vwap, or {@link Bar#UNKNOWN}: the vendor's vwap is the session's
 *                     cumulative VWAP at that bar, so the value at the bucket's end is the last bar's
 * @param bars         how many 5-minute bars the bucket held
 * @param expectedBars how many 5-minute bars the bucket spans on the calendar
 * @param partial      the bucket is shorter than the interval (cut by the session close, or by clock
 *                     alignment at the open); never true for {@code 1d}, whose length is the session's
 * @param capped       the volume or trade sum would have overflowed a long and stopped at {@link Long#MAX_VALUE}
 *                     (only possible with rows stored before {@link BarRules#MAX_VOLUME} was enforced)
 */
public record AggregateBar(Instant start, Instant end, long open, long high, long low, long close, long volume,
                           long trades, long vwap, int bars, int expectedBars, boolean partial, boolean capped) {

    /**
     * How many of the bucket's 5-minute slots held no bar: holes in the cache, or slots the vendor confirmed
     * had no trade (those are never stored as bars); the coverage ledger tells the two apart.
     */
    public int missingBars() {
        return expectedBars - bars;
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
