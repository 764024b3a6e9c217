package io.barkeep.domain;

import java.util.Arrays;

/**
 * The technical studies traders expect on a chart, computed from a series of closes in time order (one value per
 * candle that traded; holes are left out by the caller, as charting packages do). Every result has one value per
 * input, {@link Double#NaN} where the study has too little history yet. Pure functions, no state.
 *
 * <p>Conventions follow the common charting packages: the EMA is seeded with the SMA of its first {@code period}
 * values; Bollinger bands use the population standard deviation; RSI uses Wilder's smoothing; MACD is EMA(fast)
 * minus EMA(slow) with an EMA signal line over the MACD values.
 */
public final class Studies {
    /** Bollinger's upper, middle and lower bands. */
    public record Bands(double[] upper, double[] middle, double[] lower) {
    }

    /** The MACD line, its signal line, and their difference (the histogram). */
    public record Macd(double[] line, double[] signal, double[] histogram) {
    }

    private Studies() {
    }

    /** Simple moving average: the mean of the last {@code period} values. */
    public static double[] sma(double[] values, int period) {
        requirePeriod(period);
        double[] out = nans(values.length);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= period) {
                sum -= values[i - period];
            }
            if (i >= period - 1) {
                out[i] = sum / period;
            }
        }
        return out;
    }

    /** Exponential moving average with weight 2 / (period + 1), seeded with the SMA of the first period values. */
    public static double[] ema(double[] values, int period) {
        return emaFrom(values, period, 0);
    }

    /** Bollinger bands: the SMA, and {@code width} population standard deviations either side of it. */
    public static Bands bollinger(double[] values, int period, double width) {
        double[] middle = sma(values, period);
        double[] upper = nans(values.length);
        double[] lower = nans(values.length);
        for (int i = period - 1; i < values.length; i++) {
            double squares = 0;
            for (int k = i - period + 1; k <= i; k++) {
                double d = values[k] - middle[i];
                squares += d * d;
            }
            double sd = Math.sqrt(squares / period);
            upper[i] = middle[i] + width * sd;
            lower[i] = middle[i] - width * sd;
        }
        return new Bands(upper, middle, lower);
    }

    /**
     * Relative strength index, 0..100, with Wilder's smoothing: the first average gain and loss are plain means of
     * the first {@code period} changes, each later one is (previous * (period - 1) + change) / period.
     */
    public static double[] rsi(double[] values, int period) {
        requirePeriod(period);
        double[] out = nans(values.length);
        double gain = 0;
        double loss = 0;
        for (int i = 1; i < values.length; i++) {
            double change = values[i] - values[i - 1];
            double up = Math.max(0, change);
            double down = Math.max(0, -change);
            if (i <= period) {
                gain += up / period;
                loss += down / period;
            } else {
                gain = (gain * (period - 1) + up) / period;
                loss = (loss * (period - 1) + down) / period;
            }
            if (i >= period) {
                out[i] = loss == 0 ? 100 : 100 - 100 / (1 + gain / loss);
            }
        }
        return out;
    }

    /** MACD: EMA(fast) - EMA(slow), its EMA(signal), and the histogram line - signal. */
    public static Macd macd(double[] values, int fast, int slow, int signal) {
        double[] f = ema(values, fast);
        double[] s = ema(values, slow);
        double[] line = nans(values.length);
        for (int i = 0; i < values.length; i++) {
            line[i] = f[i] - s[i];
        }
        double[] sig = emaFrom(line, signal, Math.max(fast, slow) - 1);
        double[] histogram = nans(values.length);
        for (int i = 0; i < values.length; i++) {
            histogram[i] = line[i] - sig[i];
        }
        return new Macd(line, sig, histogram);
    }

    /** An EMA over values[start..], which must be defined from {@code start} on. */
    private static double[] emaFrom(double[] values, int period, int start) {
        requirePeriod(period);
        double[] out = nans(values.length);
        double k = 2.0 / (period + 1);
        double sum = 0;
        for (int i = start; i < values.length; i++) {
            int n = i - start + 1;
            if (n < period) {
                sum += values[i];
            } else if (n == period) {
                out[i] = (sum + values[i]) / period;
            } else {
                out[i] = values[i] * k + out[i - 1] * (1 - k);
            }
        }
        return out;
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static void requirePeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("study period must be at least 1, got " + period);
        }
    }
}
