package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Bar;
import io.barkeep.domain.NoTradeVerdict;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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

    private static final String COUNT_BARS = countSql(BARS_5M, BARS_5M.SYMBOL_ID, BARS_5M.TS);
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

    /** The sessions a write of [from, to) touches: those whose New York date lies from {@code from}'s to {@code to}'s. */
    List<Session> sessions(Instant from, Instant to) {
        LocalDate first = from.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate last = to.minusSeconds(1).atZone(Session.NEW_YORK).toLocalDate();
        return calendar.sessions(first, last);
    }

    /**
     * Recounts the ledger rows of {@code sessions} (ascending: those {@link #sessions} gives for the written range);
     * call inside the write transaction.
     *
     * @param noData       the vendor said explicitly it has nothing for the range: sessions holding nothing get a
     *                     {@link #NO_DATA} row; otherwise a session holding nothing has no row (it is missing)
     * @param suspectDates {@link Session#dateKey() date keys} of sessions answered with zero-trade rows only
     * @param noEmpties    this transaction left no empty marker in the range (it deleted them all and wrote none):
     *                     they need no counting
     * @param written      when not null, the bars this transaction wrote into sessions that held no bar before:
     *                     they are exactly what the sessions hold now, so they are counted here instead of read back
     *                     (a month's backfill reads nothing back), slot masks included
     */
    void recount(Connection c, long symbolId, List<Session> sessions, boolean noData, Set<Integer> suspectDates,
                 boolean noEmpties, Instant now, List<Bar> written) throws SQLException {
        if (sessions.isEmpty()) {
            return;
        }
        SessionCounts held = written != null ? SessionCounts.of(sessions, starts(written))
                : SessionCounts.count(statements.on(c, COUNT_BARS), symbolId, sessions);
        SessionCounts empty = noEmpties ? SessionCounts.none(sessions)
                : SessionCounts.count(statements.on(c, COUNT_EMPTIES), symbolId, sessions);
        PreparedStatement upsert = statements.on(c, UPSERT);
        PreparedStatement drop = statements.on(c, DROP);
        try {
            int rows = 0;
            int drops = 0;
            for (int i = 0; i < sessions.size(); i++) {
                Session s = sessions.get(i);
                long h = held.count(i);
                long e = empty.count(i);
                if (h + e == 0 && !noData) {
                    drop.setLong(1, symbolId);
                    drop.setLong(2, s.dateKey());
                    drop.addBatch();
                    drops++;
                    continue;
                }
                long verdict = h + e == 0 ? NO_DATA
                        : h == 0 && suspectDates.contains(s.dateKey()) ? SUSPECT : ANSWERED;
                boolean isFinal = s.settledBy(now) && (verdict == ANSWERED || NoTradeVerdict.isFinal(s, now));
                int p = 0;
                upsert.setLong(++p, symbolId);
                upsert.setLong(++p, s.dateKey());
                upsert.setLong(++p, s.expectedBars());
                upsert.setLong(++p, h);
                upsert.setLong(++p, e);
                setLongOrNull(upsert, ++p, h == 0 ? null : held.first(i));
                setLongOrNull(upsert, ++p, h == 0 ? null : held.last(i));
                upsert.setLong(++p, now.getEpochSecond());
                upsert.setLong(++p, isFinal ? 1 : 0);
                upsert.setString(++p, calendar.version());
                upsert.setLong(++p, verdict);
                // Only a partial session carries masks (about 3 % of them): a complete one says it all by its
                // counts. The counts come first and cheaply (an aggregate, or the written bars); the start times
                // are read back only for the partial sessions, so a write of whole sessions pays nothing more.
                boolean partial = h + e < s.expectedBars();
                setBytesOrNull(upsert, ++p, !partial || h == 0 ? null : held.masksKnown() ? held.mask(i)
                        : SlotMask.read(statements.on(c, SlotMask.BAR_STARTS), symbolId, s));
                setBytesOrNull(upsert, ++p, !partial || e == 0 ? null : empty.masksKnown() ? empty.mask(i)
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

    /** The starts of {@code bars}, ascending. */
    private static long[] starts(List<Bar> bars) {
        long[] starts = new long[bars.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = bars.get(i).epochSecond();
        }
        Arrays.sort(starts);
        return starts;
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

    private static String countSql(Table<?> table, Field<Long> symbolField, Field<Long> ts) {
        return DSL.using(SQLDialect.SQLITE).select(DSL.count(), DSL.min(ts), DSL.max(ts))
                .from(table)
                .where(symbolField.eq((Long) null)).and(ts.ge((Long) null)).and(ts.lt((Long) null))
                .getSQL(ParamType.INDEXED);
    }
}
