package io.barkeep.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchange's regular sessions over the range the calendar data covers: the source of truth for which
 * bars should exist. Immutable; lookups by date or instant are binary searches.
 * Build the NYSE calendar with {@link NyseCalendar#current}; tests may build one from explicit sessions.
 */
public final class TradingCalendar {
    private final String version;
    private final LocalDate firstDate;
    private final LocalDate lastDate;
    private final List<Session> sessions;
    private final long[] opens;

    /**
     * @param version   the calendar data's version, recorded with every gap verdict
     * @param firstDate first date the data speaks for
     * @param lastDate  last date the data speaks for
     * @param sessions  every session between them, in any order
     */
    public TradingCalendar(String version, LocalDate firstDate, LocalDate lastDate, List<Session> sessions) {
        this.version = Objects.requireNonNull(version);
        this.firstDate = firstDate;
        this.lastDate = lastDate;
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        this.sessions = Collections.unmodifiableList(sorted);
        this.opens = sorted.stream().mapToLong(s -> s.open().getEpochSecond()).toArray();
    }

    public String version() {
        return version;
    }

    public LocalDate firstDate() {
        return firstDate;
    }

    public LocalDate lastDate() {
        return lastDate;
    }

    /** Whether the calendar data speaks for {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(firstDate) && !date.isAfter(lastDate);
    }

    /** All sessions with from <= date <= to (clipped to the data's range). */
    public List<Session> sessions(LocalDate from, LocalDate to) {
        int lo = lowerBound(from);
        int hi = lowerBound(to.plusDays(1));
        return lo >= hi ? List.of() : sessions.subList(lo, hi);
    }

    /** Every session the calendar holds. */
    public List<Session> allSessions() {
        return sessions;
    }

    /** The session on {@code date}, if the exchange traded that day. */
    public Optional<Session> session(LocalDate date) {
        int i = lowerBound(date);
        return i < sessions.size() && sessions.get(i).date().equals(date) ? Optional.of(sessions.get(i))
                : Optional.empty();
    }

    /** The session whose [open, close) holds {@code instant}. */
    public Optional<Session> sessionAt(Instant instant) {
        int i = Arrays.binarySearch(opens, instant.getEpochSecond());
        int idx = i >= 0 ? i : -i - 2;
        if (idx < 0) {
            return Optional.empty();
        }
        Session s = sessions.get(idx);
        return s.contains(instant) ? Optional.of(s) : Optional.empty();
    }

    /** The last session whose open is at or before {@code instant}, even if it has closed. */
    public Optional<Session> latestSessionStartedBy(Instant instant) {
        int i = Arrays.binarySearch(opens, instant.getEpochSecond());
        int idx = i >= 0 ? i : -i - 2;
        return idx < 0 ? Optional.empty() : Optional.of(sessions.get(idx));
    }

    /** The first session strictly after {@code date}. */
    public Optional<Session> nextSessionAfter(LocalDate date) {
        int i = lowerBound(date.plusDays(1));
        return i < sessions.size() ? Optional.of(sessions.get(i)) : Optional.empty();
    }

    /** The last session strictly before {@code date}. */
    public Optional<Session> previousSessionBefore(LocalDate date) {
        int i = lowerBound(date) - 1;
        return i >= 0 ? Optional.of(sessions.get(i)) : Optional.empty();
    }

    private int lowerBound(LocalDate date) {
        int lo = 0;
        int hi = sessions.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sessions.get(mid).date().isBefore(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
