package io.barkeep.source.simulated;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How activity is spread over a session of {@code n} bars: the U shape of US equities, heavy at the open, light at
 * midday, picking up into the close. Volume, volatility and the odds of a bar without trades all follow it.
 * Shapes are computed once per session length and shared.
 */
final class IntradayShape {
    private static final ConcurrentMap<Integer, IntradayShape> BY_LENGTH = new ConcurrentHashMap<>();

    /** Each bar's share of the session's volume; sums to 1. */
    final double[] volume;
    /** Multiplies the bar's volatility; its square averages 1, so the session's variance is unchanged. */
    final double[] sigma;
    /** Multiplies the chance of an empty bar; averages 1, so the symbol's empty rate holds per session. */
    final double[] empty;

    private IntradayShape(int bars) {
        double[] raw = new double[bars];
        double total = 0;
        for (int i = 0; i < bars; i++) {
            double x = (i + 0.5) / bars;
            raw[i] = 0.5 + 2.6 * Math.exp(-x / 0.07) + 1.4 * Math.exp(-(1 - x) / 0.05);
            total += raw[i];
        }
        double mean = total / bars;
        double inverseTotal = 0;
        for (double r : raw) {
            inverseTotal += mean / r;
        }
        volume = new double[bars];
        sigma = new double[bars];
        empty = new double[bars];
        for (int i = 0; i < bars; i++) {
            volume[i] = raw[i] / total;
            sigma[i] = Math.sqrt(raw[i] / mean);
            empty[i] = (mean / raw[i]) * bars / inverseTotal;
        }
    }

    static IntradayShape of(int bars) {
        return BY_LENGTH.computeIfAbsent(bars, IntradayShape::new);
    }
}
