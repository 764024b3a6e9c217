package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongPredicate;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Reads the coverage ledger for gap reports, through plain JDBC (a 500-symbol pass reads 380,000 rows, and decoding
 * them through jOOQ records took most of its time): one symbol's rows over a range, or every symbol's rows in one
 * ordered, streamed query, cut per symbol.
 */
final class LedgerRows {
    /** A regular session's slots, the most an NYSE session has: a row counting as many is complete. */
    static final int MAX_SLOTS = 78;

    private static final String RANGE = DSL.using(SQLDialect.SQLITE)
            .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                    SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT, SESSION_COVERAGE.HELD_SLOTS,
                    SESSION_COVERAGE.EMPTY_SLOTS)
            .from(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null))
            .and(SESSION_COVERAGE.SESSION_DATE.between((Long) null, (Long) null))
            .orderBy(SESSION_COVERAGE.SESSION_DATE)
            .getSQL(ParamType.INDEXED);
    /** Every symbol's rows in primary-key order: a walk of the table (or its key), no sort. */
    private static final String ALL = allRows(DSL.noCondition());
    /**
     * Every row but those of a regular session wholly held ({@link #MAX_SLOTS} bars, no empty slot): the rows a
     * report cannot tell from their date alone, a few percent of a ledger the updater keeps full. The database skips
     * the others itself, so they never cross into Java one by one.
     */
    private static final String NOT_WHOLE = allRows(SESSION_COVERAGE.HELD_BARS.ne(DSL.inline((long) MAX_SLOTS))
            .or(SESSION_COVERAGE.EMPTY_BARS.ne(DSL.inline(0L))));
    /**
     * Each symbol's row count, first and last session, first bar, last bar and last fetch, and how many of its rows
     * a calendar other than the given one (by version) wrote: one aggregate the database computes over the ledger.
     */
    private static final String SPANS = DSL.using(SQLDialect.SQLITE)
            .select(SESSION_COVERAGE.SYMBOL_ID, DSL.count(), DSL.min(SESSION_COVERAGE.SESSION_DATE),
                    DSL.max(SESSION_COVERAGE.SESSION_DATE), DSL.min(SESSION_COVERAGE.FIRST_TS),
                    DSL.max(SESSION_COVERAGE.LAST_TS), DSL.max(SESSION_COVERAGE.FETCHED_AT),
                    DSL.count().filterWhere(SESSION_COVERAGE.CALENDAR_VERSION.ne((String) null)))
            .from(SESSION_COVERAGE)
            .groupBy(SESSION_COVERAGE.SYMBOL_ID)
            .orderBy(SESSION_COVERAGE.SYMBOL_ID)
            .getSQL(ParamType.INDEXED);
    /** Date keys (yyyymmdd) are below this: a symbol id times it plus a date key is both, packed. */
    private static final long DATE_KEYS = 100_000_000L;
    /** Empty counts are below this (a session has at most a few hundred slots): held times it plus empty is both. */
    private static final long EMPTY_COUNTS = 1_000L;
    /**
     * Every symbol's rows of the sessions in a span, in (symbol, date) order, without the columns of the summary: what
     * a session's coverage needs ({@link #row}'s seven columns, then the symbol).
     */
    private static final String SESSIONS = sessionRows(DSL.noCondition());
    /** As {@link #SESSIONS}, of one symbol. */
    private static final String SYMBOL_SESSIONS = sessionRows(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null));
    /** Rows fetched at a time from PostgreSQL (it streams a result only inside a transaction, with a fetch size). */
    private static final int FETCH_SIZE = 4_096;


    private LedgerRows() {
    }

    private static String allRows(org.jooq.Condition which) {
        return DSL.using(SQLDialect.SQLITE)
                .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                        SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT, SESSION_COVERAGE.HELD_SLOTS,
                        SESSION_COVERAGE.EMPTY_SLOTS, SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS,
                        SESSION_COVERAGE.SYMBOL_ID)
                .from(SESSION_COVERAGE)
                .where(which)
                .orderBy(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE)
                .getSQL(ParamType.INDEXED);
    }

    /**
     * {@link #row}'s seven columns, then two that pack what every row needs: symbol and date in one number, held and
     * empty counts in another (each column read is a native call, and a pass reads 400,000 rows).
     */
    private static String sessionRows(org.jooq.Condition which) {
        return DSL.using(SQLDialect.SQLITE)
                .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                        SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT, SESSION_COVERAGE.HELD_SLOTS,
                        SESSION_COVERAGE.EMPTY_SLOTS,
                        SESSION_COVERAGE.SYMBOL_ID.mul(DSL.inline(DATE_KEYS)).add(SESSION_COVERAGE.SESSION_DATE),
                        SESSION_COVERAGE.HELD_BARS.mul(DSL.inline(EMPTY_COUNTS)).add(SESSION_COVERAGE.EMPTY_BARS))
                .from(SESSION_COVERAGE)
                .where(which)
                .and(SESSION_COVERAGE.SESSION_DATE.between((Long) null, (Long) null))
                .orderBy(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE)
                .getSQL(ParamType.INDEXED);
    }

    /**
     * A symbol's ledger in brief: its row count, first and last session date key, first and last bar and last
     * fetch (epoch seconds, null when no row says), and how many rows another calendar version wrote.
     */
    record Span(long symbolId, int rows, int firstKey, int lastKey, Long firstTs, Long lastTs, Long fetchedAt,
                int otherCalendar) {
    }

    /** Every symbol's {@link Span}, in symbol id order. */
    static List<Span> spans(Connection c, String calendarVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SPANS)) {
            ps.setString(1, calendarVersion);
            try (ResultSet rs = ps.executeQuery()) {
                List<Span> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Span(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), nullable(rs, 5),
                            nullable(rs, 6), nullable(rs, 7), rs.getInt(8)));
                }
                return out;
            }
        }
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** One ledger row: the session's counts and slot masks as the last write left them. */
    record Row(int dateKey, int held, int empty, long noData, long fetchedAt, byte[] heldSlots, byte[] emptySlots) {
    }

    /**
     * One symbol's rows in date order, with their summary: first bar, last bar and last fetch over every row
     * (null when no row says).
     */
    record SymbolRows(long symbolId, List<Row> rows, Long firstTs, Long lastTs, Long fetchedAt) {
        int firstKey() {
            return rows.get(0).dateKey();
        }

        int lastKey() {
            return rows.get(rows.size() - 1).dateKey();
        }
    }

    /** Collects one symbol's rows and their summary as they stream by, in primitives (no boxing a row). */
    private static final class Collector {
        private final long symbolId;
        private final List<Row> rows = new ArrayList<>(1024);
        private long firstTs = Long.MAX_VALUE;
        private long lastTs = Long.MIN_VALUE;
        private long fetchedAt = Long.MIN_VALUE;

        Collector(long symbolId) {
            this.symbolId = symbolId;
        }

        void add(Row r, long first, long last) {
            rows.add(r);
            firstTs = Math.min(firstTs, first);
            lastTs = Math.max(lastTs, last);
            fetchedAt = Math.max(fetchedAt, r.fetchedAt());
        }

        SymbolRows done() {
            return new SymbolRows(symbolId, rows, firstTs == Long.MAX_VALUE ? null : firstTs,
                    lastTs == Long.MIN_VALUE ? null : lastTs, fetchedAt == Long.MIN_VALUE ? null : fetchedAt);
        }
    }

    /** Receives one symbol's rows of an all-symbol pass, on the pass's connection (to read bar starts with). */
    interface SymbolSink {
        void accept(SymbolRows rows, Connection c) throws SQLException;
    }

    /** The rows of {@code symbolId} with date keys fromKey..toKey, in date order. */
    static List<Row> range(Connection c, long symbolId, int fromKey, int toKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setLong(1, symbolId);
            ps.setLong(2, fromKey);
            ps.setLong(3, toKey);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        }
    }

    /**
     * Streams every row once, in (symbol, date) order, and hands {@code sink} each symbol's rows as soon as the
     * next symbol begins: memory holds one symbol's rows, not the ledger. Runs in one read transaction, so every
     * symbol is seen as of the same moment (and PostgreSQL streams instead of loading the whole result). Rows of a
     * symbol {@code wanted} refuses are stepped over.
     */
    static void forEachSymbol(Connection c, LongPredicate wanted, SymbolSink sink) throws SQLException {
        forEachSymbol(c, ALL, wanted, sink);
    }

    /**
     * As {@link #forEachSymbol(Connection, LongPredicate, SymbolSink)}, without the rows of regular sessions wholly
     * held: a symbol none of whose rows is left is not handed on. The summary covers the rows handed on only.
     */
    static void forEachSymbolNotWhole(Connection c, LongPredicate wanted, SymbolSink sink) throws SQLException {
        forEachSymbol(c, NOT_WHOLE, wanted, sink);
    }

    private static void forEachSymbol(Connection c, String query, LongPredicate wanted, SymbolSink sink)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                Collector symbol = null;
                long skipped = Long.MIN_VALUE;
                while (rs.next()) {
                    long id = rs.getLong(10);
                    if (symbol == null || id != symbol.symbolId) {
                        if (id == skipped) {
                            continue;
                        }
                        if (symbol != null) {
                            sink.accept(symbol.done(), c);
                            symbol = null;
                        }
                        if (!wanted.test(id)) {
                            // Only its id read: a symbol not asked for costs a row step, not a row's columns.
                            skipped = id;
                            continue;
                        }
                        symbol = new Collector(id);
                    }
                    Row r = row(rs);
                    // A row holds a first and last bar exactly when it holds bars; in date order, the symbol's first
                    // bar is the first such row's, its last the last one's: two columns read only where they tell.
                    boolean holds = r.held() > 0;
                    symbol.add(r, holds && symbol.firstTs == Long.MAX_VALUE ? rs.getLong(8) : Long.MAX_VALUE,
                            holds ? rs.getLong(9) : Long.MIN_VALUE);
                }
                if (symbol != null) {
                    sink.accept(symbol.done(), c);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Receives the rows of {@link #forEachSessionRow} one at a time, its counts and fetch time already read: a
     * session wholly held needs no more, so no {@link Row} is made for it.
     */
    interface SessionRowSink {
        /** A row; {@code rest} reads it whole (verdict and masks too), during this call only. */
        void accept(long symbolId, int dateKey, int held, int empty, long fetchedAt, RowReader rest)
                throws SQLException;
    }

    /** Reads the current row of a pass whole. */
    interface RowReader {
        Row read() throws SQLException;
    }

    /**
     * Streams the rows of the sessions fromKey..toKey, of one symbol ({@code symbolId}) or of every symbol
     * {@code wanted} accepts (null), in (symbol, date) order, in one read transaction. Three columns a row cross into
     * Java; the verdict and the masks only when the sink asks for the row whole.
     */
    static void forEachSessionRow(Connection c, Long symbolId, LongPredicate wanted, int fromKey, int toKey,
                                  SessionRowSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(symbolId == null ? SESSIONS : SYMBOL_SESSIONS)) {
            int p = 1;
            if (symbolId != null) {
                ps.setLong(p++, symbolId);
            }
            ps.setLong(p++, fromKey);
            ps.setLong(p, toKey);
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                RowReader rest = () -> row(rs);
                long taken = Long.MIN_VALUE;
                long skipped = Long.MIN_VALUE;
                while (rs.next()) {
                    long key = rs.getLong(8);
                    long id = key / DATE_KEYS;
                    if (id != taken) {
                        if (id == skipped) {
                            continue;
                        }
                        if (symbolId == null && !wanted.test(id)) {
                            // Only its id read: a symbol not asked for costs a row step, not a row's columns.
                            skipped = id;
                            continue;
                        }
                        taken = id;
                    }
                    long counts = rs.getLong(9);
                    sink.accept(id, (int) (key % DATE_KEYS), (int) (counts / EMPTY_COUNTS),
                            (int) (counts % EMPTY_COUNTS), rs.getLong(5), rest);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * A row, reading only the columns its counts make matter: each column read is a native call, and a pass reads
     * 400,000 rows. The verdict column counts only for a session that holds no bar, the masks only for one that may
     * be partial (the row does not know its session: fewer than {@link #MAX_SLOTS} counted; a longer session
     * would just be read from its bar rows, still right).
     */
    private static Row row(ResultSet rs) throws SQLException {
        int held = rs.getInt(2);
        int empty = rs.getInt(3);
        long noData = held == 0 ? rs.getLong(4) : CoverageLedger.ANSWERED;
        boolean mayBePartial = held + empty < MAX_SLOTS;
        return new Row(rs.getInt(1), held, empty, noData, rs.getLong(5), mayBePartial ? rs.getBytes(6) : null,
                mayBePartial ? rs.getBytes(7) : null);
    }

    /**
     * The bar and empty-marker start times of sessions of one symbol, for a partial row that has no mask it can
     * believe (written before the masks, or by a SQL trigger since): each statement prepared once for a report.
     * This path goes once every row has a mask.
     */
    static final class Starts implements AutoCloseable {
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
                bars = c.prepareStatement(SlotMask.BAR_STARTS);
            }
            return read(bars, s);
        }

        long[] empties(Session s) throws SQLException {
            if (empties == null) {
                empties = c.prepareStatement(SlotMask.EMPTY_STARTS);
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
                        out = Arrays.copyOf(out, n * 2 + 1);
                    }
                    out[n++] = rs.getLong(1);
                }
            }
            return Arrays.copyOf(out, n);
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
}
