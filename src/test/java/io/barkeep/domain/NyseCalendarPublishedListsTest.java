package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the NYSE calendar Barkeep ships against the exchange's own published holiday and early-close lists, as
 * transcribed into {@code nyse-published-holidays.csv} (sources in its header), year by year.
 */
class NyseCalendarPublishedListsTest {

    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final PublishedNyseLists PUBLISHED = PublishedNyseLists.read();

    /** Every year the data file covers; 2027 is announced, not yet lived, but published all the same. */
    static IntStream years() {
        return IntStream.rangeClosed(2012, 2027);
    }

    /** Also 2028, which only the rules reach: the published-count identity is a check on the fixture itself. */
    static IntStream fixtureYears() {
        return IntStream.rangeClosed(2012, 2028);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void everyPublishedClosureHasNoSession(int year) {
        Set<LocalDate> closed = PUBLISHED.closed(year);
        assertTrue(closed.size() >= 9, year + ": the fixture lists only " + closed.size() + " closures");
        List<LocalDate> withSession = closed.stream().filter(d -> CALENDAR.session(d).isPresent()).toList();
        assertEquals(List.of(), withSession, year + ": published closures that have a session");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void everyPublishedEarlyCloseIsASessionFrom0930To1300NewYork(int year) {
        for (LocalDate date : PUBLISHED.earlyCloses(year)) {
            Session session = CALENDAR.session(date).orElseThrow(() -> new AssertionError(date + " has no session"));
            assertEquals(SessionKind.EARLY_CLOSE, session.kind(), date.toString());
            assertEquals(LocalTime.of(9, 30), session.openInNewYork().toLocalTime(), date + " open");
            assertEquals(LocalTime.of(13, 0), session.closeInNewYork().toLocalTime(), date + " close");
            assertEquals(date, session.openInNewYork().toLocalDate(), date + " opens on another New York date");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void everyOtherWeekdayIsARegularSessionFrom0930To1600NewYork(int year) {
        Set<LocalDate> closed = PUBLISHED.closed(year);
        Set<LocalDate> early = PUBLISHED.earlyCloses(year);
        List<String> wrong = new ArrayList<>();
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            if (SpecialDay.isWeekend(date) || closed.contains(date) || early.contains(date)) {
                continue;
            }
            Optional<Session> session = CALENDAR.session(date);
            if (session.isEmpty()) {
                wrong.add(date + " has no session");
            } else if (session.get().kind() != SessionKind.REGULAR
                    || !session.get().openInNewYork().toLocalTime().equals(LocalTime.of(9, 30))
                    || !session.get().closeInNewYork().toLocalTime().equals(LocalTime.of(16, 0))) {
                wrong.add(date + " is " + session.get());
            }
        }
        assertEquals(List.of(), wrong, year + ": weekdays the exchange published as regular");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void noSessionFallsOnAWeekend(int year) {
        List<Session> weekend = CALENDAR.sessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(s -> SpecialDay.isWeekend(s.date()))
                .toList();
        assertEquals(List.of(), weekend);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("years")
    void sessionCountOfTheYearIsThePublishedCount(int year) {
        int sessions = CALENDAR.sessions(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).size();
        assertEquals(PUBLISHED.sessionCount(year), sessions, year + " sessions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureYears")
    void publishedCountIsTheWeekdaysLessThePublishedClosures(int year) {
        long weekdays = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(d -> !SpecialDay.isWeekend(d))
                .count();
        assertEquals(PUBLISHED.sessionCount(year), weekdays - PUBLISHED.closed(year).size(),
                year + ": the two fixtures disagree; one of them was mistyped");
    }
}
