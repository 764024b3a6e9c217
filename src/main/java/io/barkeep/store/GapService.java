package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Per symbol and session: expected bars (calendar), held, vendor-confirmed empty, and the missing ranges.
 * Reads the coverage ledger alone: a partial session's slot masks say which bars it holds, so a three-year verdict
 * costs one ledger read rather than a scan of every bar ({@link #reportAll}: one read for every symbol). Bar times
 * are read only for a partial row written before the masks (see {@link LedgerRows.Starts}).
 */
public final class GapService {
    private static final String HELD_SPAN = org.jooq.impl.DSL.using(org.jooq.SQLDialect.SQLITE)
            .select(org.jooq.impl.DSL.min(SESSION_COVERAGE.SESSION_DATE),
                    org.jooq.impl.DSL.max(SESSION_COVERAGE.SESSION_DATE)).from(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null)).getSQL(org.jooq.conf.ParamType.INDEXED);

    /**
     * {@link #eachSession} reads each symbol by its key when it asks for fewer than one in this many of the symbols
     * the cache knows, else walks the whole ledger once.
     */
    private static final int ONE_BY_ONE_SHARE = 4;

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
        return report(symbol, from, to, coverages);
    }

    /**
     * The sessions from..to that have begun, the one in progress cut at its last closed bar: bars that have
     * not happened yet are not missing.
     */
    public List<Session> pastSessions(LocalDate from, LocalDate to) {
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

    /**
     * The report of each of {@code symbols} over the span it holds (as {@link #report(String)}), in the order given,
     * from one ordered read of the whole ledger instead of two queries a symbol: what {@code gaps} and
     * {@code freshness} over every symbol ask.
     */
    public List<GapReport> reportAll(List<String> symbols) {
        return summarizeAll(symbols, null, null).stream().map(Summarized::report).toList();
    }

    /** As {@link #reportAll(List)}, each over from..to (as {@link #report(String, LocalDate, LocalDate)}). */
    public List<GapReport> reportAll(List<String> symbols, LocalDate from, LocalDate to) {
        return summarizeAll(symbols, from, to).stream().map(Summarized::report).toList();
    }

    /**
     * Receives the sessions of {@link #eachSession}, symbol by symbol: after {@link #symbol}, each of the span's
     * sessions once, in date order, by its index in the span.
     */
    public interface SessionSink {
        /** The sessions that follow are {@code symbol}'s. */
        void symbol(String symbol);

        /**
         * Session {@code index} is wholly held: every one of its expected bars held, none vendor-empty, nothing
         * missing (a complete coverage); the vendor last answered for it at {@code fetchedAt} (epoch seconds).
         */
        void whole(int index, long fetchedAt);

        /** Session {@code index}'s coverage, and when the vendor last answered for it (null: it has no ledger row). */
        void session(int index, SessionCoverage coverage, Instant fetchedAt);
    }

    /**
     * The sessions of each of {@code symbols} over {@code span}, as {@link #report(String, LocalDate, LocalDate)}
     * gives them (its sessions and fetch times, without the merged ranges), each handed to {@code sink} as soon as it
     * is read and not kept; no object is made for a session wholly held, most of a ledger the updater keeps full.
     * Symbols in the order the ledger gives them.
     *
     * @param span the sessions {@link #pastSessions} gives for the dates asked, which the sink's indexes refer to
     */
    public void eachSession(List<String> symbols, List<Session> span, SessionSink sink) {
        Ids ids = idsOf(symbols);
        LedgerSessions pass = new LedgerSessions(this, span, sink, store.clock().instant());
        // A few symbols of many are each read by their key; more, in one pass over the whole ledger.
        boolean oneByOne = ids.wanted().size() * ONE_BY_ONE_SHARE < ids.known();
        store.database().readJdbc(c -> {
            pass.read(c, ids.wanted(), oneByOne);
            return null;
        });
        pass.unheld(symbols);
    }

    /** A symbol's report with the summary of its ledger rows: first bar, last bar, last fetch (epoch s or null). */
    record Summarized(GapReport report, Long firstTs, Long lastTs, Long fetchedAt) {
    }

    /** The one-pass reports of {@link #eachSummarized}, in the order of {@code symbols}. */
    List<Summarized> summarizeAll(List<String> symbols, LocalDate from, LocalDate to) {
        Map<String, Summarized> done = new HashMap<>();
        eachSummarized(symbols, from, to, s -> done.put(s.report().symbol(), s));
        List<Summarized> out = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            out.add(done.get(symbol));
        }
        return out;
    }

    /**
     * The one-pass reports: every ledger row streamed once in (symbol, date) order and cut per symbol; each
     * symbol's report (over its held span when {@code from} and {@code to} are null) and summary come from the same
     * rows and go to {@code sink} at once. Symbols without rows get what the per-symbol report gives them, after the
     * pass.
     */
    private void eachSummarized(List<String> symbols, LocalDate from, LocalDate to, Consumer<Summarized> sink) {
        Map<Long, String> wanted = ids(symbols);
        List<Session> fixed = from == null ? null : pastSessions(from, to);
        Set<String> seen = new HashSet<>();
        store.database().readJdbc(c -> {
            LedgerRows.forEachSymbol(c, wanted::containsKey, (rows, conn) -> {
                String symbol = wanted.get(rows.symbolId());
                LocalDate first = from != null ? from : dateOf(rows.firstKey());
                LocalDate last = to != null ? to : dateOf(rows.lastKey());
                List<Session> sessions = fixed != null ? fixed : pastSessions(first, last);
                Coverages coverages = new Coverages(List.of(), Map.of());
                if (!sessions.isEmpty()) {
                    try (LedgerRows.Starts starts = new LedgerRows.Starts(conn, rows.symbolId())) {
                        coverages = coverages(sessions, rows.rows(), starts);
                    }
                }
                seen.add(symbol);
                sink.accept(new Summarized(report(symbol, first, last, coverages), rows.firstTs(), rows.lastTs(),
                        rows.fetchedAt()));
            });
            return null;
        });
        for (String symbol : symbols) {
            if (seen.add(symbol)) {
                sink.accept(new Summarized(from == null ? report(symbol) : unheld(symbol, from, to, fixed), null,
                        null, null));
            }
        }
    }

    /** The ids of those of {@code symbols} the cache knows, with their symbols. */
    private Map<Long, String> ids(List<String> symbols) {
        return idsOf(symbols).wanted();
    }

    /** The symbols asked for that the cache knows, by id, and how many symbols it knows in all. */
    private record Ids(Map<Long, String> wanted, int known) {
    }

    private Ids idsOf(List<String> symbols) {
        Set<String> asked = new HashSet<>(symbols);
        Map<Long, String> wanted = new HashMap<>();
        var known = store.database().read(dsl -> dsl.select(SYMBOLS.ID, SYMBOLS.SYMBOL).from(SYMBOLS).fetch());
        known.forEach(r -> {
            if (asked.contains(r.value2())) {
                wanted.put(r.value1(), r.value2());
            }
        });
        return new Ids(wanted, known.size());
    }

    /**
     * What freshness keeps of a symbol's report over the span it holds: its totals and missing ranges, and the
     * summary of its ledger rows (first bar, last bar, last fetch; epoch seconds or null).
     */
    record Totals(String symbol, int expectedBars, int heldBars, int emptyBars, double coveragePercent,
                  List<MissingRange> missing, Long firstTs, Long lastTs, Long fetchedAt) {
        static Totals of(GapReport r, Long firstTs, Long lastTs, Long fetchedAt) {
            return new Totals(r.symbol(), r.expectedBars(), r.heldBars(), r.emptyBars(), r.coveragePercent(),
                    r.missing(), firstTs, lastTs, fetchedAt);
        }
    }

    /**
     * The {@link Totals} of each of {@code symbols} over the span it holds, in the order given: what
     * {@link #summarizeAll} gives, from the ledger's per-symbol aggregate and its rows that are not a wholly held
     * regular session ({@link LedgerTotals}).
     */
    List<Totals> totalsAll(List<String> symbols) {
        Map<Long, String> wanted = ids(symbols);
        Map<String, Totals> held = store.database().readJdbc(c -> new LedgerTotals(this, calendar).read(c, wanted));
        List<Totals> out = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            Totals t = held.get(symbol);
            out.add(t != null ? t : Totals.of(report(symbol), null, null, null));
        }
        return out;
    }

    /** The report of a symbol without ledger rows over from..to: every session that has begun is missing. */
    private GapReport unheld(String symbol, LocalDate from, LocalDate to, List<Session> sessions) {
        return report(symbol, from, to, new Coverages(sessions.stream().map(GapDetector::wholeMissing).toList(),
                Map.of()));
    }

    GapReport report(String symbol, LocalDate from, LocalDate to, Coverages coverages) {
        return new GapReport(symbol, from, to, calendar.version(), coverages.sessions(),
                GapDetector.merge(coverages.sessions()), coverages.fetchedAt());
    }

    Coverages coverages(Connection c, long symbolId, List<Session> sessions) throws SQLException {
        List<LedgerRows.Row> ledger = LedgerRows.range(c, symbolId, sessions.get(0).dateKey(),
                sessions.get(sessions.size() - 1).dateKey());
        try (LedgerRows.Starts starts = new LedgerRows.Starts(c, symbolId)) {
            return coverages(sessions, ledger, starts);
        }
    }

    /** The coverage of each session from its ledger row ({@code ledger} and {@code sessions} both in date order). */
    Coverages coverages(List<Session> sessions, List<LedgerRows.Row> ledger, LedgerRows.Starts starts)
            throws SQLException {
        Instant now = store.clock().instant();
        List<SessionCoverage> out = new ArrayList<>(sessions.size());
        Map<LocalDate, Instant> fetchedAt = new HashMap<>(Math.min(ledger.size(), sessions.size()) * 4 / 3 + 1);
        int next = 0;
        for (Session s : sessions) {
            int key = s.dateKey();
            while (next < ledger.size() && ledger.get(next).dateKey() < key) {
                next++;
            }
            LedgerRows.Row row = next < ledger.size() && ledger.get(next).dateKey() == key ? ledger.get(next) : null;
            if (row == null) {
                out.add(GapDetector.wholeMissing(s));
                continue;
            }
            fetchedAt.put(s.date(), Instant.ofEpochSecond(row.fetchedAt()));
            out.add(coverage(s, row, starts, now));
        }
        return new Coverages(out, fetchedAt);
    }

    /**
     * Whether a session's ledger row says it holds every bar, none vendor-empty: the common case, complete with no
     * verdict to weigh and no mask to read (a report's coverage then is {@code GapDetector.complete(s, held, 0)}).
     */
    static boolean whollyHeld(Session s, int held, int empty) {
        return held == s.expectedBars() && empty == 0;
    }

    /** The coverage of session {@code s} (cut at {@code now} when in progress) from its ledger row. */
    SessionCoverage coverage(Session s, LedgerRows.Row row, LedgerRows.Starts starts, Instant now)
            throws SQLException {
        int held = row.held();
        int empty = row.empty();
        if (whollyHeld(s, held, empty)) {
            return GapDetector.complete(s, held, empty);
        }
        Instant answeredAt = Instant.ofEpochSecond(row.fetchedAt());
        Session whole = calendar.session(s.date()).orElse(s);
        if (held + empty == 0 && row.noData() == CoverageLedger.NO_DATA
                && NoTradeVerdict.noDataStands(whole, answeredAt, now)) {
            // The vendor said "no data" for the whole session after it ended, recently enough or long enough
            // after the close to believe it: no trade, nothing to fetch now.
            return GapDetector.complete(s, 0, s.expectedBars());
        } else if (held + empty == 0) {
            return GapDetector.wholeMissing(s);
        } else if (held == 0 && row.noData() == CoverageLedger.SUSPECT
                && !NoTradeVerdict.suspectStands(whole, answeredAt)) {
            // Zero-trade rows only for a symbol that trades: kept, but not believed, so asked again.
            return GapDetector.wholeMissing(s);
        } else if (held + empty == s.expectedBars()) {
            return GapDetector.complete(s, held, empty);
        }
        // The slot masks say which slots are held or empty; rows are read only for a kind the session
        // holds and has no mask to believe for (a row from before the masks, or one a SQL trigger wrote).
        return GapDetector.coverage(s, slots(held, row.heldSlots(), s, starts::bars),
                slots(empty, row.emptySlots(), s, starts::empties));
    }

    /** Reads a session's starts of one kind from the stored rows (the legacy path). */
    private interface StartsReader {
        long[] read(Session s) throws SQLException;
    }

    private static long[] slots(int count, byte[] mask, Session s, StartsReader rows) throws SQLException {
        if (count == 0) {
            return new long[0];
        }
        byte[] believed = SlotMask.ifAgrees(mask, count);
        return believed != null ? SlotMask.starts(believed, s) : rows.read(s);
    }

    record Coverages(List<SessionCoverage> sessions, Map<LocalDate, Instant> fetchedAt) {
    }

    /** Held plus vendor-empty bars over expected ones, in percent; 0 when nothing is expected. */
    static double coveragePercent(int expected, int held, int empty) {
        return expected == 0 ? 0 : 100.0 * (held + empty) / expected;
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
            return GapService.coveragePercent(expectedBars(), heldBars(), emptyBars());
        }
    }
}
