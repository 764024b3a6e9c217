package io.barkeep.ui.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.text.Text;

/**
 * Labels of the ordinal time axis. The unit follows the zoom: sessions when each has room for a label, then
 * weeks, months, quarters, years; when zoomed into a few sessions, clock times inside them too. A label sits at
 * the first slot of its unit; labels never crowd closer than the spacing asked for.
 */
final class TimeAxis {
    private static final DateTimeFormatter F_DAY = DateTimeFormatter.ofPattern("EEE d", Locale.getDefault());
    private static final DateTimeFormatter F_MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.getDefault());
    private static final DateTimeFormatter F_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.getDefault());
    private static final DateTimeFormatter F_YEAR = DateTimeFormatter.ofPattern("yyyy", Locale.getDefault());
    private static final int[] MINUTE_STEPS = {15, 30, 60, 120};
    /** Pixels kept free after a label's text. */
    private static final double GAP = 12;
    /** About how wide a character of the axis font is. */
    private static final double CHAR_WIDTH = 6.5;
    private static final Map<String, Double> WIDTHS = new HashMap<>();

    /** One label: the x of its slot's left edge, and whether it starts a session. */
    record Tick(double x, String text, boolean sessionStart) {
    }

    /** Calendar units of the labels, with about how many sessions each spans. */
    enum Unit {
        SESSION(1, 6), WEEK(5, 6), MONTH(21, 3), QUARTER(63, 3), YEAR(252, 4);

        final int sessions;
        /** Characters of a typical label ("Tue 12", "Sep 12", "Sep", "2026"). */
        final int chars;

        Unit(int sessions, int chars) {
            this.sessions = sessions;
            this.chars = chars;
        }

        /** Pixels a label of this unit needs, with room to breathe, at most {@code spacing}. */
        double room(double spacing) {
            return Math.min(spacing, chars * CHAR_WIDTH + GAP + 20);
        }

        long key(LocalDate d) {
            return switch (this) {
                case SESSION -> d.toEpochDay();
                // Epoch day 0 was a Thursday: +3 makes weeks start on Monday.
                case WEEK -> Math.floorDiv(d.toEpochDay() + 3, 7);
                case MONTH -> d.getYear() * 12L + d.getMonthValue();
                case QUARTER -> d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
                case YEAR -> d.getYear();
            };
        }

        /**
         * The label of the unit starting at {@code d}; {@code previous} is the session before it. Months and
         * quarters show the month's name, and the year only where a year begins (January), so "2026" never stands
         * where "Sep" belongs; days and weeks add the month where it changes and the year where that changes.
         */
        String label(LocalDate d, LocalDate previous) {
            boolean newYear = previous == null || previous.getYear() != d.getYear();
            return switch (this) {
                case SESSION -> newYear ? d.format(F_MONTH_DAY) + " " + d.getYear()
                        : previous.getMonthValue() != d.getMonthValue() ? d.format(F_MONTH_DAY) : d.format(F_DAY);
                case WEEK -> newYear ? d.format(F_MONTH_DAY) + " " + d.getYear() : d.format(F_MONTH_DAY);
                case MONTH, QUARTER -> newYear && d.getMonthValue() == 1 ? d.format(F_YEAR) : d.format(F_MONTH);
                case YEAR -> d.format(F_YEAR);
            };
        }
    }

    private TimeAxis() {
    }

    /** The coarsest detail that still gives each label {@code spacing} pixels. */
    static Unit unit(double pixelsPerSession, double spacing) {
        for (Unit u : Unit.values()) {
            if (pixelsPerSession * u.sessions >= u.room(spacing)) {
                return u;
            }
        }
        return Unit.YEAR;
    }

    /** Pixels one session takes on average at this zoom. */
    static double pixelsPerSession(ChartData data, Viewport viewport, double width) {
        return data.sessionCount() == 0 ? 0
                : viewport.slotWidth(width) * data.size / data.sessionCount();
    }

    static List<Tick> ticks(ChartData data, Viewport viewport, double width, double spacing) {
        List<Tick> out = new ArrayList<>();
        int to = viewport.to(data.size);
        int from = viewport.from();
        if (from >= to) {
            return out;
        }
        double perSession = pixelsPerSession(data, viewport, width);
        Unit unit = unit(perSession, spacing);
        double lastX = Double.NEGATIVE_INFINITY;
        double lastWidth = 0;
        for (int k = data.sessionOf(from); k <= data.sessionOf(to - 1); k++) {
            LocalDate previous = k == 0 ? null : data.sessionDate[k - 1];
            if (previous != null && unit.key(previous) == unit.key(data.sessionDate[k])) {
                continue;
            }
            double x = viewport.x(data.sessionFirst[k], width);
            // The unit already leaves about `spacing` between labels; a short month a little closer still fits,
            // and skipping it would leave a month unlabelled. Only labels that show are formatted.
            if (x >= 0 && x - lastX >= Math.min(spacing, lastWidth + GAP)) {
                String text = unit.label(data.sessionDate[k], previous);
                out.add(new Tick(x, text, true));
                lastX = x;
                lastWidth = textWidth(text);
            }
        }
        if (unit == Unit.SESSION && !data.interval.isSession()) {
            addClockTimes(data, viewport, width, spacing, perSession, out);
        }
        out.sort((a, b) -> Double.compare(a.x(), b.x()));
        return out;
    }

    private static void addClockTimes(ChartData data, Viewport viewport, double width, double spacing,
                                      double perSession, List<Tick> out) {
        // A regular session is 390 minutes long.
        double perMinute = perSession / 390;
        int step = 0;
        for (int s : MINUTE_STEPS) {
            if (perMinute * s >= spacing) {
                step = s;
                break;
            }
        }
        if (step == 0) {
            return;
        }
        List<Tick> sessionTicks = List.copyOf(out);
        double lastX = Double.NEGATIVE_INFINITY;
        int to = viewport.to(data.size);
        for (int i = Math.max(1, viewport.from()); i < to; i++) {
            int k = data.sessionOf(i);
            if (data.sessionFirst[k] == i || data.localMinute(i, k) / step == data.localMinute(i - 1, k) / step) {
                continue;
            }
            double x = viewport.x(i, width);
            if (x < 0 || x - lastX < spacing || crowds(sessionTicks, x, spacing)) {
                continue;
            }
            int minute = data.localMinute(i, k);
            out.add(new Tick(x, clock(minute), false));
            lastX = x;
        }
    }

    /** {@code HH:mm} of a minute of the day. */
    static String clock(int minute) {
        int h = minute / 60;
        int m = minute % 60;
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10),
            (char) ('0' + m % 10)});
    }

    /**
     * The width of {@code text} in the axis font, measured (not estimated: the crosshair hides the labels its tag
     * would touch). Cached, FX thread only; the few hundred labels and times a session shows fit many times over.
     */
    static double measure(String text) {
        if (WIDTHS.size() > 4096) {
            WIDTHS.clear();
        }
        return WIDTHS.computeIfAbsent(text, s -> {
            Text t = new Text(s);
            t.setFont(ChartPainter.FONT);
            return t.getLayoutBounds().getWidth();
        });
    }

    /** About how many pixels {@code text} takes in the axis font. */
    static double textWidth(String text) {
        return text.length() * CHAR_WIDTH;
    }

    private static boolean crowds(List<Tick> ticks, double x, double spacing) {
        for (Tick t : ticks) {
            if (Math.abs(t.x() - x) < spacing) {
                return true;
            }
        }
        return false;
    }
}
