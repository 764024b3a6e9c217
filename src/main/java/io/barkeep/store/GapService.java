package io.barkeep.store;

import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.GapDetector;
import io.barkeep.domain.MissingRange;
import io.barkeep.domain.NoTradeVerdict;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Table;

/**
 * Per symbol and session: expected bars (calendar), held, vendor-confirmed empty, and the missing ranges.
 * Reads the coverage ledger first and only fetches bar times for the sessions it says are incomplete, so a
 * three-year verdict costs one ledger read rather than a scan of every bar.
 */
public final class GapService {
    private final BarStore store;
    private final TradingCalendar calendar;

    public GapService(BarStore store) {
        this.store = store;
        this.calendar = store.calendar();
    }

    /** The coverage of {@code symbol} over the sessions from..to, with the missing ranges merged. */
    public GapReport report(String symbol, LocalDate from, LocalDate to) {
        List<Session> sessions = pastSessions(from, to);
        Optional<Long> id = store.symbolIds().find(symbol);
        if (sessions.isEmpty()) {
            return new GapReport(symbol, from, to, calendar.version(), List.of(), List.of(), Map.of());
        }
        Coverages coverages = id.isEmpty()
                ? new Coverages(sessions.stream().map(GapDetector::wholeMissing).toList(), Map.of())
                : store.database().read(dsl -> coverages(dsl, id.get(), sessions));
        return new GapReport(symbol, from, to, calendar.version(), coverages.sessions(),
                GapDetector.merge(coverages.sessions()), coverages.fetchedAt());
    }

    /**
     * The sessions from..to that have begun, the one in progress cut at its last closed bar: bars that have
     * not happened yet are not missing.
     */
    private List<Session> pastSessions(LocalDate from, LocalDate to) {
        Instant now = store.clock().instant();
        List<Session> out = new ArrayList<>();
        for (Session s : calendar.sessions(from, to)) {
            if (!s.close().isAfter(now)) {
                out.add(s);
            } else if (s.open().isBefore(now)) {
                long closed = (now.getEpochSecond() - s.open().getEpochSecond()) / Session.BAR_SECONDS;
                if (closed > 0) {
                    out.add(new Session(s.date(), s.open(), s.open().plusSeconds(closed * Session.BAR_SECONDS),
                            s.kind()));
                }
            }
        }
        return out;
    }

    /** The report over the span the cache holds for {@code symbol}: its first to its last session with data. */
    public GapReport report(String symbol) {
        Optional<LocalDate[]> span = heldSpan(symbol);
        return span.isPresent() ? report(symbol, span.get()[0], span.get()[1])
                : new GapReport(symbol, null, null, calendar.version(), List.of(), List.of(), Map.of());
    }

    /** First and last session dates with any bar or empty marker. */
    public Optional<LocalDate[]> heldSpan(String symbol) {
        Optional<Long> id = store.symbolIds().find(symbol);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        var r = store.database().read(dsl -> dsl.select(org.jooq.impl.DSL.min(SESSION_COVERAGE.SESSION_DATE),
                        org.jooq.impl.DSL.max(SESSION_COVERAGE.SESSION_DATE)).from(SESSION_COVERAGE)
                .where(SESSION_COVERAGE.SYMBOL_ID.eq(id.get())).fetchOne());
        if (r == null || r.value1() == null) {
            return Optional.empty();
        }
        return Optional.of(new LocalDate[] {dateOf(r.value1()), dateOf(r.value2())});
    }

    static LocalDate dateOf(long key) {
        return LocalDate.of((int) (key / 10_000), (int) (key / 100 % 100), (int) (key % 100));
    }

