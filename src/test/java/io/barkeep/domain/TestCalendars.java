package io.barkeep.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Calendars built from explicit sessions, so tests never depend on the calendar data file. */
public final class TestCalendars {

    private TestCalendars() {
    }

    /**
     * Speaks for all of 2024 but holds only a few sessions: 2024-01-02 .. 01-05 and 01-08 .. 01-10 regular
     * (01-01 is a holiday, 01-06/07 a weekend), 2024-07-03 an early close, 2024-07-05 regular (07-04 a holiday).
     * Every other date of 2024 counts as closed.
     */
    public static TradingCalendar year2024() {
        List<Session> sessions = new ArrayList<>();
        for (int day : new int[] {2, 3, 4, 5, 8, 9, 10}) {
            sessions.add(Session.of(LocalDate.of(2024, 1, day), SessionKind.REGULAR));
        }
        sessions.add(Session.of(LocalDate.of(2024, 7, 3), SessionKind.EARLY_CLOSE));
        sessions.add(Session.of(LocalDate.of(2024, 7, 5), SessionKind.REGULAR));
        return new TradingCalendar("test", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), sessions);
    }

    /** Every weekday from {@code first} on, {@code count} of them, as regular sessions. */
    public static TradingCalendar weekdays(LocalDate first, int count) {
        List<Session> sessions = new ArrayList<>(count);
        LocalDate day = first;
        while (sessions.size() < count) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                sessions.add(Session.of(day, SessionKind.REGULAR));
            }
            day = day.plusDays(1);
        }
        return new TradingCalendar("test-weekdays", first, day.minusDays(1), sessions);
    }

    /** The instant of a New York wall-clock time, e.g. {@code ny("2024-01-02T09:30")}. */
    public static java.time.Instant ny(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), Session.NEW_YORK).toInstant();
    }
}
