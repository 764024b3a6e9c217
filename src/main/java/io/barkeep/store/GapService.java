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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Per symbol and session: expected bars (calendar), held, vendor-confirmed empty, and the missing ranges.
 * Reads the coverage ledger first and only fetches bar times for the sessions it says are incomplete, so a
 * three-year verdict costs one ledger read rather than a scan of every bar.
 */
public final class GapService {
    private static final String LEDGER_RANGE = org.jooq.impl.DSL.using(org.jooq.SQLDialect.SQLITE)
            .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                    SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT).from(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null))
            .and(SESSION_COVERAGE.SESSION_DATE.between((Long) null, (Long) null))
            .getSQL(org.jooq.conf.ParamType.INDEXED);
    private static final String BAR_STARTS = startsSql(BARS_5M, BARS_5M.SYMBOL_ID, BARS_5M.TS);
    private static final String EMPTY_STARTS = startsSql(EMPTY_BARS, EMPTY_BARS.SYMBOL_ID, EMPTY_BARS.TS);
    private static final String HELD_SPAN = org.jooq.impl.DSL.using(org.jooq.SQLDialect.SQLITE)
            .select(org.jooq.impl.DSL.min(SESSION_COVERAGE.SESSION_DATE),
                    org.jooq.impl.DSL.max(SESSION_COVERAGE.SESSION_DATE)).from(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null)).getSQL(org.jooq.conf.ParamType.INDEXED);

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
                : store.database().readJdbc(c -> coverages(c, id.get(), sessions));
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
        long[] span = store.database().readJdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(HELD_SPAN)) {
                ps.setLong(1, id.get());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long first = rs.getLong(1);
                    return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
                }
            }
        });
        return span == null ? Optional.empty() : Optional.of(new LocalDate[] {dateOf(span[0]), dateOf(span[1])});
    }

    static LocalDate dateOf(long key) {
        return LocalDate.of((int) (key / 10_000), (int) (key / 100 % 100), (int) (key % 100));
    }

    /** One ledger row: the session's counts as the last write left them. */
    private record LedgerRow(int held, int empty, long noData, long fetchedAt) {
    }

    /**
     * The ledger rows of {@code symbolId} from..to by date key, through plain JDBC: a 500-symbol pass reads 380,000
     * of them, and decoding them through jOOQ records took most of its time.
     */
    private static Map<Integer, LedgerRow> ledger(Connection c, long symbolId, int fromKey, int toKey)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LEDGER_RANGE)) {
            ps.setLong(1, symbolId);
            ps.setLong(2, fromKey);
            ps.setLong(3, toKey);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Integer, LedgerRow> out = new HashMap<>();
                while (rs.next()) {
                    out.put(rs.getInt(1), new LedgerRow(rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)));
                }
                return out;
            }
        }
    }

    private Coverages coverages(Connection c, long symbolId, List<Session> sessions) throws SQLException {
        try (Starts starts = new Starts(c, symbolId)) {
            return coverages(c, symbolId, sessions, starts);
        }
    }

    private Coverages coverages(Connection c, long symbolId, List<Session> sessions, Starts starts)
            throws SQLException {
        Instant now = store.clock().instant();
        Map<Integer, LedgerRow> ledger = ledger(c, symbolId, sessions.get(0).dateKey(),
                sessions.get(sessions.size() - 1).dateKey());
        List<SessionCoverage> out = new ArrayList<>(sessions.size());
        Map<LocalDate, Instant> fetchedAt = new HashMap<>();
        for (Session s : sessions) {
            LedgerRow row = ledger.get(s.dateKey());
            if (row == null) {
                out.add(GapDetector.wholeMissing(s));
                continue;
            }
            Instant answeredAt = Instant.ofEpochSecond(row.fetchedAt());
            fetchedAt.put(s.date(), answeredAt);
            int held = row.held();
            int empty = row.empty();
            if (held == s.expectedBars() && empty == 0) {
                // The common case first: every bar traded and held, no verdict to weigh.
                out.add(GapDetector.complete(s, held, empty));
                continue;
            }
            Session whole = calendar.session(s.date()).orElse(s);
            if (held + empty == 0 && row.noData() == CoverageLedger.NO_DATA
                    && NoTradeVerdict.noDataStands(whole, answeredAt, now)) {
                // The vendor said "no data" for the whole session after it ended, recently enough or long enough
                // after the close to believe it: no trade, nothing to fetch now.
                out.add(GapDetector.complete(s, 0, s.expectedBars()));
            } else if (held + empty == 0) {
                out.add(GapDetector.wholeMissing(s));
            } else if (held == 0 && row.noData() == CoverageLedger.SUSPECT
                    && !NoTradeVerdict.suspectStands(whole, answeredAt)) {
                // Zero-trade rows only for a symbol that trades: kept, but not believed, so asked again.
                out.add(GapDetector.wholeMissing(s));
            } else if (held + empty == s.expectedBars()) {
                out.add(GapDetector.complete(s, held, empty));
            } else {
                // Only the tables the ledger says hold rows of this session are read.
                out.add(GapDetector.coverage(s, held == 0 ? new long[0] : starts.bars(s),
                        empty == 0 ? new long[0] : starts.empties(s)));
            }
        }
        return new Coverages(out, fetchedAt);
    }

    private record Coverages(List<SessionCoverage> sessions, Map<LocalDate, Instant> fetchedAt) {
    }

    /**
     * The bar and empty-marker start times of sessions of one symbol, each statement prepared once for a report and
     * run through plain JDBC: a 500-symbol universe with holes asks this for thousands of incomplete sessions.
     */
    private static final class Starts implements AutoCloseable {
        private final Connection c;
        private final long symbolId;
        private PreparedStatement bars;
        private PreparedStatement empties;

        Starts(Connection c, long symbolId) {
            this.c = c;
            this.symbolId = symbolId;
        }

        long[] bars(Session s) throws SQLException {
            if (bars == null) {
                bars = c.prepareStatement(BAR_STARTS);
            }
            return read(bars, s);
        }

        long[] empties(Session s) throws SQLException {
            if (empties == null) {
                empties = c.prepareStatement(EMPTY_STARTS);
            }
            return read(empties, s);
        }

        private long[] read(PreparedStatement ps, Session s) throws SQLException {
            ps.setLong(1, symbolId);
            ps.setLong(2, s.open().getEpochSecond());
            ps.setLong(3, s.close().getEpochSecond());
            long[] out = new long[s.expectedBars()];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == out.length) {
                        out = java.util.Arrays.copyOf(out, n * 2 + 1);
                    }
                    out[n++] = rs.getLong(1);
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }

        @Override
        public void close() throws SQLException {
            if (bars != null) {
                bars.close();
            }
            if (empties != null) {
                empties.close();
            }
        }
    }

    private static String startsSql(Table<?> table, Field<Long> symbolField, Field<Long> ts) {
        return org.jooq.impl.DSL.using(org.jooq.SQLDialect.SQLITE).select(ts).from(table)
                .where(symbolField.eq((Long) null)).and(ts.ge((Long) null)).and(ts.lt((Long) null)).orderBy(ts)
                .getSQL(org.jooq.conf.ParamType.INDEXED);
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
