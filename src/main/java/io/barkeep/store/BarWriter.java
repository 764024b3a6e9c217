package io.barkeep.store;

import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Writes one {@link BarBatch} inside the writer's open transaction: bars upserted (the same bar twice changes
 * nothing, a corrected bar replaces the old one), empty markers following the newest answer, and the ledger rows
 * of the touched sessions recounted. The statements are rendered once with jOOQ and run through plain JDBC: a
 * month of bars is one native batch, and jOOQ's per-statement cost would exceed the upsert's own.
 */
final class BarWriter {
    private static final Field<Long> TS = BARS_5M.TS;

    /** Rows per multi-row upsert: one statement step per 16 bars instead of per bar (about 25% faster). */
    private static final int ROWS_PER_STATEMENT = 16;
    private static final int COLUMNS = 9;
    /** The two upserts in SQLite's and in PostgreSQL's words (they differ only in how "changed" is said). */
    private static final Map<SQLDialect, String[]> UPSERTS = Map.of(
            SQLDialect.SQLITE, new String[] {upsertSql(SQLDialect.SQLITE, 1),
                upsertSql(SQLDialect.SQLITE, ROWS_PER_STATEMENT)},
            SQLDialect.POSTGRES, new String[] {upsertSql(SQLDialect.POSTGRES, 1),
                upsertSql(SQLDialect.POSTGRES, ROWS_PER_STATEMENT)});

    /**
     * The start of a symbol's newest bar, a constant statement: the watchlist asks it of every symbol at once, and
     * building the query with jOOQ each time cost more than the answer. Parameter: symbol id.
     */
    static final String NEWEST_START = DSL.using(SQLDialect.SQLITE).select(DSL.max(BARS_5M.TS)).from(BARS_5M)
            .where(BARS_5M.SYMBOL_ID.eq((Long) null)).getSQL(ParamType.INDEXED);

    static final String SELECT_RANGE = DSL.using(SQLDialect.SQLITE)
            .select(TS, BARS_5M.OPEN, BARS_5M.HIGH, BARS_5M.LOW, BARS_5M.CLOSE,
                    BARS_5M.VOLUME, DSL.coalesce(BARS_5M.TRADES, DSL.inline(Bar.UNKNOWN)),
                    DSL.coalesce(BARS_5M.VWAP, DSL.inline(Bar.UNKNOWN)))
            .from(BARS_5M)
            .where(BARS_5M.SYMBOL_ID.eq((Long) null)).and(TS.ge((Long) null)).and(TS.lt((Long) null))
            .orderBy(TS)
            .getSQL(ParamType.INDEXED);

    private static final Condition EMPTIES_IN_RANGE = EMPTY_BARS.SYMBOL_ID.eq((Long) null)
            .and(EMPTY_BARS.TS.ge((Long) null)).and(EMPTY_BARS.TS.lt((Long) null));
    private static final String DELETE_EMPTIES_IN_RANGE = DSL.using(SQLDialect.SQLITE).deleteFrom(EMPTY_BARS)
            .where(EMPTIES_IN_RANGE).getSQL(ParamType.INDEXED);
    /** EXISTS, not IN: evaluated only for the (usually zero) empty markers in range. */
    private static final String DELETE_EMPTIES_UNDER_BARS = DSL.using(SQLDialect.SQLITE).deleteFrom(EMPTY_BARS)
            .where(EMPTIES_IN_RANGE).andExists(DSL.selectOne().from(BARS_5M)
                    .where(BARS_5M.SYMBOL_ID.eq(EMPTY_BARS.SYMBOL_ID)).and(TS.eq(EMPTY_BARS.TS)))
            .getSQL(ParamType.INDEXED);
    private static final String UPSERT_EMPTY = DSL.using(SQLDialect.SQLITE)
            .insertInto(EMPTY_BARS, EMPTY_BARS.SYMBOL_ID, EMPTY_BARS.TS, EMPTY_BARS.VWAP)
            .values((Long) null, null, null)
            .onConflict(EMPTY_BARS.SYMBOL_ID, EMPTY_BARS.TS).doUpdate()
            .set(EMPTY_BARS.VWAP, DSL.excluded(EMPTY_BARS.VWAP))
            .getSQL(ParamType.INDEXED);
    private static final String DELETE_BAR = DSL.using(SQLDialect.SQLITE).deleteFrom(BARS_5M)
            .where(BARS_5M.SYMBOL_ID.eq((Long) null)).and(TS.eq((Long) null))
            .getSQL(ParamType.INDEXED);

