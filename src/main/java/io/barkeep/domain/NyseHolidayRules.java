package io.barkeep.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NYSE's standing holiday and early-close rules, used to extend the calendar past the last date its data file
 * covers. Closures announced after the fact (weather, national days of mourning) cannot be foreseen: they live only
 * in the data file, which is why the data, not these rules, is the source of truth wherever it speaks.
 *
 * <p>Holidays: New Year's Day, Martin Luther King, Jr. Day (3rd Monday of January), Washington's Birthday (3rd Monday
 * of February), Good Friday, Memorial Day (last Monday of May), Juneteenth (from 2022), Independence Day, Labor Day
 * (1st Monday of September), Thanksgiving Day (4th Thursday of November) and Christmas Day. A fixed-date holiday on a
 * Sunday is observed the Monday after and one on a Saturday the Friday before, except New Year's Day, which is then
 * not observed at all (NYSE Rule 7.2: the Friday would be December 31, the end of an accounting year).
 *
 * <p>Early closes at 13:00: July 3 when it is a weekday and not itself the observed Independence Day, the day after
 * Thanksgiving, and December 24 when it is a weekday and not itself the observed Christmas Day.
 */
final class NyseHolidayRules {

    /** The first year the rules are checked for, against the data file and the exchange's published lists. */
    static final int FIRST_YEAR = 2012;
    /** Juneteenth became a federal holiday on 2021-06-17, too late for the exchange to close in 2021. */
    static final int FIRST_JUNETEENTH = 2022;

    private NyseHolidayRules() {
    }

    /** Every closed weekday and every early close of {@code year} that the rules foresee, in date order. */
    static List<SpecialDay> forYear(int year) {
        if (year < FIRST_YEAR) {
            // Earlier years had rules of their own (e.g. no Juneteenth, different early closes): not modelled here.
            throw new IllegalArgumentException("the NYSE rules are kept from " + FIRST_YEAR + " only, not " + year);
        }
        List<SpecialDay> days = new ArrayList<>();

        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            days.add(SpecialDay.closed(newYear.plusDays(1), "New Year's Day (observed)"));
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            days.add(SpecialDay.closed(newYear, "New Year's Day"));
        }
        days.add(SpecialDay.closed(nth(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King, Jr. Day"));
        days.add(SpecialDay.closed(nth(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday"));
        days.add(SpecialDay.closed(easterSunday(year).minusDays(2), "Good Friday"));
        days.add(SpecialDay.closed(LocalDate.of(year, Month.MAY, 1)
                .with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Memorial Day"));
        if (year >= FIRST_JUNETEENTH) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day"));
        }
        SpecialDay independence = observed(LocalDate.of(year, Month.JULY, 4), "Independence Day");
        days.add(independence);
        days.add(SpecialDay.closed(nth(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day"));
        LocalDate thanksgiving = nth(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4);
        days.add(SpecialDay.closed(thanksgiving, "Thanksgiving Day"));
        SpecialDay christmas = observed(LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        days.add(christmas);

        LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
        if (!SpecialDay.isWeekend(july3) && !july3.equals(independence.date())) {
            days.add(SpecialDay.earlyClose(july3, "Day before Independence Day"));
        }
        days.add(SpecialDay.earlyClose(thanksgiving.plusDays(1), "Day after Thanksgiving"));
        LocalDate christmasEve = LocalDate.of(year, Month.DECEMBER, 24);
        if (!SpecialDay.isWeekend(christmasEve) && !christmasEve.equals(christmas.date())) {
            days.add(SpecialDay.earlyClose(christmasEve, "Christmas Eve"));
        }

        days.sort(Comparator.comparing(SpecialDay::date));
        return List.copyOf(days);
    }

    /**
     * Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus), which fixes Good Friday.
     */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    /** A fixed-date holiday moved off the weekend: Saturday to the Friday before, Sunday to the Monday after. */
    private static SpecialDay observed(LocalDate date, String name) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> SpecialDay.closed(date.minusDays(1), name + " (observed)");
            case SUNDAY -> SpecialDay.closed(date.plusDays(1), name + " (observed)");
            default -> SpecialDay.closed(date, name);
        };
    }

    private static LocalDate nth(int year, Month month, DayOfWeek day, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }
}
