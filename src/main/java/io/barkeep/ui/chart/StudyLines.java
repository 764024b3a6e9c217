package io.barkeep.ui.chart;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Studies;
import java.util.Arrays;

/**
 * The studies a chart's options ask for, one value per slot ({@link Double#NaN} where there is none), prices in
 * ticks. Computed by {@link Studies} over the closes of the slots that hold a candle, so a hole in the cache
 * neither counts as a price nor shifts the periods; the lines break across it. The session VWAP is the vendor's
 * running value stored with each bar, not recomputed. Immutable once built.
 */
final class StudyLines {
    static final StudyLines NONE = new StudyLines(0);

    final double[] sma;
    final double[] ema;
    final double[] vwap;
    final double[] upper;
    final double[] middle;
    final double[] lower;
    final double[] rsi;
    final double[] macd;
    final double[] signal;
    final double[] histogram;

    private StudyLines(int size) {
        sma = nans(size);
        ema = nans(size);
        vwap = nans(size);
        upper = nans(size);
        middle = nans(size);
        lower = nans(size);
        rsi = nans(size);
        macd = nans(size);
        signal = nans(size);
        histogram = nans(size);
    }

    /** How many slots the lines cover: the data's size when they belong to it. */
    int size() {
        return sma.length;
    }

    /** The lines of {@code options} over {@code d}. */
    static StudyLines compute(ChartData d, ChartOptions options) {
        StudyLines out = new StudyLines(d.size);
        int[] slots = new int[d.countBars(0, d.size)];
        double[] closes = new double[slots.length];
        int n = 0;
        for (int i = 0; i < d.size; i++) {
            if (d.has(i, ChartData.HAS_BAR)) {
                slots[n] = i;
                closes[n++] = d.close[i];
                if (options.vwap() && d.vwap[i] != Bar.UNKNOWN && d.vwap[i] > 0) {
                    out.vwap[i] = d.vwap[i];
                }
            }
        }
        if (options.sma()) {
            scatter(Studies.sma(closes, options.smaPeriod()), slots, out.sma);
        }
        if (options.ema()) {
            scatter(Studies.ema(closes, options.emaPeriod()), slots, out.ema);
        }
        if (options.bollinger()) {
            Studies.Bands b = Studies.bollinger(closes, ChartOptions.BOLLINGER_PERIOD, ChartOptions.BOLLINGER_WIDTH);
            scatter(b.upper(), slots, out.upper);
            scatter(b.middle(), slots, out.middle);
            scatter(b.lower(), slots, out.lower);
        }
        if (options.lower() == ChartOptions.Lower.RSI) {
            scatter(Studies.rsi(closes, ChartOptions.RSI_PERIOD), slots, out.rsi);
        } else if (options.lower() == ChartOptions.Lower.MACD) {
            Studies.Macd m = Studies.macd(closes, ChartOptions.MACD_FAST, ChartOptions.MACD_SLOW,
                    ChartOptions.MACD_SIGNAL);
            scatter(m.line(), slots, out.macd);
            scatter(m.signal(), slots, out.signal);
            scatter(m.histogram(), slots, out.histogram);
        }
        return out;
    }

    private static void scatter(double[] values, int[] slots, double[] into) {
        for (int k = 0; k < values.length; k++) {
            into[slots[k]] = values[k];
        }
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