    /** The last bar before a time, and the first at or after it: the split check's neighbours of a write. */
    private static final String BAR_BEFORE = neighbourSql(true);
    private static final String BAR_FROM = neighbourSql(false);

    private final TradingCalendar calendar;
    private final CoverageLedger ledger;
    private final WriterStatements statements;

    private final String upsertOneSql;
    private final String upsertManySql;

    BarWriter(TradingCalendar calendar, CoverageLedger ledger, WriterStatements statements, SQLDialect dialect) {
        this.calendar = calendar;
        this.ledger = ledger;
        this.statements = statements;
        this.upsertOneSql = UPSERTS.get(dialect)[0];
        this.upsertManySql = UPSERTS.get(dialect)[1];
    }

    /** The batch's bars by start, each checked to lie in the range on a session's 5-minute grid. */
    List<Bar> sortedCheckedBars(BarBatch batch) {
        List<Bar> bars = new ArrayList<>(batch.bars());
        bars.sort(Comparator.comparing(Bar::start));
        for (Bar b : bars) {
            checkStart("bar", b.start(), batch);
        }
        // An empty marker deletes the traded bar at its time: outside the range it would escape the ledger
        // recount and the cache invalidation of this write.
        for (EmptyBar e : batch.empties()) {
            checkStart("empty marker", e.start(), batch);
        }
        return bars;
    }

    private void checkStart(String what, Instant start, BarBatch batch) {
        if (start.isBefore(batch.from()) || !start.isBefore(batch.to())) {
            throw new IllegalArgumentException(what + " " + start + " lies outside its batch range");
        }
        if (calendar.sessionAt(start).filter(s -> s.holdsBarStart(start.getEpochSecond())).isEmpty()) {
            throw new IllegalArgumentException(what + " " + start + " is not a 5-minute bar of a session");
        }
    }

    /**
     * Writes {@code batch} (its bars sorted by start and checked) for {@code symbolId}; returns the bars that were
     * new or changed. {@code heldNothing}: the caller read the batch's range in this transaction and found no bar,
     * so the ledger may count the written bars instead of reading them back.
     */
    int write(Connection c, long symbolId, BarBatch batch, List<Bar> bars, Set<Integer> suspectDates, Instant now,
              boolean heldNothing) throws SQLException {
        return write(c, symbolId, batch, ledger.sessions(batch.from(), batch.to()), bars, suspectDates, now,
                heldNothing);
    }

    /**
     * As {@link #write(Connection, long, BarBatch, List, Set, Instant, boolean)}, with the batch's sessions (those
     * {@link CoverageLedger#sessions} gives for its range) at hand: the ledger need not ask the calendar again.
     */
    int write(Connection c, long symbolId, BarBatch batch, List<Session> sessions, List<Bar> bars,
              Set<Integer> suspectDates, Instant now, boolean heldNothing) throws SQLException {
        int changed = 0;
        int whole = bars.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        changed += upsert(statement(c, upsertManySql), ROWS_PER_STATEMENT, symbolId, bars.subList(0, whole));
        changed += upsert(statement(c, upsertOneSql), 1, symbolId, bars.subList(whole, bars.size()));
        long from = batch.from().getEpochSecond();
        long to = batch.to().getEpochSecond();
        if (batch.authoritative()) {
            runPrepared(statement(c, DELETE_EMPTIES_IN_RANGE), symbolId, from, to);
        }
        if (!batch.empties().isEmpty()) {
            changed += writeEmpties(c, symbolId, batch.empties());
        }
        if (!bars.isEmpty() && !(batch.authoritative() && batch.empties().isEmpty())) {
            // ...and a traded bar replaces an older "no trade" answer (unless the range holds none any more).
            runPrepared(statement(c, DELETE_EMPTIES_UNDER_BARS), symbolId, from, to);
        }
        boolean noEmpties = batch.authoritative() && batch.empties().isEmpty();
        ledger.recount(c, symbolId, sessions, batch.noData(), suspectDates, noEmpties, now,
                heldNothing && noEmpties ? bars : null);
        return changed;
    }

