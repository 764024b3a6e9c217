package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule generator that extends the NYSE calendar past its data: it must agree with the data file wherever both
 * speak (so they cannot drift apart), reproduce the exchange's published list for a year only it reaches, and apply
 * the observance rules that trip people up.
 */
class NyseCalendarRulesTest {

    /** The closures no rule can foresee: they must be in the data file, and only there. */
    private static final Set<LocalDate> ANNOUNCED_AFTER_THE_FACT = Set.of(
            LocalDate.of(2012, 10, 29), LocalDate.of(2012, 10, 30), // Hurricane Sandy
            LocalDate.of(2018, 12, 5), // National Day of Mourning, President George H. W. Bush
            LocalDate.of(2025, 1, 9)); // National Day of Mourning, President Jimmy Carter

    @Test
    void rulesAgreeWithTheDataFileExceptForClosuresAnnouncedAfterTheFact() {
        NyseCalendar.CalendarData data = NyseCalendar.data();
        Map<LocalDate, SpecialDay.Kind> fromData = byDate(data.days());
        Map<LocalDate, SpecialDay.Kind> fromRules = new TreeMap<>();
        for (int year = data.firstDate().getYear(); year <= data.lastDate().getYear(); year++) {
            fromRules.putAll(byDate(NyseHolidayRules.forYear(year)));
        }

        Map<LocalDate, String> differences = new TreeMap<>();
        for (LocalDate date : union(fromData.keySet(), fromRules.keySet())) {
            SpecialDay.Kind d = fromData.get(date);
            SpecialDay.Kind r = fromRules.get(date);
            if (d != r) {
                differences.put(date, "data " + d + ", rules " + r);
            }
        }
        Map<LocalDate, String> expected = new TreeMap<>();
        ANNOUNCED_AFTER_THE_FACT.forEach(date -> expected.put(date, "data CLOSED, rules null"));
        assertEquals(expected, differences);
    }

