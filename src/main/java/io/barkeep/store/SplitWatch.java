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
import org.jooq.DSLContext;
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
            db.read(dsl -> {
                Long id = dsl.select(SYMBOLS.ID).from(SYMBOLS).where(SYMBOLS.SYMBOL.eq(batch.symbol()))
                        .fetchOne(SYMBOLS.ID);
                if (id != null) {
                    neighbour(dsl, id, batch.from().getEpochSecond(), true).ifPresent(b -> seq.add(0, b));
                    neighbour(dsl, id, batch.to().getEpochSecond(), false).ifPresent(seq::add);
                }
                return null;
            });
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

    /** The last bar before {@code ts} ({@code before}) or the first at or after it. */
    private static java.util.Optional<Bar> neighbour(DSLContext dsl, long id, long ts, boolean before) {
        var m = BARS_5M;
        return dsl.select(m.TS, m.OPEN, m.HIGH, m.LOW, m.CLOSE, m.VOLUME).from(m).where(m.SYMBOL_ID.eq(id))
                .and(before ? m.TS.lt(ts) : m.TS.ge(ts)).orderBy(before ? m.TS.desc() : m.TS.asc()).limit(1)
                .fetchOptional(r -> Bar.of(Instant.ofEpochSecond(r.value1()), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6()));
    }
}
