package io.barkeep.store;

import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Bar;
import io.barkeep.domain.NoTradeVerdict;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Keeps the per-session coverage ledger in step with the bars: after a write, the sessions it touched are
 * recounted from the rows themselves (so the ledger can never drift from the data).
 *
 * <p>The {@code no_data} column holds the whole-session verdict a row stands for ({@link NoTradeVerdict}):
 * {@link #ANSWERED} (the counts say it all), {@link #NO_DATA} (the vendor said so explicitly, nothing held) or
 * {@link #SUSPECT} (only zero-trade rows for a symbol that trades: kept, asked again). A session that an answer
 * simply left out gets no row at all: it stays missing, never final, and is asked again.
 *
 * <p>It runs in every write transaction, so its statements are rendered once with jOOQ and run through plain
 * JDBC (through jOOQ, building and running them cost more than upserting the month of bars itself).
 */
final class CoverageLedger {
    /** An ordinary row: held and empty bars as counted. */
    static final long ANSWERED = 0;
    /** The vendor's explicit "no data" (472) for the whole session. */
    static final long NO_DATA = 1;
    /** Every row of the session was a zero-trade row although the symbol trades: kept, not believed yet. */
    static final long SUSPECT = 2;

    private static final long[] NONE = new long[3];
    private static final String COUNT_BARS = countSql(BARS_5M, BARS_5M.SYMBOL_ID,
            BARS_5M.TS);
    private static final String COUNT_EMPTIES = countSql(EMPTY_BARS, EMPTY_BARS.SYMBOL_ID, EMPTY_BARS.TS);
    private static final String UPSERT = DSL.using(SQLDialect.SQLITE)
            .insertInto(SESSION_COVERAGE, SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE,
                    SESSION_COVERAGE.EXPECTED_BARS, SESSION_COVERAGE.HELD_BARS, SESSION_COVERAGE.EMPTY_BARS,
                    SESSION_COVERAGE.FIRST_TS, SESSION_COVERAGE.LAST_TS, SESSION_COVERAGE.FETCHED_AT,
                    SESSION_COVERAGE.FINAL, SESSION_COVERAGE.CALENDAR_VERSION, SESSION_COVERAGE.NO_DATA,
                    SESSION_COVERAGE.HELD_SLOTS, SESSION_COVERAGE.EMPTY_SLOTS)
            .values((Long) null, null, null, null, null, null, null, null, null, null, null, null, null)
            .onConflict(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE).doUpdate()
            .set(SESSION_COVERAGE.EXPECTED_BARS, DSL.excluded(SESSION_COVERAGE.EXPECTED_BARS))
            .set(SESSION_COVERAGE.HELD_BARS, DSL.excluded(SESSION_COVERAGE.HELD_BARS))
            .set(SESSION_COVERAGE.EMPTY_BARS, DSL.excluded(SESSION_COVERAGE.EMPTY_BARS))
            .set(SESSION_COVERAGE.FIRST_TS, DSL.excluded(SESSION_COVERAGE.FIRST_TS))
            .set(SESSION_COVERAGE.LAST_TS, DSL.excluded(SESSION_COVERAGE.LAST_TS))
            .set(SESSION_COVERAGE.FETCHED_AT, DSL.excluded(SESSION_COVERAGE.FETCHED_AT))
            .set(SESSION_COVERAGE.FINAL, DSL.excluded(SESSION_COVERAGE.FINAL))
            .set(SESSION_COVERAGE.CALENDAR_VERSION, DSL.excluded(SESSION_COVERAGE.CALENDAR_VERSION))
            .set(SESSION_COVERAGE.NO_DATA, DSL.excluded(SESSION_COVERAGE.NO_DATA))
            .set(SESSION_COVERAGE.HELD_SLOTS, DSL.excluded(SESSION_COVERAGE.HELD_SLOTS))
            .set(SESSION_COVERAGE.EMPTY_SLOTS, DSL.excluded(SESSION_COVERAGE.EMPTY_SLOTS))
            .getSQL(ParamType.INDEXED);
    /** A vendor's explicit "no data" verdict stays until a source says otherwise (or it is asked again). */
    private static final String DROP = DSL.using(SQLDialect.SQLITE).deleteFrom(SESSION_COVERAGE)
            .where(SESSION_COVERAGE.SYMBOL_ID.eq((Long) null)).and(SESSION_COVERAGE.SESSION_DATE.eq((Long) null))
            .and(SESSION_COVERAGE.NO_DATA.ne(DSL.inline(NO_DATA)))
            .getSQL(ParamType.INDEXED);

    private final TradingCalendar calendar;
    private final WriterStatements statements;

    CoverageLedger(TradingCalendar calendar, WriterStatements statements) {
        this.calendar = calendar;
        this.statements = statements;
    }

    /**
     * Recounts the ledger rows of the sessions in [from, to); call inside the write transaction.
     *
     * @param noData       the vendor said explicitly it has nothing for [from, to): sessions holding nothing get a
     *                     {@link #NO_DATA} row; otherwise a session holding nothing has no row (it is missing)
     * @param suspectDates {@link Session#dateKey() date keys} of sessions answered with zero-trade rows only
     * @param noEmpties    this transaction left no empty marker in [from, to) (it deleted them all and wrote none):
     *                     they need no counting
     * @param written      when not null, the bars this transaction wrote into sessions that held no bar before:
     *                     they are exactly what the sessions hold now, so they are counted here instead of read back
     *                     (a month's backfill asks 21 counting queries less), slot masks included
     */
    void recount(Connection c, long symbolId, Instant from, Instant to, boolean noData, Set<Integer> suspectDates,
                 boolean noEmpties, Instant now, List<Bar> written) throws SQLException {
        LocalDate first = from.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate last = to.minusSeconds(1).atZone(Session.NEW_YORK).toLocalDate();
        List<Session> sessions = calendar.sessions(first, last);
        if (sessions.isEmpty()) {
            return;
        }
        Map<Long, byte[]> writtenMasks = written != null ? new HashMap<>() : null;
        Map<Long, long[]> held = written != null ? countWritten(sessions, written, writtenMasks)
                : countBySession(statements.on(c, COUNT_BARS), symbolId, sessions);
        Map<Long, long[]> empty = noEmpties ? Map.of()
                : countBySession(statements.on(c, COUNT_EMPTIES), symbolId, sessions);
        PreparedStatement upsert = statements.on(c, UPSERT);
        PreparedStatement drop = statements.on(c, DROP);
        try {
            int rows = 0;
            int drops = 0;
            for (Session s : sessions) {
                long[] h = held.get(s.open().getEpochSecond());
                long[] e = empty.getOrDefault(s.open().getEpochSecond(), NONE);
                if (h[0] + e[0] == 0 && !noData) {
                    drop.setLong(1, symbolId);
                    drop.setLong(2, s.dateKey());
                    drop.addBatch();
                    drops++;
                    continue;
                }
                long verdict = h[0] + e[0] == 0 ? NO_DATA
                        : h[0] == 0 && suspectDates.contains(s.dateKey()) ? SUSPECT : ANSWERED;
                boolean isFinal = s.settledBy(now) && (verdict == ANSWERED || NoTradeVerdict.isFinal(s, now));
                int p = 0;
                upsert.setLong(++p, symbolId);
                upsert.setLong(++p, s.dateKey());
                upsert.setLong(++p, s.expectedBars());
                upsert.setLong(++p, h[0]);
                upsert.setLong(++p, e[0]);
                setLongOrNull(upsert, ++p, h[0] == 0 ? null : h[1]);
                setLongOrNull(upsert, ++p, h[0] == 0 ? null : h[2]);
                upsert.setLong(++p, now.getEpochSecond());
                upsert.setLong(++p, isFinal ? 1 : 0);
                upsert.setString(++p, calendar.version());
                upsert.setLong(++p, verdict);
                // Only a partial session carries masks (about 3 % of them): a complete one says it all by its
                // counts. The counts come first and cheaply (an aggregate, or the written bars); the start times
                // are read back only for the partial sessions, so a write of whole sessions pays nothing more.
                boolean partial = h[0] + e[0] < s.expectedBars();
                setBytesOrNull(upsert, ++p, !partial || h[0] == 0 ? null : writtenMasks != null
                        ? writtenMasks.get(s.open().getEpochSecond())
                        : SlotMask.read(statements.on(c, SlotMask.BAR_STARTS), symbolId, s));
                setBytesOrNull(upsert, ++p, !partial || e[0] == 0 ? null
                        : SlotMask.read(statements.on(c, SlotMask.EMPTY_STARTS), symbolId, s));
                upsert.addBatch();
                rows++;
            }
            if (rows > 0) {
                upsert.executeBatch();
            }
            if (drops > 0) {
                drop.executeBatch();
            }
        } catch (SQLException | RuntimeException e) {
            // The statements are kept for the next write: nothing of this one may stay in their batches.
            upsert.clearBatch();
            drop.clearBatch();
            throw e;
        }
    }

    private static void setBytesOrNull(PreparedStatement ps, int index, byte[] value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARBINARY);
        } else {
            ps.setBytes(index, value);
        }
    }

    private static void setLongOrNull(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /**
     * Per session (keyed by its open): {count, min ts, max ts}. One indexed range query a session: cheaper than a
     * GROUP BY over the whole range, which has to sort.
     */
    private static Map<Long, long[]> countBySession(PreparedStatement ps, long symbolId, List<Session> sessions)
            throws SQLException {
        Map<Long, long[]> out = new HashMap<>();
        ps.setLong(1, symbolId);
        for (Session s : sessions) {
            ps.setLong(2, s.open().getEpochSecond());
            ps.setLong(3, s.close().getEpochSecond());
            try (ResultSet rs = ps.executeQuery()) {
                long count = rs.next() ? rs.getLong(1) : 0;
                out.put(s.open().getEpochSecond(), new long[] {count, count == 0 ? 0 : rs.getLong(2),
                        count == 0 ? 0 : rs.getLong(3)});
            }
        }
        return out;
    }

    /** As {@link #countBySession}, over {@code bars} (any order; a start given twice is one row). */
    static Map<Long, long[]> countWritten(List<Session> sessions, List<Bar> bars) {
        return countWritten(sessions, bars, null);
    }

    /**
     * As {@link #countWritten(List, List)}, also putting into {@code masks} (when not null) the slot mask of each
     * session the bars do not fill: the starts are at hand here, so the mask costs no read.
     */
    static Map<Long, long[]> countWritten(List<Session> sessions, List<Bar> bars, Map<Long, byte[]> masks) {
        long[] starts = new long[bars.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = bars.get(i).epochSecond();
        }
        java.util.Arrays.sort(starts);
        Map<Long, long[]> out = new HashMap<>();
        int i = 0;
        for (Session s : sessions) {
            long open = s.open().getEpochSecond();
            long close = s.close().getEpochSecond();
            while (i < starts.length && starts[i] < open) {
                i++;
            }
            long[] row = new long[3];
            int first = i;
            for (; i < starts.length && starts[i] < close; i++) {
                if (row[0] == 0 || starts[i] != row[2]) {
                    row[1] = row[0] == 0 ? starts[i] : row[1];
                    row[2] = starts[i];
                    row[0]++;
                }
            }
            if (masks != null && row[0] > 0 && row[0] < s.expectedBars()) {
                byte[] mask = SlotMask.empty(s);
                for (int k = first; k < i; k++) {
                    SlotMask.set(mask, s, starts[k]);
                }
                masks.put(open, mask);
            }
            out.put(open, row);
        }
        return out;
    }

    private static String countSql(Table<?> table, Field<Long> symbolField, Field<Long> ts) {
        return DSL.using(SQLDialect.SQLITE).select(DSL.count(), DSL.min(ts), DSL.max(ts))
                .from(table)
                .where(symbolField.eq((Long) null)).and(ts.ge((Long) null)).and(ts.lt((Long) null))
                .getSQL(ParamType.INDEXED);
    }
}