    @Test
    void rulesReproduceTheExchangesPublishedList2028() {
        PublishedNyseLists published = PublishedNyseLists.read();
        Map<LocalDate, SpecialDay.Kind> rules = byDate(NyseHolidayRules.forYear(2028));
        Map<LocalDate, SpecialDay.Kind> expected = new TreeMap<>();
        published.closed(2028).forEach(date -> expected.put(date, SpecialDay.Kind.CLOSED));
        published.earlyCloses(2028).forEach(date -> expected.put(date, SpecialDay.Kind.EARLY_CLOSE));
        assertEquals(expected, new TreeMap<>(rules));
        int sessions = NyseCalendar.load(2028).sessions(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)).size();
        assertEquals(published.sessionCount(2028), sessions);
    }

    @ParameterizedTest(name = "New Year's Day {0} falls on a Saturday")
    @CsvSource({"2022", "2028", "2033"})
    void newYearsDayOnASaturdayIsNotObservedOnTheFridayBefore(int year) {
        LocalDate newYearsEve = LocalDate.of(year - 1, 12, 31);
        assertFalse(byDate(NyseHolidayRules.forYear(year - 1)).containsKey(newYearsEve), "rules close " + newYearsEve);
        assertTrue(NyseHolidayRules.forYear(year).stream().noneMatch(d -> d.name().startsWith("New Year")),
                "rules observe New Year's Day " + year + " somewhere");
        TradingCalendar calendar = NyseCalendar.load(year);
        assertEquals(SessionKind.REGULAR, calendar.session(newYearsEve).orElseThrow().kind());
        assertEquals(LocalDate.of(year, 1, 3), calendar.nextSessionAfter(newYearsEve).orElseThrow().date());
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "2034-01-01, 2034-01-02, New Year's Day on a Sunday",
        "2033-12-25, 2033-12-26, Christmas on a Sunday",
        "2032-07-04, 2032-07-05, Independence Day on a Sunday",
        "2037-07-04, 2037-07-03, Independence Day on a Saturday",
        "2032-12-25, 2032-12-24, Christmas on a Saturday",
        "2033-06-19, 2033-06-20, Juneteenth on a Sunday",
        "2032-06-19, 2032-06-18, Juneteenth on a Saturday"})
    void weekendHolidayIsObservedOnTheNearestWeekday(LocalDate holiday, LocalDate observed, String what) {
        Map<LocalDate, SpecialDay.Kind> rules = byDate(NyseHolidayRules.forYear(holiday.getYear()));
        assertEquals(SpecialDay.Kind.CLOSED, rules.get(observed), what);
        assertFalse(rules.containsKey(holiday), what);
    }

    @Test
    void juneteenthClosesTheExchangeFrom2022Only() {
        assertTrue(NyseHolidayRules.forYear(2021).stream().noneMatch(d -> d.date().getMonthValue() == 6));
        assertEquals(SessionKind.REGULAR, NyseCalendar.load().session(LocalDate.of(2021, 6, 18)).orElseThrow().kind());
        assertEquals(SpecialDay.Kind.CLOSED, byDate(NyseHolidayRules.forYear(2022)).get(LocalDate.of(2022, 6, 20)));
    }

    @ParameterizedTest(name = "Easter {0}")
    @CsvSource({"2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2025-04-20", "2026-04-05",
        "2027-03-28", "2028-04-16", "2038-04-25", "2285-03-22"})
    void goodFridayIsTwoDaysBeforeGregorianEaster(LocalDate easter) {
        assertEquals(easter, NyseHolidayRules.easterSunday(easter.getYear()));
        if (easter.getYear() >= NyseHolidayRules.FIRST_YEAR) {
            assertEquals(SpecialDay.Kind.CLOSED,
                    byDate(NyseHolidayRules.forYear(easter.getYear())).get(easter.minusDays(2)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2032, July 4 on a Sunday: July 3 is a Saturday",
        "2033, July 4 on a Monday: July 3 is a Sunday",
        "2037, July 4 on a Saturday: July 3 is the holiday itself"})
    void noEarlyCloseBeforeIndependenceDayWhenJuly3IsNotAnOrdinaryWeekday(int year, String why) {
        assertTrue(NyseHolidayRules.forYear(year).stream()
                .noneMatch(d -> d.kind() == SpecialDay.Kind.EARLY_CLOSE && d.date().getMonthValue() == 7), why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2029-07-03", "2030-07-03", "2031-07-03", "2029-11-23", "2029-12-24", "2030-12-24", "2031-12-24"})
    void earlyClosesOnOrdinaryWeekdaysBeforeAndAfterTheHolidays(LocalDate date) {
        Session session = NyseCalendar.load(2031).session(date).orElseThrow();
        assertEquals(SessionKind.EARLY_CLOSE, session.kind());
        assertEquals(42, session.expectedBars());
    }

    @Test
    void noChristmasEveEarlyCloseWhenChristmasIsObservedOnIt() {
        Map<LocalDate, SpecialDay.Kind> rules = byDate(NyseHolidayRules.forYear(2032));
        assertEquals(SpecialDay.Kind.CLOSED, rules.get(LocalDate.of(2032, 12, 24)));
        assertFalse(rules.containsKey(LocalDate.of(2032, 12, 23)));
    }

    @Test
    void rulesRefuseYearsTheyWereNeverCheckedFor() {
        assertThrows(IllegalArgumentException.class, () -> NyseHolidayRules.forYear(2011));
    }

    @Test
    void extendedCalendarIsMarkedAsRuleBasedAndKeepsTheData() {
        TradingCalendar data = NyseCalendar.load();
        TradingCalendar extended = NyseCalendar.load(2030);
        assertEquals(data.version() + "+rules-2030", extended.version());
        assertEquals("nyse-2026.1+rules-2030", extended.version());
        assertEquals(data.firstDate(), extended.firstDate());
        assertEquals(LocalDate.of(2030, 12, 31), extended.lastDate());
        assertTrue(extended.covers(LocalDate.of(2030, 12, 31)));
        assertEquals(data.allSessions(), extended.sessions(data.firstDate(), data.lastDate()));
        assertSame(extended, NyseCalendar.load(2030));
    }

    @Test
    void extendingToAYearTheDataAlreadyCoversGivesTheDataCalendarItself() {
        assertSame(NyseCalendar.load(), NyseCalendar.load(2027));
        assertSame(NyseCalendar.load(), NyseCalendar.load(2015));
    }

    @Test
    void dataAnnouncedLaterWinsOverTheRulesWhereItSpeaks() {
        // A later data file through 2028: a closure no rule foresees, and a holiday the rules know left out.
        LocalDate mourning = LocalDate.of(2028, 3, 15);
        LocalDate juneteenth = LocalDate.of(2028, 6, 19);
        List<String> lines = new ArrayList<>(List.of("# version: nyse-2028.1", "# range: 2028-01-01..2028-12-31",
                "date,kind,name"));
        List<SpecialDay> days = new ArrayList<>(NyseHolidayRules.forYear(2028));
        days.removeIf(day -> day.date().equals(juneteenth));
        days.add(SpecialDay.closed(mourning, "National Day of Mourning"));
        days.sort(java.util.Comparator.comparing(SpecialDay::date));
        days.forEach(day -> lines.add(day.date() + "," + day.kind().label() + "," + day.name()));

        TradingCalendar calendar = NyseCalendar.extend(NyseCalendar.CalendarData.parse(lines, "later.csv"), 2029);

        assertEquals("nyse-2028.1+rules-2029", calendar.version());
        assertTrue(calendar.session(mourning).isEmpty(), "the announced closure stands");
        assertEquals(SessionKind.REGULAR, calendar.session(juneteenth).orElseThrow().kind(), "the data said open");
        assertTrue(calendar.session(LocalDate.of(2029, 6, 19)).isEmpty(), "past the data the rules speak");
        assertTrue(calendar.session(LocalDate.of(2029, 3, 15)).isPresent());
    }

    @Test
    void aProcessCalendarReachesThroughTheYearAfterItsClock() {
        java.time.Clock in2029 = java.time.Clock.fixed(java.time.Instant.parse("2029-12-31T23:00:00Z"),
                java.time.ZoneOffset.UTC);
        java.time.Clock in2026 = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T12:00:00Z"),
                java.time.ZoneOffset.UTC);

        assertEquals("nyse-2026.1+rules-2030", NyseCalendar.current(in2029).version());
        assertSame(NyseCalendar.load(), NyseCalendar.current(in2026), "the data alone reaches 2027");
        assertEquals(LocalDate.of(2035, 12, 31),
                NyseCalendar.covering(LocalDate.of(2035, 6, 1), in2026).lastDate(), "asked further, it goes further");
    }

    @Test
    void extendingFarBeyondTheDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NyseCalendar.load(2200));
    }

    private static Map<LocalDate, SpecialDay.Kind> byDate(List<SpecialDay> days) {
        return days.stream().collect(Collectors.toMap(SpecialDay::date, SpecialDay::kind, (a, b) -> {
            throw new AssertionError("two special days on one date");
        }, TreeMap::new));
    }

    private static Set<LocalDate> union(Set<LocalDate> a, Set<LocalDate> b) {
        Set<LocalDate> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
