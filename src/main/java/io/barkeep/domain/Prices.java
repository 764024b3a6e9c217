package io.barkeep.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices as fixed-point longs at 1e-4 dollars: exact sums and comparisons, and short integers on disk.
 * Vendor values with more than four decimals are rounded half-even; callers count those roundings.
 */
public final class Prices {
    /** Ticks per dollar. */
    public static final long SCALE = 10_000;
    private static final int DIGITS = 4;

    private Prices() {
    }

    /** Parses a decimal dollar string exactly when it has at most four decimals. */
    public static Rounded parse(String text) {
        return round(new BigDecimal(text.trim()));
    }

    /**
     * {@code value} in ticks, rounded half-even when it has more than four decimals.
     *
     * @throws ArithmeticException when the ticks do not fit a long
     */
    public static Rounded round(BigDecimal value) {
        BigDecimal scaled = value.setScale(DIGITS, RoundingMode.HALF_EVEN);
        return new Rounded(scaled.unscaledValue().longValueExact(), scaled.compareTo(value) != 0);
    }

    public static long toTicks(BigDecimal value) {
        return value.setScale(DIGITS, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    public static BigDecimal toDecimal(long ticks) {
        return BigDecimal.valueOf(ticks, DIGITS);
    }

    /** Plain decimal text, always four decimals ({@code 187.1500}). */
    public static String format(long ticks) {
        return toDecimal(ticks).toPlainString();
    }

    /** A parsed price and whether rounding changed it. */
    public record Rounded(long ticks, boolean rounded) {
    }
}
