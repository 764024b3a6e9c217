package io.barkeep.store;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BarRules;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of one vendor answer sorted, before anything is written: good rows by session, bad rows (broken
 * rules, outside the range, unreadable) and conflicting repeats for the quarantine, and which sessions the answer
 * left out. A start answered twice with the same values counts once; twice with different values, every row of
 * that start is quarantined and its whole session is withheld (left missing until a clean answer), since there is
 * no telling which row is true.
 */
final class AnswerTriage {
    static final String CONFLICT = "conflicting duplicate: different rows for the same start";
    static final String OUTSIDE = "outside the requested range";

    /** Good traded bars of the answered sessions, by start. */
    final List<Bar> bars = new ArrayList<>();
    /** Good zero-trade rows of the answered sessions, by start. */
    final List<EmptyBar> empties = new ArrayList<>();
    /** Rows for the quarantine, with the reason. */
    final List<QuarantineRepository.Entry> rejected = new ArrayList<>();
    /** Sessions with good rows and no conflict: written. */
    final List<Session> answered = new ArrayList<>();
    /** Sessions that had conflicting rows: withheld. */
    final List<Session> conflicted = new ArrayList<>();
    /** Begun sessions the answer has no good row for. */
    final List<Session> absent = new ArrayList<>();
    /** Answered sessions with zero-trade rows only. */
    final List<Session> allZero = new ArrayList<>();
    /** Good rows not written because their session was withheld. */
    int withheld;

    private AnswerTriage() {
    }

    /**
     * Sorts {@code answer}'s rows for the sessions {@code sessions} (in order) cut to [start, end).
     */
    static AnswerTriage of(VendorAnswer answer, List<Session> sessions, Instant start, Instant end,
                           TradingCalendar calendar) {
        AnswerTriage clean = ofClean(answer, sessions, start, end);
        return clean != null ? clean : sorted(answer, sessions, start, end, calendar);
    }

    /**
     * The usual answer (a backfill's month: traded bars only, oldest first, each good and on a session's grid inside
     * [start, end)) in one pass, without building and sorting a row per bar; null for any other answer, which
     * {@link #sorted} then sorts out. Both give the same triage (AnswerTriageTest).
     */
    static AnswerTriage ofClean(VendorAnswer answer, List<Session> sessions, Instant start, Instant end) {
        if (sessions.isEmpty() || !answer.empties().isEmpty() || !answer.unreadable().isEmpty()) {
            return null;
        }
        List<Bar> bars = answer.bars();
        long lo = start.getEpochSecond();
        long hi = end.getEpochSecond();
        boolean[] held = new boolean[sessions.size()];
        int si = 0;
        long close = sessions.get(0).close().getEpochSecond();
        long previous = Long.MIN_VALUE;
        for (int i = 0, n = bars.size(); i < n; i++) {
            Bar b = bars.get(i);
            long ts = b.epochSecond();
            if (ts <= previous || ts < lo || ts >= hi || b.start().getNano() != 0
                    || BarRules.checkValues(b).isPresent()) {
                return null;
            }
            while (ts >= close) {
                if (++si == held.length) {
                    return null;
                }
                close = sessions.get(si).close().getEpochSecond();
            }
            if (!sessions.get(si).holdsBarStart(ts)) {
                return null;
            }
            held[si] = true;
            previous = ts;
        }
        AnswerTriage t = new AnswerTriage();
        t.bars.addAll(bars);
        for (int k = 0; k < held.length && sessions.get(k).open().isBefore(end); k++) {
            (held[k] ? t.answered : t.absent).add(sessions.get(k));
        }
        return t;
    }

    /** The general triage: every row checked, sorted by start and placed; any answer. */
    static AnswerTriage sorted(VendorAnswer answer, List<Session> sessions, Instant start, Instant end,
                               TradingCalendar calendar) {
        AnswerTriage t = new AnswerTriage();
        List<Row> rows = new ArrayList<>(answer.bars().size() + answer.empties().size());
        for (Bar b : answer.bars()) {
            Optional<String> reason = BarRules.checkValues(b);
            if (reason.isPresent()) {
                t.reject(answer, b.start(), b.toString(), reason.get());
            } else {
                rows.add(new Row(b.epochSecond(), b, null));
            }
        }
        for (EmptyBar e : answer.empties()) {
            Optional<String> reason = BarRules.checkValues(e);
            if (reason.isPresent()) {
                t.reject(answer, e.start(), e.toString(), reason.get());
            } else {
                rows.add(new Row(e.epochSecond(), null, e));
            }
        }
        answer.unreadable().forEach(u -> t.reject(answer, null, u.raw(), u.reason()));
        rows.sort(Comparator.comparingLong(Row::ts));
        t.sortBySession(answer, t.placed(answer, rows, sessions, start, end, calendar), sessions, end);
        return t;
    }

