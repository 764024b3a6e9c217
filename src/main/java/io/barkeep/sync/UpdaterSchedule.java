package io.barkeep.sync;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the updater runs, and what kind of pass: during a session every 5 minutes, a configurable delay after each
 * bar closes (early closes included); once after the close a re-fetch of the latest sessions to catch vendor
 * corrections; off hours (22:00-09:00 New York, and all day when the exchange is closed) backfill passes.
 * Pure: every answer comes from the calendar and the instant given, so tests need no clock and no sleeping.
 */
public final class UpdaterSchedule {
    /** What a pass does. */
    public enum PassKind { UPDATE, REVISION, BACKFILL }

    /** A pass to run at {@code at}. */
    public record Planned(Instant at, PassKind kind) {
    }

    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(60);
    /** The after-close re-fetch waits this long past the close, for the vendor's late corrections. */
    public static final Duration REVISION_AFTER_CLOSE = Duration.ofMinutes(30);
    /** A failed pass is tried again this much later. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    public static final LocalTime BACKFILL_FROM = LocalTime.of(22, 0);
    public static final LocalTime BACKFILL_UNTIL = LocalTime.of(9, 0);

    private final TradingCalendar calendar;
    private final Duration delay;

    /** @param delay how long after a bar closes the vendor has it (default 60 s) */
    public UpdaterSchedule(TradingCalendar calendar, Duration delay) {
        this.calendar = calendar;
        this.delay = delay;
    }

    /** Whether {@code at} falls in the backfill window. */
    public boolean inBackfillWindow(Instant at) {
        ZonedDateTime ny = at.atZone(Session.NEW_YORK);
        if (calendar.session(ny.toLocalDate()).isEmpty()) {
            return true;
        }
        LocalTime t = ny.toLocalTime();
        return !t.isBefore(BACKFILL_FROM) || t.isBefore(BACKFILL_UNTIL);
    }

    /** When the current backfill window ends (the next session day's 09:00), for a window that holds {@code at}. */
    public Instant backfillWindowEnd(Instant at) {
        LocalDate d = at.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate next = calendar.session(d).filter(s -> at.atZone(Session.NEW_YORK).toLocalTime()
                .isBefore(BACKFILL_UNTIL)).map(Session::date)
                .orElseGet(() -> calendar.nextSessionAfter(d).map(Session::date).orElse(d.plusDays(1)));
        return ZonedDateTime.of(next, BACKFILL_UNTIL, Session.NEW_YORK).toInstant();
    }

    /**
     * The first pass strictly after {@code after} by the timetable alone: inside a backfill window, a backfill a
     * second later. What follows a backfill pass (at once, at the hourly re-check, or after the window) is
     * {@link UpdaterPolicy}'s to decide, never this method's.
     */
    public Planned next(Instant after) {
        LocalDate day = after.atZone(Session.NEW_YORK).toLocalDate();
        // Every candidate of a day falls on that day, so the first day with one holds the answer.
        for (LocalDate d = day; d.isBefore(day.plusDays(30)); d = d.plusDays(1)) {
            Planned best = earliest(sessionPass(d, after), backfillStart(d, after));
            if (best != null) {
                return best;
            }
        }
        throw new IllegalStateException("no updater pass within 30 days of " + after);
    }

    private Planned sessionPass(LocalDate d, Instant after) {
        Optional<Session> session = calendar.session(d);
        if (session.isEmpty()) {
            return null;
        }
        Session s = session.get();
        long first = s.open().plus(Duration.ofMinutes(5)).plus(delay).getEpochSecond();
        long last = s.close().plus(delay).getEpochSecond();
        long a = after.getEpochSecond();
        if (a < last) {
            long k = a < first ? 0 : (a - first) / Session.BAR_SECONDS + 1;
            return new Planned(Instant.ofEpochSecond(Math.min(last, first + k * Session.BAR_SECONDS)),
                    PassKind.UPDATE);
        }
        Instant revision = s.close().plus(REVISION_AFTER_CLOSE);
        return revision.isAfter(after) ? new Planned(revision, PassKind.REVISION) : null;
    }

    private Planned backfillStart(LocalDate d, Instant after) {
        if (inBackfillWindow(after) && d.equals(after.atZone(Session.NEW_YORK).toLocalDate())) {
            return new Planned(after.plusSeconds(1), PassKind.BACKFILL);
        }
        Instant start = calendar.session(d).isPresent()
                ? ZonedDateTime.of(d, BACKFILL_FROM, Session.NEW_YORK).toInstant()
                : d.atStartOfDay(Session.NEW_YORK).toInstant();
        return start.isAfter(after) ? new Planned(start, PassKind.BACKFILL) : null;
    }

    private static Planned earliest(Planned a, Planned b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.at().isBefore(a.at()) ? b : a;
    }
}
