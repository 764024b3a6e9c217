package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BAR_REVISIONS;
import static io.barkeep.store.schema.Tables.SYMBOL_FRESHNESS;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;

import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * The sliding retention window (default three years): bars older than it are removed. Also removes one symbol's
 * cached data when a person asks for it ({@link #purge}).
 */
public final class Retention {
    /** 3 years. */
    public static final int DEFAULT_DAYS = 1095;

    private final BarStore store;

    public Retention(BarStore store) {
        this.store = store;
    }

    /** The first New York date kept when keeping {@code retainDays} days back from {@code now}. */
    public static LocalDate cutoff(Instant now, int retainDays) {
        return now.atZone(Session.NEW_YORK).toLocalDate().minusDays(retainDays);
    }

    /** Removes bars, empty markers and ledger rows before the cutoff in one transaction; returns bars removed. */
    public int cleanup(int retainDays, Instant now) {
        if (retainDays < 1) {
            throw new IllegalArgumentException("retain days must be at least 1, got " + retainDays);
        }
        LocalDate cutoff = cutoff(now, retainDays);
        long cutoffTs = cutoff.atStartOfDay(Session.NEW_YORK).toEpochSecond();
        long cutoffKey = cutoff.getYear() * 10_000L + cutoff.getMonthValue() * 100L + cutoff.getDayOfMonth();
        return store.bulkWrite(() -> store.database().writer().run(dsl -> {
            int bars = dsl.deleteFrom(BARS_5M).where(BARS_5M.TS.lt(cutoffTs)).execute();
            dsl.deleteFrom(EMPTY_BARS).where(EMPTY_BARS.TS.lt(cutoffTs)).execute();
            dsl.deleteFrom(SESSION_COVERAGE).where(SESSION_COVERAGE.SESSION_DATE.lt(cutoffKey)).execute();
            return bars;
        }));
    }

    /**
     * What {@link #cleanup} would remove, without removing it.
     *
     * @param cutoff      the first date kept
     * @param bars        bars before it
     * @param noTradeBars no-trade markers before it
     * @param symbols     the symbols that lose anything, sorted
     */
    public record Preview(LocalDate cutoff, long bars, long noTradeBars, List<String> symbols) {
    }

    /** Counts what {@link #cleanup} with the same arguments would remove. */
    public Preview preview(int retainDays, Instant now) {
        LocalDate cutoff = cutoff(now, retainDays);
        long cutoffTs = cutoff.atStartOfDay(Session.NEW_YORK).toEpochSecond();
        return store.database().read(dsl -> {
            long bars = dsl.fetchCount(BARS_5M, BARS_5M.TS.lt(cutoffTs));
            long empty = dsl.fetchCount(EMPTY_BARS, EMPTY_BARS.TS.lt(cutoffTs));
            List<String> symbols = dsl.selectDistinct(SYMBOLS.SYMBOL).from(SYMBOLS)
                    .where(SYMBOLS.ID.in(DSL.select(BARS_5M.SYMBOL_ID).from(BARS_5M)
                            .where(BARS_5M.TS.lt(cutoffTs)))
                            .or(SYMBOLS.ID.in(DSL.select(EMPTY_BARS.SYMBOL_ID).from(EMPTY_BARS)
                                    .where(EMPTY_BARS.TS.lt(cutoffTs)))))
                    .orderBy(SYMBOLS.SYMBOL).fetch(SYMBOLS.SYMBOL);
            return new Preview(cutoff, bars, empty, symbols);
        });
    }

    /**
     * Removes every cached bar, no-trade marker, ledger row, revision and the freshness row of {@code symbol}, in
     * one transaction (the watchlist entry is the caller's business); returns the bars removed.
     */
    public int purge(String symbol) {
        return store.bulkWrite(() -> store.database().writer().run(dsl -> {
            var id = DSL.select(SYMBOLS.ID).from(SYMBOLS).where(SYMBOLS.SYMBOL.eq(symbol));
            int bars = dsl.deleteFrom(BARS_5M).where(BARS_5M.SYMBOL_ID.in(id)).execute();
            dsl.deleteFrom(EMPTY_BARS).where(EMPTY_BARS.SYMBOL_ID.in(id)).execute();
            dsl.deleteFrom(SESSION_COVERAGE).where(SESSION_COVERAGE.SYMBOL_ID.in(id)).execute();
            dsl.deleteFrom(BAR_REVISIONS).where(BAR_REVISIONS.SYMBOL_ID.in(id)).execute();
            dsl.deleteFrom(SYMBOL_FRESHNESS).where(SYMBOL_FRESHNESS.SYMBOL.eq(symbol)).execute();
            return bars;
        }));
    }
}
