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
