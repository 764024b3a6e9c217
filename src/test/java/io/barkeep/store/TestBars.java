package io.barkeep.store;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Calendars from explicit sessions and bars derived from their place in a session, for store tests. */
final class TestBars {
    private TestBars() {
    }

    static Session regular(String date) {
        return Session.of(LocalDate.parse(date), SessionKind.REGULAR);
    }

    static Session earlyClose(String date) {
        return Session.of(LocalDate.parse(date), SessionKind.EARLY_CLOSE);
    }

    /** A calendar that speaks for the dates from the first session to the last and holds exactly these. */
    static TradingCalendar calendar(Session... sessions) {
        List<Session> list = Arrays.asList(sessions);
        return new TradingCalendar("test", list.get(0).date(), list.get(list.size() - 1).date(), list);
    }

    /** {@code count} weekdays from {@code first} on, all regular sessions. */
    static List<Session> weekdays(LocalDate first, int count) {
        List<Session> out = new ArrayList<>(count);
        for (LocalDate d = first; out.size() < count; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(Session.of(d, SessionKind.REGULAR));
            }
        }
        return out;
    }

    static TradingCalendar calendar(List<Session> sessions) {
        return new TradingCalendar("test", sessions.get(0).date(), sessions.get(sessions.size() - 1).date(),
                sessions);
    }

    /** New York wall-clock time on the session's date. */
    static Instant at(Session s, String hhmm) {
        return ZonedDateTime.of(s.date(), LocalTime.parse(hhmm), Session.NEW_YORK).toInstant();
    }

    /** The start of bar {@code i} of the session (0 = the opening bar). */
    static Instant start(Session s, int i) {
        return s.open().plusSeconds((long) i * Session.BAR_SECONDS);
    }

    /**
     * Bar {@code i} of the session; {@code seed} varies the prices so that two writes can differ. Every third bar
     * has no trade count and every fifth no VWAP, so that {@link Bar#UNKNOWN} is always part of a round trip.
     */
    static Bar bar(Session s, int i, long seed) {
        long open = 1_500_000 + seed * 1_000 + i * 10L;
        long trades = i % 3 == 0 ? Bar.UNKNOWN : 20 + i;
        long vwap = i % 5 == 0 ? Bar.UNKNOWN : open + 7;
        return new Bar(start(s, i), open, open + 250 + i % 7, open - 150 - i % 4, open + 40, 5_000 + i * 3L + seed,
                trades, vwap);
    }

    /** Every bar of the session. */
    static List<Bar> session(Session s, long seed) {
        List<Bar> out = new ArrayList<>(s.expectedBars());
        for (int i = 0; i < s.expectedBars(); i++) {
            out.add(bar(s, i, seed));
        }
        return out;
    }

    /** Every bar of every session, oldest first. */
    static List<Bar> sessions(List<Session> sessions, long seed) {
        List<Bar> out = new ArrayList<>();
        for (Session s : sessions) {
            out.addAll(session(s, seed));
        }
        return out;
    }

    static EmptyBar empty(Session s, int i) {
        return new EmptyBar(start(s, i), 1_500_000 + i);
    }

    /** A batch answering for whole sessions: from the first's open to the last's close. */
    static BarBatch batch(String symbol, List<Session> sessions, List<Bar> bars, List<EmptyBar> empties,
                          boolean authoritative) {
        return new BarBatch(symbol, sessions.get(0).open(), sessions.get(sessions.size() - 1).close(), bars, empties,
                authoritative);
    }
}
