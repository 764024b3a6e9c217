package io.barkeep.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * The rules a candidate 5-minute bar must pass before it is stored: consistent prices, prices and volumes a US
 * stock can have ({@link #MAX_PRICE}, {@link #MAX_VOLUME}), and a start on the 5-minute grid of a session of the
 * exchange calendar. A bar that fails is quarantined with the reason, never stored (a bad bar would poison every
 * aggregate built on it).
 * Reasons are short lower-case phrases, the first rule broken in the order of the checks below.
 */
public final class BarRules {
    /** The highest price a US stock can plausibly have: $10,000,000 (in ticks of 1e-4). */
    public static final long MAX_PRICE = 10_000_000L * Prices.SCALE;
    /**
     * The most shares (or trades) one 5-minute bar can plausibly have: 10^12, a thousand times the busiest bars
     * ever seen; it also keeps every sum over a session's bars far from overflowing a long.
     */
    public static final long MAX_VOLUME = 1_000_000_000_000L;

    private BarRules() {
    }

    /** Why {@code bar} must not be stored, or empty when it is good. */
    public static Optional<String> check(Bar bar, TradingCalendar calendar) {
        Optional<String> prices = checkValues(bar);
        return prices.isPresent() ? prices : checkStart(bar.start(), calendar);
    }

    /**
     * The price, volume, count and VWAP rules alone, for callers that check the time separately.
     * Ticks are compared exactly: a price rounded to 1e-4 is judged as it will be stored.
     */
    public static Optional<String> checkValues(Bar bar) {
        if (bar.high() < bar.low()) {
            return reason("high < low");
        }
        if (bar.open() > bar.high() || bar.open() < bar.low()) {
            return reason("open outside high-low");
        }
        if (bar.close() > bar.high() || bar.close() < bar.low()) {
            return reason("close outside high-low");
        }
        if (bar.volume() < 0) {
            return reason("negative volume");
        }
        // low is the smallest of the four prices once the checks above passed
        if (bar.low() <= 0 && bar.volume() > 0) {
            return reason("non-positive price with volume");
        }
        // A zero price without volume is a vendor's no-trade filler, not a price: storing it would drag every
        // aggregate's low to 0. Such intervals are EmptyBars.
        if (bar.low() <= 0) {
            return reason("non-positive price");
        }
        // high is the largest of the four prices once the checks above passed
        if (bar.high() > MAX_PRICE) {
            return reason("price above $10,000,000");
        }
        if (bar.volume() > MAX_VOLUME) {
            return reason("volume above 10^12");
        }
        if (bar.trades() > MAX_VOLUME) {
            return reason("count above 10^12");
        }
        if (bar.vwap() > MAX_PRICE) {
            return reason("vwap above $10,000,000");
        }
        if (bar.trades() == 0) {
            return reason("count 0 marks an empty bar, not a bar");
        }
        if (bar.trades() < 0 && bar.trades() != Bar.UNKNOWN) {
            return reason("negative count");
        }
        if (bar.vwap() < 0 && bar.vwap() != Bar.UNKNOWN) {
            return reason("negative vwap");
        }
        return Optional.empty();
    }

    /** Why a vendor-confirmed empty interval must not be recorded, or empty when it is good. */
    public static Optional<String> check(EmptyBar empty, TradingCalendar calendar) {
        Optional<String> values = checkValues(empty);
        return values.isPresent() ? values : checkStart(empty.start(), calendar);
    }

    /** The VWAP rules of an empty interval alone, for callers that check the time separately. */
    public static Optional<String> checkValues(EmptyBar empty) {
        if (empty.vwap() < 0 && empty.vwap() != Bar.UNKNOWN) {
            return reason("negative vwap");
        }
        if (empty.vwap() > MAX_PRICE) {
            return reason("vwap above $10,000,000");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code start} can begin a 5-minute bar: on the grid, on a date the calendar speaks for, and inside
     * a session (which excludes weekends, holidays, and the time after an early close).
     */
    public static Optional<String> checkStart(Instant start, TradingCalendar calendar) {
        if (start.getNano() != 0 || Math.floorMod(start.getEpochSecond(), Session.BAR_SECONDS) != 0) {
            return reason("off the 5-minute grid");
        }
        if (!calendar.covers(start.atZone(Session.NEW_YORK).toLocalDate())) {
            // without calendar data we cannot tell a holiday from a session, so we do not guess
            return reason("date not covered by the calendar");
        }
        if (calendar.sessionAt(start).isEmpty()) {
            return reason("outside the session");
        }
        return Optional.empty();
    }

    private static Optional<String> reason(String text) {
        return Optional.of(text);
    }
}
