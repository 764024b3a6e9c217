package io.barkeep.store;

import static io.barkeep.store.schema.Tables.CORPORATE_ACTIONS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SYMBOLS;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The {@code corporate_actions} table: splits and cash dividends per symbol, with their source and when they were
 * learnt. Storing is idempotent (the same action twice is one row, untouched); a corrected action (same symbol,
 * ex-date and kind, other numbers) replaces the old one and is logged as an {@code action_corrected} event.
 * Every change drops the symbol's blocks from the hot cache, so no read mixes bases.
 */
public final class ActionRepository {
    /** The safety event kind of a correction. */
    public static final String CORRECTED = "action_corrected";

    private final Database db;
    private final BarStore bars;
    private final SafetyEventRepository events;

    public ActionRepository(Database db, BarStore bars, SafetyEventRepository events) {
        this.db = db;
        this.bars = bars;
        this.events = events;
    }

    /** Stores {@code actions} in one transaction; returns what changed. */
    public StoreResult store(List<CorporateAction> actions) {
        List<CorporateAction[]> corrected = new ArrayList<>();
        int[] added = {0};
        db.writer().run(dsl -> {
            for (CorporateAction a : actions) {
                Optional<CorporateAction> old = find(dsl, a);
                if (old.isPresent() && old.get().sameFacts(a)) {
                    continue;
                }
                dsl.insertInto(CORPORATE_ACTIONS).set(CORPORATE_ACTIONS.SYMBOL, a.symbol())
                        .set(CORPORATE_ACTIONS.EX_DATE, yyyymmdd(a.exDate()))
                        .set(CORPORATE_ACTIONS.KIND, a.kind().label())
                        .set(CORPORATE_ACTIONS.SPLIT_NEW, a.isSplit() ? (long) a.splitNew() : null)
                        .set(CORPORATE_ACTIONS.SPLIT_OLD, a.isSplit() ? (long) a.splitOld() : null)
                        .set(CORPORATE_ACTIONS.DIVIDEND_MICROS, a.isSplit() ? null : a.dividendMicros())
                        .set(CORPORATE_ACTIONS.SOURCE, a.source())
                        .set(CORPORATE_ACTIONS.LEARNT_AT, a.learntAt().getEpochSecond())
                        .onConflict(CORPORATE_ACTIONS.SYMBOL, CORPORATE_ACTIONS.EX_DATE, CORPORATE_ACTIONS.KIND)
                        .doUpdate()
                        .set(CORPORATE_ACTIONS.SPLIT_NEW, DSL.excluded(CORPORATE_ACTIONS.SPLIT_NEW))
                        .set(CORPORATE_ACTIONS.SPLIT_OLD, DSL.excluded(CORPORATE_ACTIONS.SPLIT_OLD))
                        .set(CORPORATE_ACTIONS.DIVIDEND_MICROS, DSL.excluded(CORPORATE_ACTIONS.DIVIDEND_MICROS))
                        .set(CORPORATE_ACTIONS.SOURCE, DSL.excluded(CORPORATE_ACTIONS.SOURCE))
                        .set(CORPORATE_ACTIONS.LEARNT_AT, DSL.excluded(CORPORATE_ACTIONS.LEARNT_AT))
                        .execute();
                if (old.isPresent()) {
                    corrected.add(new CorporateAction[] {old.get(), a});
                } else {
                    added[0]++;
                }
            }
            return null;
        });
        for (CorporateAction[] c : corrected) {
            Instant on = c[1].exDate().atStartOfDay(Session.NEW_YORK).toInstant();
            events.record(new SafetyEvent(c[1].learntAt(), CORRECTED, c[1].symbol(), c[1].source(), on, on,
                    c[0].describe() + " (" + c[0].source() + ") corrected to " + c[1].value() + " ("
                            + c[1].source() + ")"));
        }
        actions.stream().map(CorporateAction::symbol).distinct().forEach(bars::invalidateSymbol);
        return new StoreResult(added[0], corrected.size(), actions.size() - added[0] - corrected.size());
    }

