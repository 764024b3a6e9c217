package io.barkeep.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Calendars and bars built from explicit sessions, so domain tests never depend on calendar data files. */
final class TestSessions {
    private TestSessions() {
    }

    static Session regular(String date) {
        return Session.of(LocalDate.parse(date), SessionKind.REGULAR);
    }

    static Session earlyClose(String date) {
        return Session.of(LocalDate.parse(date), SessionKind.EARLY_CLOSE);
    }

    static TradingCalendar calendar(Session... sessions) {
        List<Session> list = Arrays.asList(sessions);
        return new TradingCalendar("test", list.get(0).date(), list.get(list.size() - 1).date(), list);
    }

    /** New York wall-clock time on the session's date. */
    static Instant at(Session s, String hhmm) {
        return ZonedDateTime.of(s.date(), LocalTime.parse(hhmm), Session.NEW_YORK).toInstant();
    }

    /**
     * Every bar of the session, with values derived from the bar's index in the session so that sums and
     * extremes can be computed independently in the test.
     */
    static List<Bar> fullSession(Session s) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < s.expectedBars(); i++) {
            bars.add(bar(s, i));
        }
        return bars;
    }

    static Bar bar(Session s, int i) {
        Instant start = s.open().plusSeconds((long) i * Session.BAR_SECONDS);
        long open = 1_000_000 + i * 100L;
        return new Bar(start, open, open + 500 + (i % 7) * 10, open - 300 - (i % 5) * 10, open + 50, 1_000 + i,
                10 + i, 2_000_000 + i);
    }

    static List<Bar> concat(List<List<Bar>> parts) {
        List<Bar> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }
}
