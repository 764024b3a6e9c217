package io.barkeep.store;

import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Aggregator;
import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.SessionQuote;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.TradingCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Field;

/**
 * Reads and writes 5-minute bars. A {@link BarBatch} is written in one transaction on the writer thread:
 * bars are upserted (the same bar twice changes nothing, a corrected bar replaces the old one), empty
 * markers follow the newest answer, and the coverage ledger rows of the touched sessions are recounted.
 * Reads go to SQLite on reader connections, or to the {@link HotBarCache} when it is on.
 *
 * <p>The two hot statements ({@link BarWriter}) are built with jOOQ but executed through plain JDBC: a batch of a
 * month of bars is one native call, and decoding 2,340 rows by hand is several times faster than through jOOQ
 * records (the benchmark's 30-day read has a 2 ms budget and the JDBC floor is about 1.8 ms). A vendor answer is
 * written by {@link AnswerStore}, which adds the quarantine, revisions and events to the same transaction.
 */
public final class BarStore {
    private static final Field<Long> TS = BARS_5M.TS;

    private final Database db;
    private final TradingCalendar calendar;
    private final SymbolIds symbols;
    private final CoverageLedger ledger;
    private final BarWriter writer;
    private final Clock clock;
    private volatile HotBarCache cache;
    private volatile java.util.function.BiConsumer<String, List<Bar>> afterWrite = (symbol, bars) -> { };

    /**
     * @param cacheBytes the hot cache's bound in bytes; 0 turns it off
     */
    public BarStore(Database db, TradingCalendar calendar, long cacheBytes, Clock clock) {
        this.db = db;
        this.calendar = calendar;
        this.clock = clock;
        this.symbols = new SymbolIds(db);
        WriterStatements statements = new WriterStatements();
        this.ledger = new CoverageLedger(calendar, statements);
        this.writer = new BarWriter(calendar, ledger, statements, db.dialect());
        setCacheBytes(cacheBytes);
    }

    /** Resizes (or with 0 turns off) the hot cache, dropping what it held. */
    public void setCacheBytes(long cacheBytes) {
        this.cache = cacheBytes > 0 ? new HotBarCache(cacheBytes) : null;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return db;
    }

    /** Writes one batch in one transaction and returns how many bars were new or changed. */
    public WriteResult write(BarBatch batch) {
        List<Bar> bars = writer.sortedCheckedBars(batch);
        Checked<WriteResult> result = inWriteWindow(batch.from(), batch.to(), () -> db.writer().runJdbc(c -> {
            long symbolId = symbols.getOrCreate(c, batch.symbol());
            int changed = writer.write(c, symbolId, batch, bars, Set.of(), clock.instant(), false);
            return new Checked<>(new WriteResult(symbolId, bars.size(), changed),
                    writer.withNeighbours(c, symbolId, batch.from(), batch.to(), bars));
        }));
        symbols.remember(batch.symbol(), result.symbolId());
        written(batch.symbol(), result.sequence());
        return result.result();
    }

    /**
     * A write's result and what the after-write check weighs: the written bars between their stored neighbours,
     * read in the write's transaction ({@link BarWriter#withNeighbours}).
     */
    record Checked<T extends HasSymbolId>(T result, List<Bar> sequence) implements HasSymbolId {
        @Override
        public long symbolId() {
            return result.symbolId();
        }
    }

    /**
     * Runs {@code write}, a transaction that changes bars of one symbol in [from, to), so that no cached read
     * mixes rows from before and after it; the cached months of the range are dropped once it has committed.
     * The symbol's id is taken from the result's {@code symbolId}.
     */
    <T extends HasSymbolId> T inWriteWindow(Instant from, Instant to, java.util.function.Supplier<T> write) {
        HotBarCache hot = cache;
        if (hot != null) {
            hot.beginWrite();
        }
        try {
            T result = write.get();
            if (hot != null) {
                hot.invalidate(result.symbolId(), HotBarCache.monthIndex(from.getEpochSecond()),
                        HotBarCache.monthIndex(Math.max(from.getEpochSecond(), to.getEpochSecond() - 1)));
            }
            return result;
        } finally {
            if (hot != null) {
                hot.endWrite();
            }
        }
    }

