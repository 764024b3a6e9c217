package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Reads the coverage ledger for gap reports, through plain JDBC (a 500-symbol pass reads 380,000 rows, and decoding
 * them through jOOQ records took most of its time): one symbol's rows over a range, or every symbol's rows in one
 * ordered, streamed query, cut per symbol.
 */
final class LedgerRows {
    private static final String RANGE = DSL.using(SQLDialect.SQLITE)
            .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                    SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT, SESSION_COVERAGE.HELD_SLOTS,
                    SESSION_COVERAGE.EMPTY_SLOTS, SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS)
            .from(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null))
            .and(SESSION_COVERAGE.SESSION_DATE.between((Long) null, (Long) null))
            .getSQL(ParamType.INDEXED);
    /** Every symbol's rows in primary-key order: a walk of the table (or its key), no sort. */
    private static final String ALL = DSL.using(SQLDialect.SQLITE)
            .select(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                    SESSION_COVERAGE.NO_DATA, SESSION_COVERAGE.FETCHED_AT, SESSION_COVERAGE.HELD_SLOTS,
                    SESSION_COVERAGE.EMPTY_SLOTS, SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS,
                    SESSION_COVERAGE.SYMBOL_ID)
            .from(SESSION_COVERAGE)
            .orderBy(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE)
            .getSQL(ParamType.INDEXED);
    /** Rows fetched at a time from PostgreSQL (it streams a result only inside a transaction, with a fetch size). */
    private static final int FETCH_SIZE = 4_096;

    private LedgerRows() {
    }

    /** One ledger row: the session's counts and slot masks as the last write left them. */
    record Row(int dateKey, int held, int empty, long noData, long fetchedAt, byte[] heldSlots, byte[] emptySlots,
               Long firstTs, Long lastTs) {
    }

    /** One symbol's rows, by date key, in date order. */
    record SymbolRows(long symbolId, Map<Integer, Row> byDate, int firstKey, int lastKey) {
        /** First bar, last bar and last fetch over every row (nulls when none says). */
        Long[] summary() {
            Long[] out = new Long[3];
            for (Row r : byDate.values()) {
                out[0] = r.firstTs() == null ? out[0] : out[0] == null ? r.firstTs() : Math.min(out[0], r.firstTs());
                out[1] = r.lastTs() == null ? out[1] : out[1] == null ? r.lastTs() : Math.max(out[1], r.lastTs());
                out[2] = out[2] == null ? r.fetchedAt() : Math.max(out[2], r.fetchedAt());
            }
            return out;
        }
    }

    /** Receives one symbol's rows of an all-symbol pass, on the pass's connection (to read bar starts with). */
    interface SymbolSink {
        void accept(SymbolRows rows, Connection c) throws SQLException;
    }

    /** The rows of {@code symbolId} with date keys fromKey..toKey. */
    static Map<Integer, Row> range(Connection c, long symbolId, int fromKey, int toKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RANGE)) {
            ps.setLong(1, symbolId);
            ps.setLong(2, fromKey);
            ps.setLong(3, toKey);
            try (ResultSet rs = ps.executeQuery()) {
                Map<Integer, Row> out = new HashMap<>();
                while (rs.next()) {
                    Row r = row(rs);
                    out.put(r.dateKey(), r);
                }
                return out;
            }
        }
    }

    /**
     * Streams every row once, in (symbol, date) order, and hands {@code sink} each symbol's rows as soon as the
     * next symbol begins: memory holds one symbol's rows, not the ledger. Runs in one read transaction, so every
     * symbol is seen as of the same moment (and PostgreSQL streams instead of loading the whole result).
     */
    static void forEachSymbol(Connection c, SymbolSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(ALL)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                long symbolId = -1;
                Map<Integer, Row> rows = new HashMap<>();
                int firstKey = 0;
                int lastKey = 0;
                while (rs.next()) {
                    long id = rs.getLong(10);
                    Row r = row(rs);
                    if (id != symbolId) {
                        if (!rows.isEmpty()) {
                            sink.accept(new SymbolRows(symbolId, rows, firstKey, lastKey), c);
                        }
                        symbolId = id;
                        rows = new HashMap<>();
                        firstKey = r.dateKey();
                    }
                    rows.put(r.dateKey(), r);
                    lastKey = r.dateKey();
                }
                if (!rows.isEmpty()) {
                    sink.accept(new SymbolRows(symbolId, rows, firstKey, lastKey), c);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long first = rs.getLong(8);
        Long firstTs = rs.wasNull() ? null : first;
        long last = rs.getLong(9);
        Long lastTs = rs.wasNull() ? null : last;
        return new Row(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getBytes(6),
                rs.getBytes(7), firstTs, lastTs);
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
