package io.barkeep.ui.chart;

import io.barkeep.domain.Interval;
import java.time.LocalDate;

/** Where the view goes when the data under it changes: a default span, around a session, or kept in place. */
final class ChartViews {
    private ChartViews() {
    }

    /** About three sessions of 5-minute candles, some 200 candles of larger minute intervals, a year of days. */
    static double defaultCount(Interval interval) {
        return interval.isSession() ? 250 : Math.max(200, 3 * 390.0 / interval.minutes());
    }

    /** The session of {@code date} (or the next one) in the middle, with the default span around it. */
    static Viewport around(ChartData d, LocalDate date) {
        int k = d.sessionOnOrAfter(date);
        if (k < 0) {
            return Viewport.atEnd(d.size, defaultCount(d.interval));
        }
        int first = d.sessionFirst[k];
        int end = d.sessionFirst[k + 1];
        double count = Math.max(defaultCount(d.interval), (end - first) * 1.2);
        return Viewport.around((first + end) / 2.0, count, d.size);
    }

    /**
     * The view over {@code old} carried to {@code next}: at the end if it followed the end (new bars keep showing);
     * otherwise the same left-edge time and span; for another interval the same span of time, from the bucket
     * holding the left edge's time to the one holding the right edge's.
     */
    static Viewport remap(ChartData old, Viewport view, ChartData next) {
        if (next.size == 0 || old.size == 0) {
            return Viewport.atEnd(next.size, defaultCount(next.interval));
        }
        if (!old.interval.equals(next.interval)) {
            int left = Math.max(0, Math.min(old.size - 1, (int) Math.floor(view.first())));
            int right = Math.max(0, Math.min(old.size - 1, (int) Math.ceil(view.first() + view.count()) - 1));
            double first = next.slotAt(old.time[left]);
            double count = next.slotAt(old.time[right]) + 1 - first;
            if (view.showsEnd(old.size)) {
                return Viewport.atEnd(next.size, Math.max(count, 1) / (1 - Viewport.RIGHT_MARGIN));
            }
            return new Viewport(first, count).clamp(next.size);
        }
        if (view.showsEnd(old.size) && view.first() <= 0) {
            // It showed everything: older data that arrived (zooming out reached the oldest bar) shows too.
            return Viewport.fit(next.size);
        }
        if (view.showsEnd(old.size)) {
            return Viewport.atEnd(next.size, view.count());
        }
        int left = Math.max(0, Math.min(old.size - 1, (int) Math.floor(view.first())));
        double offset = view.first() - left;
        return new Viewport(next.slotAt(old.time[left]) + offset, view.count()).clamp(next.size);
    }

    /** The sessions of {@code range} up to the newest, the newest at the right edge with its margin. */
    static Viewport range(ChartData d, ChartRange range) {
        int n = d.sessionCount();
        if (n == 0 || range == ChartRange.ALL) {
            return Viewport.fit(d.size);
        }
        int k = range.sessions() > 0 ? Math.max(0, n - range.sessions())
                : d.sessionOnOrAfter(range.from(d.sessionDate[n - 1]));
        int first = d.sessionFirst[k];
        return Viewport.atEnd(d.size, (d.size - first) / (1 - Viewport.RIGHT_MARGIN));
    }

    /** The readout's slot when the crosshair is off the chart: the newest candle on screen, not off it. */
    static int newestVisibleBar(ChartData d, Viewport v) {
        int i = Math.min(d.size, v.to(d.size)) - 1;
        while (i >= v.from() && i >= 0 && !d.has(i, ChartData.HAS_BAR)) {
            i--;
        }
        return i >= v.from() ? i : -1;
    }
}
