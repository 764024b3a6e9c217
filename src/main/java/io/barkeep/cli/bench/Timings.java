package io.barkeep.cli.bench;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** How the benchmark turns runs into figures: medians and percentiles of wall-clock milliseconds. */
final class Timings {
    private Timings() {
    }

    /** The median of {@code repeats} runs of {@code work} (given the run's index), in milliseconds. */
    static double medianMs(int repeats, IntConsumer work) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            work.accept(r);
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        return percentile(ms, 50);
    }

    /** The nearest-rank {@code p}th percentile of {@code values}. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