    /**
     * The rows that start a 5-minute bar of one of {@code sessions} inside [start, end), in order; the others are
     * quarantined with {@link BarRules#checkStart}'s reason, or {@link #OUTSIDE}. Sorted rows walk the sessions in
     * step, so a good row costs two comparisons instead of a calendar lookup.
     */
    private List<Row> placed(VendorAnswer answer, List<Row> rows, List<Session> sessions, Instant start, Instant end,
                             TradingCalendar calendar) {
        List<Row> out = new ArrayList<>(rows.size());
        long lo = start.getEpochSecond();
        long hi = end.getEpochSecond();
        int si = 0;
        for (Row r : rows) {
            while (si < sessions.size() && r.ts >= sessions.get(si).close().getEpochSecond()) {
                si++;
            }
            boolean fits = si < sessions.size() && sessions.get(si).holdsBarStart(r.ts) && r.instant().getNano() == 0
                    && r.ts >= lo && r.ts < hi;
            if (fits) {
                out.add(r);
            } else {
                Instant at = r.instant();
                reject(answer, at, r.text(), BarRules.checkStart(at, calendar).orElse(OUTSIDE));
            }
        }
        return out;
    }

    private void sortBySession(VendorAnswer answer, List<Row> rows, List<Session> sessions, Instant end) {
        int i = 0;
        for (Session s : sessions) {
            if (!s.open().isBefore(end)) {
                break;
            }
            long close = s.close().getEpochSecond();
            int first = i;
            int bars = 0;
            // rows are checked to lie in a session inside the range, so each belongs to the session it meets
            while (i < rows.size() && rows.get(i).ts < close) {
                i++;
            }
            if (first == i) {
                absent.add(s);
                continue;
            }
            if (hasConflict(rows, first, i)) {
                conflicted.add(s);
                quarantineConflicts(answer, rows, first, i);
                continue;
            }
            answered.add(s);
            for (int k = first; k < i; k++) {
                Row r = rows.get(k);
                if (k > first && r.ts == rows.get(k - 1).ts) {
                    continue; // an identical repeat counts once
                }
                if (r.bar != null) {
                    this.bars.add(r.bar);
                    bars++;
                } else {
                    empties.add(r.empty);
                }
            }
            if (bars == 0) {
                allZero.add(s);
            }
        }
    }

    private static boolean hasConflict(List<Row> rows, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (rows.get(k).ts == rows.get(k - 1).ts && !rows.get(k).sameAs(rows.get(k - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Quarantines every row of a start with different rows; counts the session's other rows as withheld. */
    private void quarantineConflicts(VendorAnswer answer, List<Row> rows, int from, int to) {
        int k = from;
        while (k < to) {
            int j = k + 1;
            boolean differ = false;
            while (j < to && rows.get(j).ts == rows.get(k).ts) {
                differ |= !rows.get(j).sameAs(rows.get(k));
                j++;
            }
            if (differ) {
                for (int m = k; m < j; m++) {
                    Row r = rows.get(m);
                    reject(answer, Instant.ofEpochSecond(r.ts), r.text(), CONFLICT + " (" + (j - k) + " rows)");
                }
            } else {
                withheld++;
            }
            k = j;
        }
    }

    private void reject(VendorAnswer answer, Instant ts, String raw, String reason) {
        rejected.add(new QuarantineRepository.Entry(answer.symbol(), answer.source(), null, ts, raw, reason));
    }

    /** One good row: a traded bar or a zero-trade row. */
    private record Row(long ts, Bar bar, EmptyBar empty) {
        boolean sameAs(Row other) {
            return Objects.equals(bar, other.bar) && Objects.equals(empty, other.empty);
        }

        String text() {
            return bar != null ? bar.toString() : empty.toString();
        }

        Instant instant() {
            return bar != null ? bar.start() : empty.start();
        }
    }
}
