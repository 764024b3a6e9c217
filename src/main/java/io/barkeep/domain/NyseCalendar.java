package io.barkeep.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NYSE calendar: the versioned list of exceptions in the classpath resource {@code nyse-calendar.csv} beside this
 * class (every full-day closure and 13:00 early close from 2012 through 2027), extended past its last date by
 * {@link NyseHolidayRules}. Every weekday that is not an exception is a regular 09:30-16:00 New York session.
 *
 * <p>A process takes {@link #current(Clock)}: the data plus the rules through next year, so that it still knows the
 * sessions when it runs across a new year. The data wins wherever it speaks: a closure announced after the rules were
 * written (a national day of mourning) goes into the data file, and its range then reaches past the rules' year.
 */
public final class NyseCalendar {

    /** The data file, relative to this class's package. */
    static final String RESOURCE = "nyse-calendar.csv";
    /**
     * Appended to the data's version, with the last year the rules fill, when rules, not data, speak for some dates:
     * gap verdicts record the version, so they must tell them apart ({@code nyse-2026.1+rules-2029}).
     */
    static final String RULES_SUFFIX = "+rules-";
    /** How far past the data the rules may reach: beyond that they are a guess, and the memory is spent for nothing. */
    static final int MAX_EXTENSION_YEARS = 100;

    private static final String HEADER = "date,kind,name";
    private static final Pattern VERSION = Pattern.compile("#\\s*version:\\s*(\\S+)\\s*");
    private static final Pattern RANGE = Pattern.compile("#\\s*range:\\s*(\\S+)\\.\\.(\\S+)\\s*");

    /** Extended calendars recently asked for; a handful, so a process asking for many years keeps little. */
    private static final int EXTENDED_KEPT = 4;
    private static final Map<Integer, TradingCalendar> EXTENDED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, TradingCalendar> eldest) {
            return size() > EXTENDED_KEPT;
        }
    };

    private NyseCalendar() {
    }

    /**
     * The calendar over exactly the dates the data file covers. Read once; every call returns the same instance.
     * A process uses {@link #current(Clock)}, which reaches past the data; this is for tests of the data itself.
     */
    public static TradingCalendar load() {
        return Loaded.CALENDAR;
    }

    /**
     * The calendar a process runs on: the data file, extended by the rules through December 31 of the year after
     * {@code clock}'s New York date (the data alone while it reaches that far).
     */
    public static TradingCalendar current(Clock clock) {
        return load(LocalDate.now(clock.withZone(Session.NEW_YORK)).getYear() + 1);
    }

    /**
     * {@link #current(Clock)}, or further when {@code date} lies beyond it: through {@code date}'s year.
     *
     * @throws IllegalArgumentException more than {@value #MAX_EXTENSION_YEARS} years past the data
     */
    public static TradingCalendar covering(LocalDate date, Clock clock) {
        TradingCalendar current = current(clock);
        return current.covers(date) || date.isBefore(current.firstDate()) ? current : load(date.getYear());
    }

    /**
     * The data file's calendar, extended by the rules through December 31 of {@code extendThroughYear}; its version is
     * the data's with {@value #RULES_SUFFIX} and the year appended. A year the data already reaches gives
     * {@link #load()} itself.
     *
     * @throws IllegalArgumentException more than {@value #MAX_EXTENSION_YEARS} years past the data
     */
    public static TradingCalendar load(int extendThroughYear) {
        CalendarData data = Loaded.DATA;
        if (!LocalDate.of(extendThroughYear, Month.DECEMBER, 31).isAfter(data.lastDate())) {
            return load();
        }
        if (extendThroughYear > data.lastDate().getYear() + MAX_EXTENSION_YEARS) {
            throw new IllegalArgumentException("cannot extend the NYSE calendar to " + extendThroughYear
                    + ": the rules reach at most " + MAX_EXTENSION_YEARS + " years past " + data.lastDate());
        }
        synchronized (EXTENDED) {
            return EXTENDED.computeIfAbsent(extendThroughYear, year -> extend(data, year));
        }
    }

    /** The data file as read, for tests that hold the rules against it. */
    static CalendarData data() {
        return Loaded.DATA;
    }

    /** Every weekday from {@code first} to {@code last} that {@code days} does not close, as a session. */
    static TradingCalendar build(String version, LocalDate first, LocalDate last, List<SpecialDay> days) {
        Map<LocalDate, SpecialDay.Kind> kinds = new HashMap<>();
        for (SpecialDay day : days) {
            kinds.put(day.date(), day.kind());
        }
        List<Session> sessions = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            SpecialDay.Kind kind = kinds.get(date);
            if (SpecialDay.isWeekend(date) || kind == SpecialDay.Kind.CLOSED) {
                continue;
            }
            sessions.add(Session.of(date, kind == SpecialDay.Kind.EARLY_CLOSE ? SessionKind.EARLY_CLOSE
                    : SessionKind.REGULAR));
        }
        return new TradingCalendar(version, first, last, sessions);
    }

    /** {@code data}'s calendar with the rules' special days after its last date, through {@code throughYear}. */
    static TradingCalendar extend(CalendarData data, int throughYear) {
        List<SpecialDay> days = new ArrayList<>(data.days());
        for (int year = data.lastDate().getYear(); year <= throughYear; year++) {
            for (SpecialDay day : NyseHolidayRules.forYear(year)) {
                // The data wins wherever it speaks: it also holds the closures no rule foresees.
                if (day.date().isAfter(data.lastDate())) {
                    days.add(day);
                }
            }
        }
        return build(data.version() + RULES_SUFFIX + throughYear, data.firstDate(),
                LocalDate.of(throughYear, Month.DECEMBER, 31), days);
    }

    private static CalendarData read() {
        try (InputStream in = NyseCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the NYSE calendar data is missing from the classpath: "
                        + NyseCalendar.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return CalendarData.parse(reader.lines().toList(), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NYSE calendar data " + RESOURCE, e);
        }
    }

    /**
     * Class initialisation runs exactly once and the JVM makes it thread-safe, so the file is read once however many
     * threads ask for the calendar first. The file ships inside the jar: a failure here is a build defect, and the
     * tests read the same file.
     */
    private static final class Loaded {
        static final CalendarData DATA = read();
        static final TradingCalendar CALENDAR = build(DATA.version(), DATA.firstDate(), DATA.lastDate(), DATA.days());
    }

    /**
     * The parsed data file.
     *
     * @param version   from the {@code # version:} header line
     * @param firstDate first date of the {@code # range:} header line
     * @param lastDate  last date of the {@code # range:} header line
     * @param days      the rows, in date order
     */
    record CalendarData(String version, LocalDate firstDate, LocalDate lastDate, List<SpecialDay> days) {

        /**
         * Parses the data file's lines: {@code #} comment lines (two of which give the version and the range), the
         * header {@code date,kind,name}, then one row per special day in strictly increasing date order.
         *
         * @param origin names the file in error messages
         * @throws IllegalStateException naming the line, when the file breaks any of those rules
         */
        static CalendarData parse(List<String> lines, String origin) {
            String version = null;
            LocalDate first = null;
            LocalDate last = null;
            boolean headerSeen = false;
            List<SpecialDay> days = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                String where = origin + " line " + (i + 1);
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    Matcher v = VERSION.matcher(line);
                    Matcher r = RANGE.matcher(line);
                    if (v.matches()) {
                        version = v.group(1);
                    } else if (r.matches()) {
                        first = date(r.group(1), where);
                        last = date(r.group(2), where);
                    }
                    continue;
                }
                if (!headerSeen) {
                    if (!line.equals(HEADER)) {
                        throw new IllegalStateException(where + ": expected the header '" + HEADER + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                if (version == null || first == null || last == null) {
                    throw new IllegalStateException(where + ": '# version:' and '# range:' must come before the rows");
                }
                SpecialDay day = row(line, where);
                if (day.date().isBefore(first) || day.date().isAfter(last)) {
                    throw new IllegalStateException(where + ": " + day.date() + " is outside " + first + ".." + last);
                }
                if (!days.isEmpty() && !day.date().isAfter(days.get(days.size() - 1).date())) {
                    // Strict order also rules out a date listed twice with two different kinds.
                    throw new IllegalStateException(where + ": " + day.date() + " is not after the row before it");
                }
                days.add(day);
            }
            if (version == null || first == null || last == null || !headerSeen) {
                throw new IllegalStateException(origin + ": needs '# version:', '# range:' and the header '"
                        + HEADER + "'");
            }
            if (last.isBefore(first)) {
                throw new IllegalStateException(origin + ": range ends before it starts");
            }
            return new CalendarData(version, first, last, List.copyOf(days));
        }

        private static SpecialDay row(String line, String where) {
            // The name is the last column so that it may hold commas ("Martin Luther King, Jr. Day").
            String[] cells = line.split(",", 3);
            if (cells.length < 3 || cells[2].isBlank()) {
                throw new IllegalStateException(where + ": expected date,kind,name but got '" + line + "'");
            }
            try {
                return new SpecialDay(date(cells[0].strip(), where), SpecialDay.Kind.fromLabel(cells[1].strip()),
                        cells[2].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }

        private static LocalDate date(String text, String where) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(where + ": '" + text + "' is not an ISO date", e);
            }
        }
    }
}