    /** {@code sql} prepared on the writer connection {@code c}, once per connection. */
    private PreparedStatement statement(Connection c, String sql) throws SQLException {
        return statements.on(c, sql);
    }

    /**
     * {@code written} (oldest first) between the stored bar just before {@code from} and the first one at or after
     * {@code to}, read on the writer connection {@code c} inside the write's transaction: what the suspected-split
     * check weighs after the commit. (Read after the commit on a reader, the three queries cost a tenth of a month's
     * write: each reader transaction after a commit starts with a cold page cache.)
     */
    List<Bar> withNeighbours(Connection c, long symbolId, Instant from, Instant to, List<Bar> written)
            throws SQLException {
        if (written.isEmpty()) {
            return List.of();
        }
        List<Bar> out = new ArrayList<>(written.size() + 2);
        neighbour(statement(c, BAR_BEFORE), symbolId, from.getEpochSecond(), out);
        out.addAll(written);
        neighbour(statement(c, BAR_FROM), symbolId, to.getEpochSecond(), out);
        return out;
    }

    /** Adds the bar {@code ps} ({@link #BAR_BEFORE} or {@link #BAR_FROM}) finds, if any, to {@code out}. */
    private static void neighbour(PreparedStatement ps, long symbolId, long ts, List<Bar> out) throws SQLException {
        ps.setLong(1, symbolId);
        ps.setLong(2, ts);
        try (ResultSet r = ps.executeQuery()) {
            if (r.next()) {
                out.add(Bar.of(Instant.ofEpochSecond(r.getLong(1)), r.getLong(2), r.getLong(3), r.getLong(4),
                        r.getLong(5), r.getLong(6)));
            }
        }
    }

    private static String neighbourSql(boolean before) {
        return DSL.using(SQLDialect.SQLITE).select(TS, BARS_5M.OPEN, BARS_5M.HIGH, BARS_5M.LOW, BARS_5M.CLOSE,
                        BARS_5M.VOLUME).from(BARS_5M)
                .where(BARS_5M.SYMBOL_ID.eq((Long) null)).and(before ? TS.lt((Long) null) : TS.ge((Long) null))
                .orderBy(before ? TS.desc() : TS.asc()).limit(DSL.inline(1)).getSQL(ParamType.INDEXED);
    }

    /** The stored bars of {@code symbolId} with from <= start < to, read on the writer connection {@code c}. */
    List<Bar> storedRange(Connection c, long symbolId, long from, long to) throws SQLException {
        return readRange(statement(c, SELECT_RANGE), symbolId, from, to);
    }