    /**
     * Tells the after-write check (the suspected-split watch) what a committed write stored: {@code sequence}, the
     * written bars of {@code symbol} between their stored neighbours ({@link BarWriter#withNeighbours}).
     */
    void written(String symbol, List<Bar> sequence) {
        afterWrite.accept(symbol, sequence);
    }

    /**
     * Runs {@code check} after every committed write (the suspected-split watch), with the symbol and the written
     * bars, oldest first, between the stored bar just before them and the one just after them.
     */
    public void onWrite(java.util.function.BiConsumer<String, List<Bar>> check) {
        this.afterWrite = check;
    }

    /** Drops every cached block of {@code symbol}: its actions changed, so reads must not reuse what they built. */
    public void invalidateSymbol(String symbol) {
        HotBarCache hot = cache;
        if (hot != null) {
            symbols.find(symbol).ifPresent(hot::invalidateSymbol);
        }
    }

    /** A write's result that names the symbol it wrote. */
    interface HasSymbolId {
        long symbolId();
    }

    /** The bars of {@code symbol} with from <= start < to, oldest first. */
    public List<Bar> bars(String symbol, Instant from, Instant to) {
        Optional<Long> id = symbols.find(symbol);
        if (id.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        HotBarCache hot = cache;
        return hot == null ? readRange(id.get(), from.getEpochSecond(), to.getEpochSecond())
                : readThroughCache(hot, id.get(), from.getEpochSecond(), to.getEpochSecond());
    }

    /**
     * Where each of {@code symbols} stands in its latest session; a symbol without a bar has no quote. Read straight
     * from the database, not through the hot cache, which would read and keep each symbol's whole month and push
     * out the months the chart reads.
     */
    public Map<String, SessionQuote> sessionQuotes(List<String> symbols) {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        for (String symbol : symbols) {
            this.symbols.find(symbol).ifPresent(id -> ids.put(symbol, id));
        }
        return ids.isEmpty() ? Map.of() : db.readJdbc(c -> SessionQuoteReader.read(c, ids, calendar));
    }

    private List<Bar> readThroughCache(HotBarCache hot, long symbolId, long from, long to) {
        int firstMonth = HotBarCache.monthIndex(from);
        int lastMonth = HotBarCache.monthIndex(to - 1);
        long startGeneration = hot.generation();
        BarBlock[] blocks = new BarBlock[lastMonth - firstMonth + 1];
        for (int m = firstMonth; m <= lastMonth; m++) {
            blocks[m - firstMonth] = hot.get(HotBarCache.key(symbolId, m));
            if (blocks[m - firstMonth] == null) {
                return readMissingMonths(hot, symbolId, from, to, blocks, firstMonth, startGeneration);
            }
        }
        if (lastMonth > firstMonth && hot.unsettledSince(startGeneration)) {
            // The blocks may straddle a commit (one from before it, one from after), showing part of a written
            // range; one query reads the file at one moment.
            return readRange(symbolId, from, to);
        }
        return BarBlock.view(blocks, from, to);
    }

    /**
     * A miss reads the whole months of the range in ONE query, as a read without the cache would (one query per
     * month cost twice as much on a three-year read), and offers the months the cache lacks: so the cache is
     * never slower than SQLite, whatever the working set.
     */
    private List<Bar> readMissingMonths(HotBarCache hot, long symbolId, long from, long to, BarBlock[] blocks,
                                        int firstMonth, long generation) {
        long monthsFrom = HotBarCache.monthStart(firstMonth).getEpochSecond();
        long monthsTo = HotBarCache.monthStart(firstMonth + blocks.length).getEpochSecond();
        List<Bar> all = readRange(symbolId, monthsFrom, monthsTo);
        int lo = 0;
        for (int i = 0; i < blocks.length; i++) {
            long end = HotBarCache.monthStart(firstMonth + i + 1).getEpochSecond();
            int hi = lo;
            while (hi < all.size() && all.get(hi).epochSecond() < end) {
                hi++;
            }
            if (blocks[i] == null) {
                hot.put(HotBarCache.key(symbolId, firstMonth + i), BarBlock.of(all.subList(lo, hi)), generation);
            }
            lo = hi;
        }
        int first = lowerBound(all, from);
        return new ArrayList<>(all.subList(first, lowerBound(all, to)));
    }

    private static int lowerBound(List<Bar> bars, long epochSecond) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).epochSecond() < epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private List<Bar> readRange(long symbolId, long from, long to) {
        return db.readJdbc(c -> BarWriter.readRange(c, symbolId, from, to));
    }

