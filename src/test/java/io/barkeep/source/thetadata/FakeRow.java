package io.barkeep.source.thetadata;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One row of a {@link FakeThetaTerminal} answer, as the terminal writes it. Prices are text so that a test picks
 * their decimals ({@code "187.1500"}, {@code "316.482312"}) or writes something unreadable on purpose.
 *
 * @param time  New York wall-clock start of the 5-minute bar
 * @param count trades; 0 makes the row a no-trade interval
 * @param vwap  the session's cumulative VWAP so far
 */
public record FakeRow(LocalDateTime time, String open, String high, String low, String close, long volume,
                      long count, String vwap) {

    /** A no-trade row as the vendor sends it: zero prices and volume, the cumulative VWAP carried on. */
    public static FakeRow noTrade(LocalDateTime time, String vwap) {
        return new FakeRow(time, "0", "0", "0", "0", 0, 0, vwap);
    }

    public Instant start() {
        return time.atZone(Session.NEW_YORK).toInstant();
    }

    public boolean traded() {
        return count > 0;
    }

    /** The bar a client should read from this traded row: prices rounded half-even to 1e-4. */
    public Bar toBar() {
        return new Bar(start(), ticks(open), ticks(high), ticks(low), ticks(close), volume, count, ticks(vwap));
    }

    /** The empty interval a client should read from this no-trade row. */
    public EmptyBar toEmptyBar() {
        return new EmptyBar(start(), ticks(vwap));
    }

    private static long ticks(String price) {
        return Prices.parse(price).ticks();
    }
}
