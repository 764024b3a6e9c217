package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SAFETY_EVENTS;
import static io.barkeep.store.schema.Tables.SYMBOLS;

import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.SplitDetector;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs after every bar write: the written bars with the bar just before and just after them go through
 * {@link SplitDetector}; each new suspicion becomes one {@value #KIND} safety event (never twice for the same
 * symbol and date). Nothing is adjusted: the user adds the split if it is one.
 */
public final class SplitWatch {
    /** The safety event kind of a suspected split. */
    public static final String KIND = "suspected_split";
    private static final Logger LOG = LoggerFactory.getLogger(SplitWatch.class);

    /*
     * Rendered once and run through plain JDBC: this check runs after every write, and rendering three jOOQ queries
     * each time cost about a sixth of a month's write (the benchmark's insert figure).
     */
    private static final String SYMBOL_ID = DSL.using(SQLDialect.SQLITE).select(SYMBOLS.ID).from(SYMBOLS)
            .where(SYMBOLS.SYMBOL.eq((String) null)).getSQL(ParamType.INDEXED);
    private static final String BAR_BEFORE = neighbourSql(true);
    private static final String BAR_FROM = neighbourSql(false);

    private final Database db;
    private final ActionRepository actions;
    private final SafetyEventRepository events;
    private final Clock clock;

    public SplitWatch(Database db, ActionRepository actions, SafetyEventRepository events, Clock clock) {
        this.db = db;
        this.actions = actions;
        this.events = events;
        this.clock = clock;
    }

    /** Checks the overnight moves a write touched; never fails the write. */
    public void afterWrite(BarBatch batch) {
        if (batch.bars().isEmpty()) {
            return;
        }
        try {
            List<Bar> seq = new ArrayList<>(batch.bars());
            seq.sort(Comparator.comparing(Bar::start));
            db.readJdbc(c -> {
                try (PreparedStatement find = c.prepareStatement(SYMBOL_ID)) {
                    find.setString(1, batch.symbol());
                    try (ResultSet rs = find.executeQuery()) {
                        if (rs.next()) {
                            long id = rs.getLong(1);
                            neighbour(c, BAR_BEFORE, id, batch.from().getEpochSecond()).ifPresent(b -> seq.add(0, b));
                            neighbour(c, BAR_FROM, id, batch.to().getEpochSecond()).ifPresent(seq::add);
                        }
                    }
                }
                return null;
            });
            // Nearly every write has no jump at all: the known splits are read only when there is one to weigh.
            List<SuspectedSplit> suspects = SplitDetector.scan(batch.symbol(), seq, Set.of());
            if (suspects.isEmpty()) {
                return;
            }
            Set<LocalDate> known = actions.of(batch.symbol()).stream().filter(CorporateAction::isSplit)
                    .map(CorporateAction::exDate).collect(Collectors.toSet());
            for (SuspectedSplit s : SplitDetector.scan(batch.symbol(), seq, known)) {
                Instant on = s.date().atStartOfDay(Session.NEW_YORK).toInstant();
                if (!alreadyRaised(s.symbol(), on)) {
                    events.record(new SafetyEvent(clock.instant(), KIND, s.symbol(), null, on, on, s.message()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("split check after writing {} failed: {}", batch.symbol(), e.toString());
        }
    }

    private boolean alreadyRaised(String symbol, Instant on) {
        return db.read(dsl -> dsl.fetchExists(SAFETY_EVENTS, SAFETY_EVENTS.KIND.eq(KIND)
                .and(SAFETY_EVENTS.SYMBOL.eq(symbol)).and(SAFETY_EVENTS.RANGE_FROM.eq(on.getEpochSecond()))));
    }

    /** The last bar before {@code ts} ({@link #BAR_BEFORE}) or the first at or after it ({@link #BAR_FROM}). */
    private static Optional<Bar> neighbour(Connection c, String sql, long id, long ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setLong(2, ts);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? Optional.of(Bar.of(Instant.ofEpochSecond(r.getLong(1)), r.getLong(2), r.getLong(3),
                        r.getLong(4), r.getLong(5), r.getLong(6))) : Optional.empty();
            }
        }
    }

    private static String neighbourSql(boolean before) {
        var m = BARS_5M;
        return DSL.using(SQLDialect.SQLITE).select(m.TS, m.OPEN, m.HIGH, m.LOW, m.CLOSE, m.VOLUME).from(m)
                .where(m.SYMBOL_ID.eq((Long) null)).and(before ? m.TS.lt((Long) null) : m.TS.ge((Long) null))
                .orderBy(before ? m.TS.desc() : m.TS.asc()).limit(DSL.inline(1)).getSQL(ParamType.INDEXED);
    }
}