    /**
     * The bars of {@code symbol} in from..to built up to {@code interval} by time bucket on the calendar.
     * The range should start and end on session bounds so no bucket is cut by it.
     */
    public List<AggregateBar> aggregated(String symbol, Instant from, Instant to, Interval interval,
                                         BucketAlignment alignment) {
        return Aggregator.aggregate(bars(symbol, from, to), interval, alignment, calendar);
    }

    /** The intervals the vendor confirmed empty for {@code symbol}, from <= start < to. */
    public List<EmptyBar> emptyBars(String symbol, Instant from, Instant to) {
        Optional<Long> id = symbols.find(symbol);
        if (id.isEmpty()) {
            return List.of();
        }
        return db.read(dsl -> dsl.select(EMPTY_BARS.TS, EMPTY_BARS.VWAP).from(EMPTY_BARS)
                .where(EMPTY_BARS.SYMBOL_ID.eq(id.get())).and(EMPTY_BARS.TS.ge(from.getEpochSecond()))
                .and(EMPTY_BARS.TS.lt(to.getEpochSecond())).orderBy(EMPTY_BARS.TS)
                .fetch(r -> new EmptyBar(Instant.ofEpochSecond(r.value1()),
                        r.value2() == null ? Bar.UNKNOWN : r.value2())));
    }

    /** The newest bar held for {@code symbol}. */
    public Optional<Bar> latest(String symbol) {
        Optional<Long> id = symbols.find(symbol);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Long ts = db.readJdbc(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(BarWriter.NEWEST_START)) {
                return BarWriter.newestStart(ps, id.get());
            }
        });
        // One bar: not through the cache, which would read and keep its whole month.
        return ts == null ? Optional.empty() : readRange(id.get(), ts, ts + 1).stream().findFirst();
    }

    /** Every symbol that ever had a bar or ledger row written. */
    public List<String> symbols() {
        return db.read(dsl -> dsl.select(io.barkeep.store.schema.Tables.SYMBOLS.SYMBOL)
                .from(io.barkeep.store.schema.Tables.SYMBOLS).orderBy(io.barkeep.store.schema.Tables.SYMBOLS.SYMBOL)
                .fetch(io.barkeep.store.schema.Tables.SYMBOLS.SYMBOL));
    }

    SymbolIds symbolIds() {
        return symbols;
    }

    CoverageLedger ledger() {
        return ledger;
    }

    BarWriter writer() {
        return writer;
    }

    /**
     * Runs a write that may touch any cached block (a cleanup), marked like {@link #write} so a cached read never
     * mixes rows from before and after it.
     */
    <T> T bulkWrite(java.util.function.Supplier<T> work) {
        HotBarCache hot = cache;
        if (hot != null) {
            hot.beginWrite();
        }
        try {
            T result = work.get();
            if (hot != null) {
                hot.clear();
            }
            return result;
        } finally {
            if (hot != null) {
                hot.endWrite();
            }
        }
    }

    /** What a write did. */
    public record WriteResult(long symbolId, int barsWritten, int barsChanged) implements HasSymbolId {
    }
}
