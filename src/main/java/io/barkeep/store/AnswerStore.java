package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.RevisionRepository.Revision;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores one vendor answer as one transaction: check every row (bad ones and conflicting repeats to the
 * quarantine), read the stored bars the answer corrects, write bars, zero-trade rows and the ledger, log the
 * revisions and the events. A failure at any step leaves nothing of the answer written, and no other writer can
 * slip between the revision diff and the write (both run on the single writer's connection).
 *
 * <p>Only the vendor's explicit "no data" records sessions as having nothing. Sessions a successful answer leaves
 * out stay missing (no ledger row: asked again next pass) and are logged; a session answered with zero-trade rows
 * only, for a symbol that trades, is kept but marked suspect (asked again, see
 * {@link io.barkeep.domain.NoTradeVerdict}) and logged.
 */
public final class AnswerStore {
    private final BarStore bars;
    private final QuarantineRepository quarantine;
    private final SafetyEventRepository events;
    private final RevisionRepository revisions;
    private final TradingCalendar calendar;

    public AnswerStore(CacheEngine engine) {
        this.bars = engine.bars();
        this.quarantine = engine.quarantine();
        this.events = engine.events();
        this.revisions = engine.revisions();
        this.calendar = bars.calendar();
    }

    /** What storing one answer did. */
    public record Result(long symbolId, int barsWritten, int barsChanged, int emptiesWritten, int quarantined,
                         int revisions, int sessionsLeftMissing) implements BarStore.HasSymbolId {
        static final Result NOTHING = new Result(-1, 0, 0, 0, 0, 0, 0);
    }

    /** Stores {@code answer} in one transaction; throws (with nothing written) when the database fails. */
    public Result store(VendorAnswer answer) {
        List<Session> sessions = calendar.sessions(answer.from(), answer.to());
        if (sessions.isEmpty()) {
            return Result.NOTHING;
        }
        Instant now = bars.clock().instant();
        Instant start = sessions.get(0).open();
        Instant end = lastClosedBarEnd(sessions.get(sessions.size() - 1), now);
        if (!end.isAfter(start)) {
            return Result.NOTHING;
        }
        AnswerTriage triage = AnswerTriage.of(answer, sessions, start, end, calendar);
        Database db = bars.database();
        BarStore.Checked<Result> written = bars.inWriteWindow(start, end, () -> db.writer().runJdbc(c -> {
            Result result = write(c, answer, triage, sessions, start, end, now);
            return new BarStore.Checked<>(result, bars.writer().withNeighbours(c, result.symbolId(), start, end,
                    triage.bars));
        }));
        bars.symbolIds().remember(answer.symbol(), written.symbolId());
        bars.written(answer.symbol(), written.sequence());
        return written.result();
    }

    private Result write(Connection c, VendorAnswer answer, AnswerTriage t, List<Session> sessions, Instant start,
                         Instant end, Instant now) throws SQLException {
        var dsl = bars.database().dsl(c);
        long symbolId = bars.symbolIds().getOrCreate(c, answer.symbol());
        quarantine.keep(t.rejected, t.rejected.isEmpty() ? 0 : answer.unreadableNotKept(), now);
        List<Note> notes = new ArrayList<>();
        if (answer.noData() && answer.isEmpty()) {
            // The vendor's explicit "no data": the one answer that may record sessions as having nothing.
            bars.writer().write(c, symbolId, new BarBatch(answer.symbol(), start, end, List.of(), List.of(), true,
                    true), List.of(), Set.of(), now, false);
            return new Result(symbolId, 0, 0, 0, 0, 0, 0);
        }
        List<Bar> stored = bars.writer().storedRange(c, symbolId, start.getEpochSecond(), end.getEpochSecond());
        List<Revision> corrected = revisions(stored, t.bars);
        Set<Integer> suspect = suspectDates(dsl, symbolId, t);
        int changed = 0;
        for (List<Session> run : runs(sessions, t.answered)) {
            Instant from = run.get(0).open();
            Instant to = min(run.get(run.size() - 1).close(), end);
            List<Bar> runBars = inside(t.bars, Bar::start, from, to);
            List<EmptyBar> runEmpties = inside(t.empties, EmptyBar::start, from, to);
            // The run is the calendar's sessions of [from, to): the ledger's own lookup would give the same list.
            changed += bars.writer().write(c, symbolId, new BarBatch(answer.symbol(), from, to, runBars, runEmpties,
                    true), run, runBars, suspect, now, stored.isEmpty());
        }
        revisions.insert(dsl, symbolId, answer.source(), corrected, now);
        List<Session> lacking = t.absent.stream().filter(s -> !s.close().isAfter(now)).toList();
        if (!t.rejected.isEmpty()) {
            notes.add(new Note("rejected_bars", t.rejected.size() + " bars refused and kept in quarantine"));
        }
        if (!lacking.isEmpty()) {
            notes.add(new Note("answer_incomplete", "the answer lacks " + lacking.size()
                    + " session(s) the calendar says traded (" + dates(lacking) + "); they stay missing and are "
                    + "asked again"));
        }
        if (!t.conflicted.isEmpty()) {
            notes.add(new Note("conflicting_rows", "different rows for the same start in " + dates(t.conflicted)
                    + ": those rows are quarantined and the session(s) (" + t.withheld + " other rows) stay missing"
                    + " until a clean answer"));
        }
        if (!suspect.isEmpty()) {
            notes.add(new Note("suspect_no_trades", "only zero-trade rows for " + suspect.size()
                    + " session(s) of a symbol that trades (" + dates(t.allZero.stream()
                    .filter(s -> suspect.contains(s.dateKey())).toList()) + "): kept, not final, asked again"));
        }
        for (Note n : notes) {
            events.record(new SafetyEvent(now, n.kind(), answer.symbol(), answer.source(), start,
                    sessions.get(sessions.size() - 1).close(), answer.request() + ": " + n.message()));
        }
        return new Result(symbolId, t.bars.size(), changed, t.empties.size(), t.rejected.size(), corrected.size(),
                t.absent.size() + t.conflicted.size());
    }

    /** A safety event to record in the transaction. */
    private record Note(String kind, String message) {
    }

    /** Stored bars the answer changes (the vendor's corrections), read inside the writing transaction. */
    private static List<Revision> revisions(List<Bar> stored, List<Bar> answer) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, Bar> byStart = new HashMap<>();
        stored.forEach(b -> byStart.put(b.epochSecond(), b));
        List<Revision> out = new ArrayList<>();
        for (Bar b : answer) {
            Bar old = byStart.get(b.epochSecond());
            if (old != null && !old.equals(b)) {
                out.add(new Revision(old, b));
            }
        }
        return out;
    }

    /**
     * The answered sessions with zero-trade rows only, when the symbol trades: in another session of this answer
     * or in any session held before.
     */
    private static Set<Integer> suspectDates(org.jooq.DSLContext dsl, long symbolId, AnswerTriage t) {
        if (t.allZero.isEmpty()) {
            return Set.of();
        }
        boolean trades = !t.bars.isEmpty() || dsl.fetchExists(dsl.selectOne().from(SESSION_COVERAGE)
                .where(SESSION_COVERAGE.SYMBOL_ID.eq(symbolId)).and(SESSION_COVERAGE.HELD_BARS.gt(0L)));
        return trades ? t.allZero.stream().map(Session::dateKey).collect(Collectors.toSet()) : Set.of();
    }

    /** The answered sessions grouped in runs of neighbours in {@code sessions}: one batch (one recount) each. */
    private static List<List<Session>> runs(List<Session> sessions, List<Session> answered) {
        Set<Session> written = new HashSet<>(answered);
        List<List<Session>> out = new ArrayList<>();
        List<Session> run = new ArrayList<>();
        for (Session s : sessions) {
            if (written.contains(s)) {
                run.add(s);
            } else if (!run.isEmpty()) {
                out.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    /** The end of the last bar that has closed by {@code now}: a session in progress is cut there. */
    static Instant lastClosedBarEnd(Session s, Instant now) {
        if (!s.close().isAfter(now)) {
            return s.close();
        }
        long closed = Math.max(0, (now.getEpochSecond() - s.open().getEpochSecond()) / Session.BAR_SECONDS);
        return s.open().plusSeconds(closed * Session.BAR_SECONDS);
    }

    /** The rows of {@code rows} (by start) in [from, to): the list itself when they all are (one run, usually). */
    private static <T> List<T> inside(List<T> rows, java.util.function.Function<T, Instant> start, Instant from,
                                      Instant to) {
        if (rows.isEmpty() || inside(start.apply(rows.get(0)), from, to)
                && inside(start.apply(rows.get(rows.size() - 1)), from, to)) {
            return rows;
        }
        return rows.stream().filter(r -> inside(start.apply(r), from, to)).toList();
    }

    private static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String dates(List<Session> sessions) {
        String shown = sessions.stream().limit(5).map(s -> s.date().toString()).collect(Collectors.joining(", "));
        return sessions.size() > 5 ? shown + " and " + (sessions.size() - 5) + " more" : shown;
    }
}
