package io.barkeep.ui.chart;

import java.util.Locale;

/**
 * Fixed-point numbers printed as {@code String.format(Locale.ROOT, "%.Nf", ...)} prints them (half up), with long
 * arithmetic: the chart prints a dozen prices and volumes a frame, and each {@code String.format} allocates a
 * formatter and its buffers, garbage that fills the young generation faster while the chart pans.
 */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};
    private static final double[] DIVISORS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    /** Up to here a whole number of units divided by a power of ten prints as its exact decimal. */
    private static final double EXACT = 1e15;
    /**
     * Below this, a value scaled to its last decimal is known to within far less than {@link #HALF_MARGIN}: its
     * rounding can be read off the double without printing its digits.
     */
    private static final double SCALED_EXACT = 1e8;
    /** Scaled values this close to a half go through the formatter, which rounds the printed digits half up. */
    private static final double HALF_MARGIN = 1e-6;

    private Decimals() {
    }

    /**
     * {@code units / 10^scale} with {@code decimals} decimals, as {@code String.format(Locale.ROOT, "%.<decimals>f",
     * units / 10^scale)} prints it: rounded half up, a negative value keeping its sign even where it rounds to
     * zero. {@code scale} and {@code decimals} 0 to 9. Units that are not a whole number (a price axis step of a
     * fraction of a tick) or too large to be exact go through the formatter itself.
     */
    static String format(double units, int scale, int decimals) {
        if (units != Math.rint(units) || Math.abs(units) >= EXACT) {
            return String.format(Locale.ROOT, "%." + decimals + "f", units / DIVISORS[scale]);
        }
        long magnitude = Math.abs((long) units);
        // The digits kept: all of them with zeros after, or rounded half up to the decimals asked for.
        int digits = Math.min(scale, decimals);
        long kept = magnitude;
        if (decimals < scale) {
            long drop = POWERS[scale - decimals];
            kept = (magnitude + drop / 2) / drop;
        }
        long unit = POWERS[digits];
        StringBuilder out = new StringBuilder(24);
        if (units < 0 || Double.doubleToRawLongBits(units) == Long.MIN_VALUE) {
            out.append('-');
        }
        out.append(kept / unit);
        if (decimals > 0) {
            out.append('.');
            String fraction = digits > 0 ? Long.toString(kept % unit) : "";
            for (int i = fraction.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(fraction);
            for (int i = digits; i < decimals; i++) {
                out.append('0');
            }
        }
        return out.toString();
    }

    /**
     * {@code value} with {@code decimals} decimals (0 to 9) and its sign always, as {@code String.format(Locale.ROOT,
     * "%+.<decimals>f", value)} prints it: the readout's change prints every frame of a pan, and the formatter
     * parses its pattern and looks up the locale's symbols on each call. Where the value scaled to its last decimal
     * lies near a half (where the formatter's rounding of its printed digits could differ from the double's own),
     * or is too large or not a number, the formatter itself prints it.
     */
    static String signed(double value, int decimals) {
        double scaled = Math.abs(value) * DIVISORS[decimals];
        double fraction = scaled - Math.floor(scaled);
        if (!(scaled < SCALED_EXACT) || Math.abs(fraction - 0.5) < HALF_MARGIN) {
            return String.format(Locale.ROOT, "%+." + decimals + "f", value);
        }
        long units = (long) Math.floor(scaled + 0.5);
        boolean negative = value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE;
        return (negative ? "-" : "+") + format(units, decimals, decimals);
    }
}
