package io.barkeep.ui.chart;

import io.barkeep.domain.Adjustment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a chart shows besides its candles: the studies (each on or off, the moving averages with their period),
 * the lower pane, how the axes look, and whether prices are raw (as traded) or split-adjusted. A value; kept per
 * symbol by {@link ChartOptionsStore}.
 */
record ChartOptions(boolean sma, int smaPeriod, boolean ema, int emaPeriod, boolean vwap, boolean bollinger,
                    Lower lower, boolean separators, boolean localTime, boolean logScale, boolean raw) {
    /** The study in the pane under the volume. */
    enum Lower { NONE, RSI, MACD }

    static final int BOLLINGER_PERIOD = 20;
    static final double BOLLINGER_WIDTH = 2;
    static final int RSI_PERIOD = 14;
    static final int MACD_FAST = 12;
    static final int MACD_SLOW = 26;
    static final int MACD_SIGNAL = 9;
    static final int MAX_PERIOD = 500;

    /** A plain chart: no studies, day separators on, New York time, linear prices, adjusted for splits. */
    static final ChartOptions DEFAULTS = new ChartOptions(false, 20, false, 50, false, false, Lower.NONE, true,
            false, false, false);

    ChartOptions {
        smaPeriod = Math.max(1, Math.min(MAX_PERIOD, smaPeriod));
        emaPeriod = Math.max(1, Math.min(MAX_PERIOD, emaPeriod));
        lower = lower == null ? Lower.NONE : lower;
    }

    boolean anyOverlay() {
        return sma || ema || vwap || bollinger;
    }

    ChartOptions withSma(boolean on, int period) {
        return new ChartOptions(on, period, ema, emaPeriod, vwap, bollinger, lower,
                separators, localTime, logScale, raw);
    }

    ChartOptions withEma(boolean on, int period) {
        return new ChartOptions(sma, smaPeriod, on, period, vwap, bollinger, lower,
                separators, localTime, logScale, raw);
    }

    ChartOptions withVwap(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, on, bollinger, lower,
                separators, localTime, logScale, raw);
    }

    ChartOptions withBollinger(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, on, lower, separators, localTime, logScale, raw);
    }

    ChartOptions withLower(Lower pane) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, bollinger, pane, separators, localTime,
                logScale, raw);
    }

    ChartOptions withSeparators(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, bollinger, lower, on, localTime, logScale, raw);
    }

    ChartOptions withLocalTime(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, bollinger, lower, separators, on, logScale, raw);
    }

    ChartOptions withLogScale(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, bollinger, lower, separators, localTime, on, raw);
    }

    ChartOptions withRaw(boolean on) {
        return new ChartOptions(sma, smaPeriod, ema, emaPeriod, vwap, bollinger, lower, separators, localTime, logScale,
                on);
    }

    /** The adjustment the chart reads its bars with: splits unless the user asked for raw prices. */
    Adjustment adjustment() {
        return raw ? Adjustment.NONE : Adjustment.SPLITS;
    }

    /** As one line of {@code key=value} pairs, for the options file. */
    String encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sma", sma);
        m.put("ema", ema);
        m.put("smaPeriod", smaPeriod);
        m.put("emaPeriod", emaPeriod);
        m.put("vwap", vwap);
        m.put("bollinger", bollinger);
        m.put("lower", lower);
        m.put("separators", separators);
        m.put("localTime", localTime);
        m.put("logScale", logScale);
        m.put("raw", raw);
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> b.append(b.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return b.toString();
    }

    /** Reads {@link #encode()}'s line; anything unreadable falls back to the default, so an old file never fails. */
    static ChartOptions decode(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : line == null ? new String[0] : line.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        ChartOptions d = DEFAULTS;
        Lower pane;
        try {
            pane = Lower.valueOf(m.getOrDefault("lower", "NONE"));
        } catch (IllegalArgumentException e) {
            pane = Lower.NONE;
        }
        return new ChartOptions(flag(m, "sma", false), number(m, "smaPeriod", d.smaPeriod()),
                flag(m, "ema", false), number(m, "emaPeriod", d.emaPeriod()), flag(m, "vwap", false),
                flag(m, "bollinger", false), pane, flag(m, "separators", d.separators()),
                flag(m, "localTime", false), flag(m, "logScale", false), flag(m, "raw", false));
    }

    private static int number(Map<String, String> m, String key, int fallback) {
        try {
            return Integer.parseInt(m.getOrDefault(key, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean flag(Map<String, String> m, String key, boolean fallback) {
        String v = m.get(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }
}
