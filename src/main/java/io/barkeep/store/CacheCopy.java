package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.CACHE_META;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.schema.tables.records.SessionCoverageRecord;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Copies one cache into another, e.g. a trader's SQLite file into the team's PostgreSQL database (and back):
 * bars and no-trade markers a month per transaction, the coverage ledger as it was (fetch times, verdicts), the
 * watchlist, corporate actions and the feed kind. Resumable: a symbol whose counts already match is skipped, a
 * half-copied one is copied again (upserts: nothing doubles). Verified at the end by counts per symbol.
 */
public final class CacheCopy {
    /** What happened to one symbol. */
    public record SymbolResult(String symbol, long bars, long empties, boolean skipped) {
    }

    /** Hears of each symbol as it is done. */
    @FunctionalInterface
    public interface Progress {
        void done(int index, int total, SymbolResult result);
    }

    /** Bars and no-trade markers of one symbol. */
    public record Counts(long bars, long empties) {
    }

    private CacheCopy() {
    }

    /**
     * Copies {@code from} into {@code to}; returns one result per symbol.
     *
     * @throws StoreException when the target holds the other kind of feed, or the counts do not match at the end
     */
    public static List<SymbolResult> copy(CacheEngine from, CacheEngine to, Progress progress) {
        String feed = from.database().read(dsl -> dsl.select(CACHE_META.VALUE).from(CACHE_META)
                .where(CACHE_META.KEY.eq("feed")).fetchOne(CACHE_META.VALUE));
        if (feed != null) {
            to.feedGuard().claim("simulated".equals(feed), "the copy of " + from.database().name());
        }
        for (WatchlistEntry w : from.watchlist().list()) {
            to.watchlist().add(w.symbol(), w.priority(), w.notes(), w.addedAt());
            to.watchlist().update(w.symbol(), w.active(), w.priority(), w.notes());
            if (w.lastUpdated() != null) {
                to.watchlist().markUpdated(w.symbol(), w.lastUpdated());
            }
        }
        to.actions().store(from.actions().all());

        Map<String, Counts> source = counts(from.database());
        Map<String, Counts> target = counts(to.database());
        List<SymbolResult> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Counts> e : source.entrySet()) {
            String symbol = e.getKey();
            boolean same = e.getValue().equals(target.get(symbol));
            if (!same) {
                copySymbol(from, to, symbol);
            }
            SymbolResult r = new SymbolResult(symbol, e.getValue().bars(), e.getValue().empties(), same);
            out.add(r);
            progress.done(++i, source.size(), r);
        }
        Map<String, Counts> after = counts(to.database());
        List<String> wrong = source.entrySet().stream().filter(e -> !e.getValue().equals(after.get(e.getKey())))
                .map(e -> e.getKey() + " " + e.getValue() + " vs " + after.get(e.getKey())).toList();
        if (!wrong.isEmpty()) {
            throw new StoreException("the copy into " + to.database().name() + " does not match its source: "
                    + String.join("; ", wrong));
        }
        return out;
    }

    /** Bars and no-trade markers per symbol (symbols holding neither are left out). */
    public static Map<String, Counts> counts(Database db) {
        return db.read(dsl -> {
            Map<String, Counts> out = new TreeMap<>();
            dsl.select(SYMBOLS.SYMBOL, DSL.count()).from(BARS_5M).join(SYMBOLS).on(SYMBOLS.ID.eq(BARS_5M.SYMBOL_ID))
                    .groupBy(SYMBOLS.SYMBOL).fetch()
                    .forEach(r -> out.put(r.value1(), new Counts(r.value2(), 0)));
            dsl.select(SYMBOLS.SYMBOL, DSL.count()).from(EMPTY_BARS).join(SYMBOLS)
                    .on(SYMBOLS.ID.eq(EMPTY_BARS.SYMBOL_ID)).groupBy(SYMBOLS.SYMBOL).fetch()
                    .forEach(r -> out.merge(r.value1(), new Counts(0, r.value2()),
                            (a, b) -> new Counts(a.bars(), b.empties())));
            return out;
        });
    }

    private static void copySymbol(CacheEngine from, CacheEngine to, String symbol) {
        long[] span = from.database().read(dsl -> {
            var ts = DSL.select(BARS_5M.TS.as("t")).from(BARS_5M).join(SYMBOLS).on(SYMBOLS.ID.eq(BARS_5M.SYMBOL_ID))
                    .where(SYMBOLS.SYMBOL.eq(symbol))
                    .unionAll(DSL.select(EMPTY_BARS.TS).from(EMPTY_BARS).join(SYMBOLS)
                            .on(SYMBOLS.ID.eq(EMPTY_BARS.SYMBOL_ID)).where(SYMBOLS.SYMBOL.eq(symbol))).asTable("x");
            var r = dsl.select(DSL.min(ts.field("t", Long.class)), DSL.max(ts.field("t", Long.class))).from(ts)
                    .fetchOne();
            return new long[] {r.value1(), r.value2()};
        });
        YearMonth month = YearMonth.from(Instant.ofEpochSecond(span[0]).atZone(Session.NEW_YORK));
        YearMonth last = YearMonth.from(Instant.ofEpochSecond(span[1]).atZone(Session.NEW_YORK));
        for (; !month.isAfter(last); month = month.plusMonths(1)) {
            Instant start = month.atDay(1).atStartOfDay(Session.NEW_YORK).toInstant();
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(Session.NEW_YORK).toInstant();
            List<Bar> bars = from.bars().bars(symbol, start, end);
            List<EmptyBar> empties = from.bars().emptyBars(symbol, start, end);
            if (!bars.isEmpty() || !empties.isEmpty()) {
                to.bars().write(new BarBatch(symbol, start, end, bars, empties, true));
            }
        }
        copyLedger(from, to, symbol);
    }

    /** The source's ledger rows replace the recounted ones: fetch times and vendor verdicts travel too. */
    private static void copyLedger(CacheEngine from, CacheEngine to, String symbol) {
        List<SessionCoverageRecord> rows = from.database().read(dsl -> dsl.select(SESSION_COVERAGE.fields())
                .from(SESSION_COVERAGE).join(SYMBOLS).on(SYMBOLS.ID.eq(SESSION_COVERAGE.SYMBOL_ID))
                .where(SYMBOLS.SYMBOL.eq(symbol)).fetchInto(SESSION_COVERAGE));
        to.database().writer().run(dsl -> {
            long id = to.bars().symbolIds().getOrCreate(dsl, symbol);
            dsl.deleteFrom(SESSION_COVERAGE).where(SESSION_COVERAGE.SYMBOL_ID.eq(id)).execute();
            insertLedger(dsl, id, rows);
            return null;
        });
    }

    private static void insertLedger(DSLContext dsl, long symbolId, List<SessionCoverageRecord> rows) {
        List<SessionCoverageRecord> copies = new ArrayList<>();
        for (SessionCoverageRecord r : rows) {
            SessionCoverageRecord copy = dsl.newRecord(SESSION_COVERAGE, r);
            copy.setSymbolId(symbolId);
            copies.add(copy);
        }
        if (!copies.isEmpty()) {
            dsl.batchInsert(copies).execute();
        }
    }
}
