package io.barkeep.domain;

import java.util.Locale;

/**
 * The length of an aggregated bar: the stored 5-minute base, any multiple of 5 minutes up to a regular
 * session ({@code 10m}, {@code 15m}, {@code 45m}, {@code 1h}, {@code 2h} ...), or {@code 1d}, which is
 * the whole session whatever its length (390 minutes, 210 on an early close). Immutable; equal lengths are
 * equal whatever text they came from ({@code 60m} is {@code 1h}).
 */
public final class Interval {
    /** The longest minute interval: one regular session. Longer buckets would all be cut to the session. */
    public static final int MAX_MINUTES = 390;
    private static final int STEP_MINUTES = Session.BAR_SECONDS / 60;
    private static final String ACCEPTED =
            "use 5m, 15m, 30m, 1h, 1d or any multiple of 5 minutes like 10m (at most 390m or 6h)";

    /** The stored base interval. */
    public static final Interval FIVE_MINUTES = new Interval(5);
    public static final Interval FIFTEEN_MINUTES = new Interval(15);
    public static final Interval THIRTY_MINUTES = new Interval(30);
    public static final Interval ONE_HOUR = new Interval(60);
    /** One bar per session. */
    public static final Interval ONE_DAY = new Interval(0);

    /** 0 marks {@code 1d}: its length is each session's own, not a fixed number of minutes. */
    private final int minutes;

    private Interval(int minutes) {
        this.minutes = minutes;
    }

    /** A minute interval; {@code minutes} must be a positive multiple of 5, at most {@link #MAX_MINUTES}. */
    public static Interval ofMinutes(int minutes) {
        if (minutes <= 0 || minutes % STEP_MINUTES != 0 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("bad interval '" + minutes + "m': " + ACCEPTED);
        }
        return switch (minutes) {
            case 5 -> FIVE_MINUTES;
            case 15 -> FIFTEEN_MINUTES;
            case 30 -> THIRTY_MINUTES;
            case 60 -> ONE_HOUR;
            default -> new Interval(minutes);
        };
    }

    /**
     * Reads {@code Nm}, {@code Nh} or {@code 1d}, case-insensitive, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public static Interval parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        // Bounded digit count keeps Integer.parseInt from overflowing on silly input.
        if (t.length() >= 2 && t.length() <= 6) {
            String digits = t.substring(0, t.length() - 1);
            char unit = t.charAt(t.length() - 1);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int n = Integer.parseInt(digits);
                int minutes = switch (unit) {
                    case 'm' -> n;
                    case 'h' -> n * 60;
                    case 'd' -> n == 1 ? 0 : -1;
                    default -> -1;
                };
                if (minutes == 0 && unit == 'd') {
                    return ONE_DAY;
                }
                if (minutes > 0 && minutes % STEP_MINUTES == 0 && minutes <= MAX_MINUTES) {
                    return ofMinutes(minutes);
                }
            }
        }
        throw new IllegalArgumentException("bad interval '" + text + "': " + ACCEPTED);
    }

    /** Whether this is {@code 1d}: one bucket per session. */
    public boolean isSession() {
        return minutes == 0;
    }

    /** The bucket length in minutes; 0 for {@code 1d}, whose length is each session's own. */
    public int minutes() {
        return minutes;
    }

    /** How many 5-minute bars a full bucket spans; 0 for {@code 1d} (see {@link Session#expectedBars()}). */
    public int barsPerBucket() {
        return minutes / STEP_MINUTES;
    }

    /** The canonical text: {@code 5m}, {@code 45m}, {@code 1h}, {@code 2h}, {@code 90m}, {@code 1d}. */
    public String label() {
        if (minutes == 0) {
            return "1d";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interval other && other.minutes == minutes;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(minutes);
    }

    @Override
    public String toString() {
        return label();
    }
}