    private Coverages coverages(DSLContext dsl, long symbolId, List<Session> sessions) {
        Instant now = store.clock().instant();
        Session first = sessions.get(0);
        Session last = sessions.get(sessions.size() - 1);
        Map<Long, Record5<Long, Long, Long, Long, Long>> ledger = new HashMap<>();
        for (Record5<Long, Long, Long, Long, Long> r : dsl.select(SESSION_COVERAGE.SESSION_DATE,
                        SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS, SESSION_COVERAGE.NO_DATA,
                        SESSION_COVERAGE.FETCHED_AT).from(SESSION_COVERAGE)
                .where(SESSION_COVERAGE.SYMBOL_ID.eq(symbolId))
                .and(SESSION_COVERAGE.SESSION_DATE.between((long) first.dateKey(), (long) last.dateKey()))
                .fetch()) {
            ledger.put(r.value1(), r);
        }
        List<SessionCoverage> out = new ArrayList<>(sessions.size());
        Map<LocalDate, Instant> fetchedAt = new HashMap<>();
        for (Session s : sessions) {
            var row = ledger.get((long) s.dateKey());
            if (row == null) {
                out.add(GapDetector.wholeMissing(s));
                continue;
            }
            fetchedAt.put(s.date(), Instant.ofEpochSecond(row.value5()));
            int held = row.value2().intValue();
            int empty = row.value3().intValue();
            Session whole = calendar.session(s.date()).orElse(s);
            Instant answeredAt = Instant.ofEpochSecond(row.value5());
            if (held + empty == 0 && row.value4() == CoverageLedger.NO_DATA
                    && NoTradeVerdict.noDataStands(whole, answeredAt, now)) {
                // The vendor said "no data" for the whole session after it ended, recently enough or long enough
                // after the close to believe it: no trade, nothing to fetch now.
                out.add(GapDetector.complete(s, 0, s.expectedBars()));
            } else if (held + empty == 0) {
                out.add(GapDetector.wholeMissing(s));
            } else if (held == 0 && row.value4() == CoverageLedger.SUSPECT
                    && !NoTradeVerdict.suspectStands(whole, answeredAt)) {
                // Zero-trade rows only for a symbol that trades: kept, but not believed, so asked again.
                out.add(GapDetector.wholeMissing(s));
            } else if (held + empty == s.expectedBars()) {
                out.add(GapDetector.complete(s, held, empty));
            } else {
                out.add(GapDetector.coverage(s, starts(dsl, BARS_5M, BARS_5M.SYMBOL_ID,
                        BARS_5M.TS, symbolId, s), starts(dsl, EMPTY_BARS, EMPTY_BARS.SYMBOL_ID,
                        EMPTY_BARS.TS, symbolId, s)));
            }
        }
        return new Coverages(out, fetchedAt);
    }

    private record Coverages(List<SessionCoverage> sessions, Map<LocalDate, Instant> fetchedAt) {
    }

    private static long[] starts(DSLContext dsl, Table<?> table, Field<Long> symbolField, Field<Long> ts,
                                 long symbolId, Session s) {
        return dsl.select(ts).from(table).where(symbolField.eq(symbolId))
                .and(ts.ge(s.open().getEpochSecond())).and(ts.lt(s.close().getEpochSecond())).orderBy(ts)
                .fetch(ts).stream().mapToLong(Long::longValue).toArray();
    }

    /** One symbol's coverage verdict, made with calendar {@code calendarVersion}. */
    public record GapReport(String symbol, LocalDate from, LocalDate to, String calendarVersion,
                            List<SessionCoverage> sessions, List<MissingRange> missing,
                            Map<LocalDate, Instant> fetchedAt) {
        public int expectedBars() {
            return sessions.stream().mapToInt(SessionCoverage::expected).sum();
        }

        public int heldBars() {
            return sessions.stream().mapToInt(SessionCoverage::held).sum();
        }

        public int emptyBars() {
            return sessions.stream().mapToInt(SessionCoverage::vendorEmpty).sum();
        }

        /** Held plus vendor-empty over expected, in percent; 0 when nothing is expected. */
        public double coveragePercent() {
            int expected = expectedBars();
            return expected == 0 ? 0 : 100.0 * (heldBars() + emptyBars()) / expected;
        }
    }
}
