package io.barkeep.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One regular trading session of the exchange: its New York date, open and close as instants, and kind.
 * Every 5-minute bar of a session starts at {@code open + k * 5 min} for {@code k < expectedBars()}.
 */
public record Session(LocalDate date, Instant open, Instant close, SessionKind kind) {

    /** The exchange's time zone. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Seconds in one base bar. */
    public static final int BAR_SECONDS = 300;
    public static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE_TIME = LocalTime.of(13, 0);
    /** How long after its close a session may still change at the vendor; after that it is final (settled). */
    public static final java.time.Duration SETTLE = java.time.Duration.ofDays(1);

    /** A session on {@code date} of the given kind, with New York open and close times. */
    public static Session of(LocalDate date, SessionKind kind) {
        LocalTime close = kind == SessionKind.EARLY_CLOSE ? EARLY_CLOSE_TIME : REGULAR_CLOSE;
        return new Session(date, ZonedDateTime.of(date, REGULAR_OPEN, NEW_YORK).toInstant(),
                ZonedDateTime.of(date, close, NEW_YORK).toInstant(), kind);
    }

    /** 78 on a regular day, 42 on an early close. */
    public int expectedBars() {
        return (int) ((close.getEpochSecond() - open.getEpochSecond()) / BAR_SECONDS);
    }

    /** Whether a bar starting at {@code barStart} belongs to this session and sits on its 5-minute grid. */
    public boolean holdsBarStart(long epochSecond) {
        long offset = epochSecond - open.getEpochSecond();
        return offset >= 0 && epochSecond < close.getEpochSecond() && offset % BAR_SECONDS == 0;
    }

    /** Whether the session is final by {@code now}: closed at least {@link #SETTLE} ago. */
    public boolean settledBy(Instant now) {
        return !close.plus(SETTLE).isAfter(now);
    }

    /** Whether {@code instant} falls inside the session, open inclusive, close exclusive. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(open) && instant.isBefore(close);
    }

    /** The index of the bar starting at {@code epochSecond} (0 = the opening bar). */
    public int barIndex(long epochSecond) {
        return (int) ((epochSecond - open.getEpochSecond()) / BAR_SECONDS);
    }

    public ZonedDateTime openInNewYork() {
        return open.atZone(NEW_YORK);
    }

    public ZonedDateTime closeInNewYork() {
        return close.atZone(NEW_YORK);
    }

    /** The date as the integer yyyymmdd the coverage ledger keys on. */
    public int dateKey() {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }
}