    /** Removes one action; false when there was none. */
    public boolean remove(String symbol, LocalDate exDate, CorporateAction.Kind kind) {
        int n = db.writer().run(dsl -> dsl.deleteFrom(CORPORATE_ACTIONS).where(CORPORATE_ACTIONS.SYMBOL.eq(symbol))
                .and(CORPORATE_ACTIONS.EX_DATE.eq(yyyymmdd(exDate))).and(CORPORATE_ACTIONS.KIND.eq(kind.label()))
                .execute());
        bars.invalidateSymbol(symbol);
        return n > 0;
    }

    /** The actions of {@code symbol}, oldest first. */
    public List<CorporateAction> of(String symbol) {
        return db.read(dsl -> dsl.selectFrom(CORPORATE_ACTIONS).where(CORPORATE_ACTIONS.SYMBOL.eq(symbol))
                .orderBy(CORPORATE_ACTIONS.EX_DATE, CORPORATE_ACTIONS.KIND).fetch(ActionRepository::action));
    }

    /** Every action, by symbol then date. */
    public List<CorporateAction> all() {
        return db.read(dsl -> dsl.selectFrom(CORPORATE_ACTIONS)
                .orderBy(CORPORATE_ACTIONS.SYMBOL, CORPORATE_ACTIONS.EX_DATE, CORPORATE_ACTIONS.KIND)
                .fetch(ActionRepository::action));
    }

    /**
     * The raw close (ticks) of the last bar before each of {@code dates} (New York midnight), where one is held:
     * the C of a dividend's factor 1 - D / C.
     */
    public Map<LocalDate, Long> closesBefore(String symbol, List<LocalDate> dates) {
        Map<LocalDate, Long> out = new HashMap<>();
        db.read(dsl -> {
            Long id = dsl.select(SYMBOLS.ID).from(SYMBOLS).where(SYMBOLS.SYMBOL.eq(symbol)).fetchOne(SYMBOLS.ID);
            if (id == null) {
                return null;
            }
            for (LocalDate d : dates) {
                long before = d.atStartOfDay(Session.NEW_YORK).toEpochSecond();
                Long close = dsl.select(BARS_5M.CLOSE).from(BARS_5M)
                        .where(BARS_5M.SYMBOL_ID.eq(id)).and(BARS_5M.TS.lt(before))
                        .orderBy(BARS_5M.TS.desc()).limit(1).fetchOne(BARS_5M.CLOSE);
                if (close != null) {
                    out.put(d, close);
                }
            }
            return null;
        });
        return out;
    }

    private static Optional<CorporateAction> find(DSLContext dsl, CorporateAction a) {
        return dsl.selectFrom(CORPORATE_ACTIONS).where(CORPORATE_ACTIONS.SYMBOL.eq(a.symbol()))
                .and(CORPORATE_ACTIONS.EX_DATE.eq(yyyymmdd(a.exDate())))
                .and(CORPORATE_ACTIONS.KIND.eq(a.kind().label())).fetchOptional(ActionRepository::action);
    }

    private static CorporateAction action(Record r) {
        long d = r.get(CORPORATE_ACTIONS.EX_DATE);
        LocalDate exDate = LocalDate.of((int) (d / 10000), (int) (d / 100 % 100), (int) (d % 100));
        Long splitNew = r.get(CORPORATE_ACTIONS.SPLIT_NEW);
        Long splitOld = r.get(CORPORATE_ACTIONS.SPLIT_OLD);
        Long micros = r.get(CORPORATE_ACTIONS.DIVIDEND_MICROS);
        return new CorporateAction(r.get(CORPORATE_ACTIONS.SYMBOL), exDate,
                CorporateAction.Kind.parse(r.get(CORPORATE_ACTIONS.KIND)), splitNew == null ? 0 : splitNew.intValue(),
                splitOld == null ? 0 : splitOld.intValue(), micros == null ? 0 : micros,
                r.get(CORPORATE_ACTIONS.SOURCE), Instant.ofEpochSecond(r.get(CORPORATE_ACTIONS.LEARNT_AT)));
    }

    private static long yyyymmdd(LocalDate d) {
        return d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth();
    }

    /** How many actions a store added, corrected, or found already known. */
    public record StoreResult(int added, int corrected, int unchanged) {
        public int changed() {
            return added + corrected;
        }
    }
}
