package io.barkeep.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading the shipped NYSE calendar, and the lookups the rest of Barkeep makes on it. */
class NyseCalendarTest {

    private static final TradingCalendar CALENDAR = NyseCalendar.load();

    @Test
    void loadTakesVersionAndRangeFromTheDataFileHeader() {
        assertEquals("nyse-2026.1", CALENDAR.version());
        assertEquals(LocalDate.of(2012, 1, 1), CALENDAR.firstDate());
        assertEquals(LocalDate.of(2027, 12, 31), CALENDAR.lastDate());
        assertFalse(CALENDAR.covers(LocalDate.of(2011, 12, 30)));
        assertTrue(CALENDAR.covers(LocalDate.of(2012, 1, 1)));
        assertFalse(CALENDAR.covers(LocalDate.of(2028, 1, 3)));
        assertEquals(LocalDate.of(2012, 1, 3), CALENDAR.allSessions().get(0).date());
        assertEquals(LocalDate.of(2027, 12, 31), CALENDAR.allSessions().get(CALENDAR.allSessions().size() - 1).date());
    }

    @Test
    void loadHandsEveryThreadTheSameCalendarInstance() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TradingCalendar>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(NyseCalendar::load);
            }
            for (Future<TradingCalendar> result : pool.invokeAll(calls)) {
                assertSame(CALENDAR, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} opens {1}, closes {2}")
    @CsvSource({
        "2024-03-08, 2024-03-08T14:30:00Z, 2024-03-08T21:00:00Z",  // last Friday of EST
        "2024-03-11, 2024-03-11T13:30:00Z, 2024-03-11T20:00:00Z",  // first Monday of EDT
        "2024-11-01, 2024-11-01T13:30:00Z, 2024-11-01T20:00:00Z",  // last Friday of EDT
        "2024-11-04, 2024-11-04T14:30:00Z, 2024-11-04T21:00:00Z",  // first Monday of EST
        "2024-07-03, 2024-07-03T13:30:00Z, 2024-07-03T17:00:00Z",  // early close in EDT
        "2024-11-29, 2024-11-29T14:30:00Z, 2024-11-29T18:00:00Z"}) // early close in EST
    void sessionsOpenAndCloseAtNewYorkTimesAcrossDaylightSavingChanges(LocalDate date, Instant open, Instant close) {
        Session session = CALENDAR.session(date).orElseThrow();
        assertEquals(open, session.open());
        assertEquals(close, session.close());
    }

    @Test
    void regularSessionExpects78BarsAndEarlyCloseExpects42() {
        assertEquals(78, CALENDAR.session(LocalDate.of(2024, 7, 2)).orElseThrow().expectedBars());
        assertEquals(42, CALENDAR.session(LocalDate.of(2024, 7, 3)).orElseThrow().expectedBars());
        assertEquals(42, CALENDAR.session(LocalDate.of(2024, 12, 24)).orElseThrow().expectedBars());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-03-11T13:30:00Z, 2024-03-11",  // the opening instant belongs to the session
        "2024-03-11T19:59:59Z, 2024-03-11",
        "2024-07-03T16:59:59Z, 2024-07-03",  // last second of an early close
        "2024-07-03T17:00:00Z, ",            // the close is exclusive
        "2024-07-03T19:00:00Z, ",            // when a regular day would still trade
        "2024-03-11T13:29:59Z, ",            // before the open
        "2024-07-04T15:00:00Z, ",            // Independence Day
        "2024-03-09T15:00:00Z, ",            // a Saturday
        "2025-01-09T15:00:00Z, ",            // day of mourning, announced after the fact
        "2011-12-30T15:00:00Z, "})           // before the data
    void sessionAtFindsTheSessionHoldingAnInstant(Instant instant, LocalDate expected) {
        assertEquals(Optional.ofNullable(expected), CALENDAR.sessionAt(instant).map(Session::date));
    }

    @ParameterizedTest(name = "after {0}: {1}")
    @CsvSource({
        "2024-03-28, 2024-04-01",  // Thursday before Good Friday and the weekend
        "2024-12-31, 2025-01-02",  // New Year's Day
        "2025-01-08, 2025-01-10",  // day of mourning for President Carter
        "2012-10-26, 2012-10-31",  // Hurricane Sandy: Friday, then Monday and Tuesday closed
        "2024-07-05, 2024-07-08",  // plain weekend
        "2024-03-09, 2024-03-11",  // asked on a Saturday
        "2027-12-30, 2027-12-31",  // open New Year's Eve, 2028-01-01 being a Saturday
        "2011-12-30, 2012-01-03"}) // before the data: its first session
    void nextSessionAfterSkipsWeekendsAndClosures(LocalDate date, LocalDate expected) {
        assertEquals(expected, CALENDAR.nextSessionAfter(date).orElseThrow().date());
    }

    @ParameterizedTest(name = "before {0}: {1}")
    @CsvSource({
        "2024-04-01, 2024-03-28",
        "2025-01-02, 2024-12-31",
        "2025-01-10, 2025-01-08",
        "2012-10-31, 2012-10-26",
        "2024-07-05, 2024-07-03",  // back over Independence Day to the early close
        "2024-03-10, 2024-03-08"}) // asked on a Sunday
    void previousSessionBeforeSkipsWeekendsAndClosures(LocalDate date, LocalDate expected) {
        assertEquals(expected, CALENDAR.previousSessionBefore(date).orElseThrow().date());
    }

    @Test
    void lookupsStopAtTheEdgesOfTheData() {
        assertTrue(CALENDAR.previousSessionBefore(LocalDate.of(2012, 1, 3)).isEmpty());
        assertTrue(CALENDAR.nextSessionAfter(LocalDate.of(2027, 12, 31)).isEmpty());
        assertEquals(LocalDate.of(2028, 1, 3),
                NyseCalendar.load(2028).nextSessionAfter(LocalDate.of(2027, 12, 31)).orElseThrow().date());
    }

    @Test
    void parseKeepsCommasInTheNameAndReadsTheHeader() {
        NyseCalendar.CalendarData data = NyseCalendar.CalendarData.parse(List.of(
                "# a comment",
                "# version: test-1",
                "# range: 2024-01-01..2024-12-31",
                "date,kind,name",
                "2024-01-15,closed,Martin Luther King, Jr. Day",
                "",
                "2024-07-03,early_close,Day before Independence Day"), "test.csv");
        assertEquals("test-1", data.version());
        assertEquals(LocalDate.of(2024, 1, 1), data.firstDate());
        assertEquals(LocalDate.of(2024, 12, 31), data.lastDate());
        assertEquals(List.of(
                SpecialDay.closed(LocalDate.of(2024, 1, 15), "Martin Luther King, Jr. Day"),
                SpecialDay.earlyClose(LocalDate.of(2024, 7, 3), "Day before Independence Day")), data.days());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-09,closed,Saturday               | line 4: 2024-03-09 is a SATURDAY",
        "2025-01-01,closed,New Year's Day         | outside 2024-01-01..2024-12-31",
        "2024-07-04,half_day,Independence Day     | unknown kind 'half_day'",
        "2024-13-01,closed,No such month          | '2024-13-01' is not an ISO date",
        "2024-07-04,closed                        | expected date,kind,name",
        "2024-07-04,closed,A;2024-07-04,closed,B  | line 5: 2024-07-04 is not after the row before it",
        "2024-07-04,closed,B;2024-07-03,closed,A  | line 5: 2024-07-03 is not after the row before it"})
    void parseRejectsABrokenRowAndNamesItsLine(String rows, String message) {
        List<String> lines = new ArrayList<>(List.of("# version: test-1", "# range: 2024-01-01..2024-12-31",
                "date,kind,name"));
        lines.addAll(List.of(rows.split(";")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NyseCalendar.CalendarData.parse(lines, "test.csv"));
        assertTrue(e.getMessage().startsWith("test.csv"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void parseRejectsAFileWithoutVersionOrRange() {
        assertThrows(IllegalStateException.class, () -> NyseCalendar.CalendarData.parse(
                List.of("# range: 2024-01-01..2024-12-31", "date,kind,name", "2024-07-04,closed,X"), "test.csv"));
        assertThrows(IllegalStateException.class, () -> NyseCalendar.CalendarData.parse(
                List.of("# version: v", "date,kind,name", "2024-07-04,closed,X"), "test.csv"));
        assertThrows(IllegalStateException.class, () -> NyseCalendar.CalendarData.parse(
                List.of("# version: v", "# range: 2024-01-01..2024-12-31"), "test.csv"));
        assertThrows(IllegalStateException.class, () -> NyseCalendar.CalendarData.parse(
                List.of("# version: v", "# range: 2024-01-01..2024-12-31", "day,kind,name"), "test.csv"));
    }

    @Test
    void calendarCodeStaysFreeOfSqlNetworkUiAndJooq() {
        // Import the package so that nested classes (the loader's holder, the parsed-file record) are checked too.
        JavaClasses classes = new ClassFileImporter().importPackagesOf(NyseCalendar.class);
        noClasses().that().haveNameMatching(
                        "io\\.barkeep\\.domain\\.(NyseCalendar|NyseHolidayRules|SpecialDay|TradingCalendar|Session"
                                + "|SessionKind)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "javafx..", "org.jooq..")
                .check(classes);
    }
}
