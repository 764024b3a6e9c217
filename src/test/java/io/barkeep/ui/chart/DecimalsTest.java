package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Decimals} prints what {@code String.format} printed before it (the JDK's formatter is the reference),
 * and the chart's prices, volumes and clock labels read as they did.
 */
class DecimalsTest {
    private static String formatter(double units, int scale, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", units / Math.pow(10, scale));
    }

    @Test
    void wholeUnitsPrintAsTheFormatterPrintsThem() {
        SplittableRandom random = new SplittableRandom(42);
        for (int scale = 0; scale <= 9; scale++) {
            for (int decimals = 0; decimals <= 9; decimals++) {
                for (int i = 0; i < 3_000; i++) {
                    // Every magnitude from a single unit to the largest exact one, both signs.
                    long bound = (long) Math.pow(10, 1 + random.nextInt(15));
                    long units = random.nextLong(-bound + 1, bound);
                    assertEquals(formatter(units, scale, decimals), Decimals.format(units, scale, decimals),
                            units + " at scale " + scale + ", " + decimals + " decimals");
                }
            }
        }
    }

    @Test
    void halvesRoundUpAwayFromZeroAsTheFormatterDoes() {
        long[] units = {5, 15, 25, 1_005, 1_015, 12_345, 99_995, 123_455, 999_950, -5, -15, -1_005, -99_995, 0, 1,
            -1, 4, -4, 999_999_999_999_999L, -999_999_999_999_999L};
        for (long u : units) {
            for (int scale = 0; scale <= 6; scale++) {
                for (int decimals = 0; decimals <= 6; decimals++) {
                    assertEquals(formatter(u, scale, decimals), Decimals.format(u, scale, decimals),
                            u + " at scale " + scale + ", " + decimals + " decimals");
                }
            }
        }
        assertEquals(formatter(-0.0, 4, 2), Decimals.format(-0.0, 4, 2), "negative zero keeps its sign");
    }

    @Test
    void fractionsOfAUnitAndHugeValuesGoThroughTheFormatter() {
        double[] units = {2_500.000_000_000_4, 1234.5, -0.25, 3e15, 1e18 + 5};
        for (double u : units) {
            assertEquals(formatter(u, 4, 2), Decimals.format(u, 4, 2), Double.toString(u));
            assertEquals(formatter(u, 4, 5), Decimals.format(u, 4, 5), Double.toString(u));
        }
    }

    @Test
    void signedValuesPrintAsTheFormatterPrintsThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            // The readout's change: two closes in ticks, from a cent to a hundred thousand dollars, a few percent
            // apart or (one in ten) anything up to a hundredfold.
            long previous = random.nextLong(100, 1_000_000_000L);
            long close = random.nextInt(10) == 0 ? random.nextLong(1, previous * 100)
                    : previous + random.nextLong(-previous / 20 - 1, previous / 20 + 1);
            double change = 100.0 * (close - previous) / previous;
            assertEquals(String.format(Locale.ROOT, "%+.2f", change), Decimals.signed(change, 2),
                    close + " after " + previous);
        }
        for (int decimals = 0; decimals <= 9; decimals++) {
            for (int i = 0; i < 10_000; i++) {
                double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-4, 12));
                assertEquals(String.format(Locale.ROOT, "%+." + decimals + "f", value),
                        Decimals.signed(value, decimals), value + ", " + decimals + " decimals");
            }
        }
    }

    @Test
    void signedHalvesZerosAndOddValuesPrintAsTheFormatterPrintsThem() {
        double[] values = {0.125, -0.125, 0.375, 1.005, -1.005, 2.675, 0.5, 0.005, -0.005, 0.015, 12.345, 0.0, -0.0,
            -0.001, 0.001, -0.0049999, 99.995, 1e7 + 0.125, 1e9, -1e12, 1e300, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100.0 * 1 / 800, 100.0 * -3 / 2400};
        for (double v : values) {
            for (int decimals = 0; decimals <= 4; decimals++) {
                assertEquals(String.format(Locale.ROOT, "%+." + decimals + "f", v), Decimals.signed(v, decimals),
                        v + ", " + decimals + " decimals");
            }
        }
        assertEquals("-0.00", Decimals.signed(-0.001, 2), "a fall too small to show keeps its sign");
        assertEquals("+0.13", Decimals.signed(0.125, 2), "half up");
    }

    @Test
    void chartPricesVolumesAndClockTimesReadAsBefore() {
        assertEquals("187.25", ChartPainter.price(1_872_500, 2));
        assertEquals("187.2550", ChartPainter.price(1_872_550, 4));
        assertEquals("0.0001", ChartPainter.price(1, 4));
        assertEquals("0.01", ChartPainter.price(50, 2), "half a cent rounds up");
        assertEquals("9999", ChartReadout.volume(9_999));
        assertEquals("12.3K", ChartReadout.volume(12_345));
        assertEquals("1000.0K", ChartReadout.volume(999_999));
        assertEquals("4.57M", ChartReadout.volume(4_567_000));
        assertEquals("1.20B", ChartReadout.volume(1_204_999_999));
        for (int minute = 0; minute < 24 * 60; minute++) {
            assertEquals(String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60), TimeAxis.clock(minute));
        }
    }
}
