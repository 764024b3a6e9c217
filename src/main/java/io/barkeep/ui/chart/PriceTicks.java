package io.barkeep.ui.chart;

/** Round price steps for the price axis: 1, 2, 2.5 or 5 times a power of ten. */
final class PriceTicks {
    private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

    private PriceTicks() {
    }

    /** The smallest round step that puts at most {@code maxTicks} ticks over {@code range} (both in dollars). */
    static double step(double range, int maxTicks) {
        if (!(range > 0) || maxTicks < 1) {
            return 1;
        }
        double raw = range / maxTicks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : MANTISSAS) {
            if (m * power >= raw * (1 - 1e-9)) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** Decimals that show {@code step} exactly (2.5 needs one more than 2), at least 2 as prices are quoted. */
    static int decimals(double step) {
        int d = 2;
        while (d < 6 && Math.abs(step * Math.pow(10, d) - Math.rint(step * Math.pow(10, d))) > 1e-6) {
            d++;
        }
        return d;
    }
}