    /** Records the zero-trade rows; returns how many traded bars they replaced. */
    private static int writeEmpties(Connection c, long symbolId, List<EmptyBar> empties) throws SQLException {
        int changed = 0;
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_EMPTY);
             PreparedStatement delete = c.prepareStatement(DELETE_BAR)) {
            for (EmptyBar e : empties) {
                upsert.setLong(1, symbolId);
                upsert.setLong(2, e.epochSecond());
                setNullable(upsert, 3, e.vwap());
                upsert.addBatch();
                // The newest answer wins: "no trade" replaces a traded bar the vendor no longer has.
                delete.setLong(1, symbolId);
                delete.setLong(2, e.epochSecond());
                delete.addBatch();
            }
            upsert.executeBatch();
            for (int n : delete.executeBatch()) {
                changed += Math.max(n, 0);
            }
        }
        return changed;
    }

    private static void runPrepared(PreparedStatement ps, long symbolId, long from, long to) throws SQLException {
        ps.setLong(1, symbolId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        ps.executeUpdate();
    }

    /** Upserts {@code bars} (a multiple of {@code perStatement}) as one JDBC batch; returns rows changed. */
    private static int upsert(PreparedStatement ps, int perStatement, long symbolId, List<Bar> bars)
            throws SQLException {
        if (bars.isEmpty()) {
            return 0;
        }
        int changed = 0;
        try {
            for (int n : bindAndRun(ps, perStatement, symbolId, bars)) {
                changed += Math.max(n, 0);
            }
        } catch (SQLException | RuntimeException e) {
            ps.clearBatch();
            throw e;
        }
        return changed;
    }

    /**
     * Binds {@code bars} ({@code perStatement} rows per statement of the bar upsert's nine columns) as one JDBC
     * batch and runs it: the write path's loop, and the benchmark's plain-JDBC floor's.
     */
    static int[] bindAndRun(PreparedStatement ps, int perStatement, long symbolId, List<Bar> bars)
            throws SQLException {
        int p = 0;
        for (Bar b : bars) {
            ps.setLong(++p, symbolId);
            ps.setLong(++p, b.epochSecond());
            ps.setLong(++p, b.open());
            ps.setLong(++p, b.high());
            ps.setLong(++p, b.low());
            ps.setLong(++p, b.close());
            ps.setLong(++p, b.volume());
            setNullable(ps, ++p, b.trades());
            setNullable(ps, ++p, b.vwap());
            if (p == perStatement * COLUMNS) {
                ps.addBatch();
                p = 0;
            }
        }
        return ps.executeBatch();
    }

    private static void setNullable(PreparedStatement ps, int index, long value) throws SQLException {
        if (value == Bar.UNKNOWN) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** {@code rows} bars per statement; a bar that exists is rewritten only if it differs. */
    private static String upsertSql(SQLDialect dialect, int rows) {
        var insert = DSL.using(dialect)
                .insertInto(BARS_5M, BARS_5M.SYMBOL_ID, TS, BARS_5M.OPEN,
                        BARS_5M.HIGH, BARS_5M.LOW, BARS_5M.CLOSE, BARS_5M.VOLUME,
                        BARS_5M.TRADES, BARS_5M.VWAP)
                .values((Long) null, null, null, null, null, null, null, null, null);
        for (int i = 1; i < rows; i++) {
            insert = insert.values((Long) null, null, null, null, null, null, null, null, null);
        }
        return insert.onConflict(BARS_5M.SYMBOL_ID, TS)
                .doUpdate()
                .set(BARS_5M.OPEN, DSL.excluded(BARS_5M.OPEN))
                .set(BARS_5M.HIGH, DSL.excluded(BARS_5M.HIGH))
                .set(BARS_5M.LOW, DSL.excluded(BARS_5M.LOW))
                .set(BARS_5M.CLOSE, DSL.excluded(BARS_5M.CLOSE))
                .set(BARS_5M.VOLUME, DSL.excluded(BARS_5M.VOLUME))
                .set(BARS_5M.TRADES, DSL.excluded(BARS_5M.TRADES))
                .set(BARS_5M.VWAP, DSL.excluded(BARS_5M.VWAP))
                // A repeated write touches no page and reports 0 changes.
                .where(changed(BARS_5M.OPEN).or(changed(BARS_5M.HIGH))
                        .or(changed(BARS_5M.LOW)).or(changed(BARS_5M.CLOSE))
                        .or(changed(BARS_5M.VOLUME)).or(changed(BARS_5M.TRADES))
                        .or(changed(BARS_5M.VWAP)))
                .getSQL(ParamType.INDEXED);
    }

    private static Condition changed(Field<Long> field) {
        return field.isDistinctFrom(DSL.excluded(field));
    }

    /** The stored bars of {@code symbolId} with from <= start < to, oldest first, on {@code c}. */
    /** The start (epoch seconds) of the symbol's newest bar through a prepared {@link #NEWEST_START}; null: none. */
    static Long newestStart(PreparedStatement newestStart, long symbolId) throws SQLException {
        newestStart.setLong(1, symbolId);
        try (ResultSet rs = newestStart.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long start = rs.getLong(1);
            return rs.wasNull() ? null : start;
        }
    }

    static List<Bar> readRange(Connection c, long symbolId, long from, long to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_RANGE)) {
            return readRange(ps, symbolId, from, to);
        }
    }

    private static List<Bar> readRange(PreparedStatement ps, long symbolId, long from, long to) throws SQLException {
        ps.setLong(1, symbolId);
        ps.setLong(2, from);
        ps.setLong(3, to);
        try (ResultSet rs = ps.executeQuery()) {
            List<Bar> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Bar(Instant.ofEpochSecond(rs.getLong(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
            return out;
        }
    }
}
