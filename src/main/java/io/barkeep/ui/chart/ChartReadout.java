package io.barkeep.ui.chart;

import io.barkeep.domain.Session;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/** The text of the crosshair's readout (time, OHLCV, what the cache holds of the bucket) and axis labels. */
final class ChartReadout {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.getDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm",
            Locale.getDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ChartReadout() {
    }

    /** When slot {@code i} starts, in New York: the date alone for daily candles. */
    static String time(ChartData d, int i) {
        var start = Instant.ofEpochSecond(d.time[i]).atZone(d.zone);
        return d.interval.isSession() ? start.format(DATE) : start.format(DATE_TIME);
    }

    /** The bucket's span: {@code Tue 2024-03-12 10:30-11:30}, or the start alone for 5-minute bars and days. */
    static String span(ChartData d, int i) {
        if (d.interval.isSession() || d.end[i] - d.time[i] <= Session.BAR_SECONDS) {
            return time(d, i);
        }
        return time(d, i) + "\u2013" + Instant.ofEpochSecond(d.end[i]).atZone(d.zone).format(TIME);
    }

    /** The readout of slot {@code slot}, or of the newest candle in {@code view} when the slot is -1. */
    static String line(ChartData d, Viewport view, int slot, ResourceBundle texts) {
        int i = slot < 0 ? ChartViews.newestVisibleBar(d, view) : slot;
        return describe(d, i, texts);
    }

    /** One line about slot {@code i}: its prices and volume, or why it has none. */
    static String describe(ChartData d, int i, ResourceBundle texts) {
        if (i < 0 || i >= d.size) {
            return "";
        }
        String when = span(d, i);
        if (d.has(i, ChartData.MISSING)) {
            return d.expected[i] == 1 ? MessageFormat.format(texts.getString("readout.missingBar"), when)
                    : MessageFormat.format(texts.getString("readout.missing"), when, d.missing[i], d.expected[i]);
        }
        if (d.has(i, ChartData.EMPTY)) {
            return MessageFormat.format(texts.getString("readout.empty"), when);
        }
        int decimals = d.close[i] < 10_000 ? 4 : 2;
        String change = "";
        if (i > 0 && d.close[i - 1] > 0) {
            change = Decimals.signed(100.0 * (d.close[i] - d.close[i - 1]) / d.close[i - 1], 2) + "%";
        }
        String line = MessageFormat.format(texts.getString("readout.bar"), when,
                ChartPainter.price(d.open[i], decimals), ChartPainter.price(d.high[i], decimals),
                ChartPainter.price(d.low[i], decimals), ChartPainter.price(d.close[i], decimals), change,
                volume(d.volume[i]));
        if (d.has(i, ChartData.INCOMPLETE)) {
            line += MessageFormat.format(texts.getString("readout.incomplete"), d.bars[i], d.expected[i],
                    d.missing[i]);
        }
        return line;
    }

    /** Volume in a few characters: 950, 12.3K, 4.56M, 1.20B. */
    static String volume(long v) {
        if (v < 10_000) {
            return Long.toString(v);
        }
        if (v < 1_000_000) {
            return Decimals.format(v, 3, 1) + "K";
        }
        if (v < 1_000_000_000) {
            return Decimals.format(v, 6, 2) + "M";
        }
        return Decimals.format(v, 9, 2) + "B";
    }
}
