package io.barkeep.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A weekday on which the exchange does not run its regular 09:30-16:00 session: it is closed all day, or it closes
 * at 13:00. Weekends are never special days; the calendar leaves them out on its own.
 *
 * @param date the New York date
 * @param kind closed, or an early close
 * @param name what the day is, for people (holiday name, or why the exchange closed)
 */
record SpecialDay(LocalDate date, Kind kind, String name) {

    /** What happens to the regular session on a special day. */
    enum Kind {
        /** No session at all. */
        CLOSED,
        /** A session that closes at 13:00 New York. */
        EARLY_CLOSE;

        /** The lower-case name used in the calendar data file. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind whose {@link #label()} is {@code label}. */
        static Kind fromLabel(String label) {
            for (Kind kind : values()) {
                if (kind.label().equals(label)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind '" + label + "' (expected closed or early_close)");
        }
    }

    SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (isWeekend(date)) {
            // A weekend row would be silently meaningless, and is almost always a mistyped date.
            throw new IllegalArgumentException(date + " is a " + date.getDayOfWeek() + ": weekends are implicit");
        }
    }

    static SpecialDay closed(LocalDate date, String name) {
        return new SpecialDay(date, Kind.CLOSED, name);
    }

    static SpecialDay earlyClose(LocalDate date, String name) {
        return new SpecialDay(date, Kind.EARLY_CLOSE, name);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
