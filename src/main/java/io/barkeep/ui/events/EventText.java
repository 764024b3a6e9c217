package io.barkeep.ui.events;

import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an event's times and kind read in the table: New York times, and a severity for its colour. */
final class EventText {
    /** How bad a kind of event is, for its colour. */
    enum Severity { ERROR, WARNING, INFO }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

    private EventText() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(Session.NEW_YORK));
    }

    /** A range in New York time; the end's date is left out when it is the start's. */
    static String range(Instant from, Instant to) {
        if (from == null && to == null) {
            return "";
        }
        if (from == null || to == null) {
            return DAY_TIME.format((from == null ? to : from).atZone(Session.NEW_YORK));
        }
        ZonedDateTime a = from.atZone(Session.NEW_YORK);
        ZonedDateTime b = to.atZone(Session.NEW_YORK);
        return DAY_TIME.format(a) + " \u2013 " + (a.toLocalDate().equals(b.toLocalDate()) ? CLOCK : DAY_TIME).format(b);
    }

    /** Requests given up on, fatal vendor answers, storage failures and refused data are errors; retries warn. */
    static Severity severity(String kind) {
        if (kind == null) {
            return Severity.INFO;
        }
        if (kind.equals("vendor_retry") || kind.equals("vendor_split")) {
            return Severity.WARNING;
        }
        if (kind.startsWith("vendor_") || kind.endsWith("_error") || kind.startsWith("rejected_")
                || kind.endsWith("_unavailable") || kind.endsWith("_failed")) {
            return Severity.ERROR;
        }
        return Severity.INFO;
    }
}
