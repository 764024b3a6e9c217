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
     * otherwise the same left-edge time and span, or for another interval the same right-edge time with that
     * interval's default span.
     */
    static Viewport remap(ChartData old, Viewport view, ChartData next) {
        boolean sameInterval = old.interval.equals(next.interval);
        double count = sameInterval ? view.count() : defaultCount(next.interval);
        if (view.showsEnd(old.size) || next.size == 0) {
            return Viewport.atEnd(next.size, count);
        }
        if (!sameInterval) {
            int right = Math.max(0, Math.min(old.size - 1, (int) Math.ceil(view.first() + view.count()) - 1));
            return new Viewport(next.slotAt(old.time[right]) + 1 - count, count).clamp(next.size);
        }
        int left = Math.max(0, Math.min(old.size - 1, (int) Math.floor(view.first())));
        double offset = view.first() - left;
        return new Viewport(next.slotAt(old.time[left]) + offset, count).clamp(next.size);
    }
}
