package io.barkeep.cli.bench;

import static io.barkeep.cli.bench.Timings.percentile;
import static io.barkeep.cli.bench.Timings.round;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.AnswerStore;
import io.barkeep.store.BarStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.Database;
import io.barkeep.store.DbLocation;
import io.barkeep.store.GapService;
import io.barkeep.store.JdbcFloor;
import io.barkeep.store.ScratchSchemas;
import io.barkeep.store.VendorAnswer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Runs the engine benchmark of BENCHMARK.md on a fresh database in a temporary folder. */
public final class Benchmark {
    private static final int QUERY_REPEATS = 200;
    private static final int QUERY_SESSIONS = 30;
    private static final int TIMED_REPEATS = 11;
    /**
     * Answers the warm-up stores through both write paths (the same bars) before anything is timed. The store
     * operation runs once an answer, and its code around the bar loop (triage, ledger, neighbour reads, the driver's
     * per-statement calls) reaches the optimizing compiler only after thousands of calls (HotSpot's
     * Tier4InvocationThreshold is 5,000), while the floor's work is one bar loop, compiled after a few answers
     * whatever the warm-up. With the former warm-up (three symbols of months, 108 answers) the race timed the store
     * operation's own code still interpreted or in the first compiler's profiling code, the more so the fewer the
     * symbols: 180 answers a side at 5 symbols, 18,000 at 500, where the ratio was 0.88-0.89 against 0.72-0.82.
     */
    private static final int WARM_UP_ANSWERS = 5_000;
    /**
     * A shorter run gets a shorter warm-up, this many answers a day of its workload up to {@link #WARM_UP_ANSWERS}
     * (reached at 715 days; the benchmark's three years get it whole): a run of a few weeks is a smoke test (the
     * command-line tests run it), not a figure to set beside the floor, and need not pay the 5 s of the full one.
     */
    private static final int WARM_UP_ANSWERS_A_DAY = 7;
    /** The warm-up's symbols are WARM0, WARM1...; the read paths warm up on WARM0 (a name that holds bars). */
    private static final String WARM = "WARM";

    private final int symbols;
    private final int days;
    private final long cacheBytes;
    /** A PostgreSQL database to measure in (scratch schemas, dropped after), or null for SQLite temp files. */
    private final DbLocation server;

    public Benchmark(int symbols, int days, long cacheBytes) {
        this(symbols, days, cacheBytes, null);
    }

    public Benchmark(int symbols, int days, long cacheBytes, DbLocation server) {
        this.symbols = symbols;
        this.days = days;
        this.cacheBytes = cacheBytes;
        this.server = server;
    }

    public Map<String, Object> run() throws IOException {
        long t0 = System.nanoTime();
        Map<String, Object> out = runOnScratch();
        out.put("elapsed_s", round((System.nanoTime() - t0) / 1e9, 0));
        return out;
    }

    /** Runs the workload on scratch caches: schemas dropped afterwards on PostgreSQL, a temporary folder on SQLite. */
    private Map<String, Object> runOnScratch() throws IOException {
        if (server != null) {
            try (ScratchSchemas schemas = new ScratchSchemas(server)) {
                return runIn(schemas::fresh);
            }
        }
        Path folder = Files.createTempDirectory("barkeep-bench");
        try {
            return runIn(name -> DbLocation.sqlite(folder.resolve(name + ".db")));
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * Runs the same code paths once on scratch files first, so the figures measure the engine rather than
     * the JIT compiler's first minutes (as any long-running app would see it).
     */
    private void warmUp(Function<String, DbLocation> scratch, BenchWorkload workload, TradingCalendar calendar,
                        Clock clock) {
        List<Session> sessions = workload.sessions();
        try (CacheEngine engine = CacheEngine.open(scratch.apply("warmup"), calendar, 0, clock);
             JdbcFloor floor = JdbcFloor.create(scratch.apply("warmup-floor"))) {
            AnswerStore store = new AnswerStore(engine);
            // Bars of symbols past the workload's, under names of their own: fresh rows, as in the race. Half a week
            // an answer (two or three sessions): the same code as a month's answer at an eighth of its bars (5,000
            // months would take longer than the rest of a 5-symbol run), and the loops over sessions still run more
            // than once, as in a month, so the compiled code has seen the branches a month takes.
            int answers = 0;
            int warmUpAnswers = Math.min(WARM_UP_ANSWERS, WARM_UP_ANSWERS_A_DAY * days);
            for (int k = 0; answers < warmUpAnswers; k++) {
                for (VendorAnswer a : workload.halfWeekAnswers(WARM + k, workload.bars(symbols + k))) {
                    store.store(a);
                    floor.upsert(k + 1, a.bars());
                    answers++;
                }
            }
            Instant from = sessions.get(Math.max(0, sessions.size() - QUERY_SESSIONS)).open();
            Instant end = sessions.get(sessions.size() - 1).close();
            // Both read paths, SQLite's lists and the hot cache's views, so the compiled readers have met both.
            for (long bytes : new long[] {0, cacheBytes, 0}) {
                engine.bars().setCacheBytes(bytes);
                for (int r = 0; r < QUERY_REPEATS; r++) {
                    if (readEvery(engine.bars().bars(WARM + 0, from, end)) == 0) {
                        // A warm-up that reads nothing leaves the read paths cold (their figures 5x too slow).
                        throw new IllegalStateException("the warm-up read no bars");
                    }
                }
                for (int r = 0; r < 5; r++) {
                    engine.bars().aggregated(WARM + 0, sessions.get(0).open(), end, Interval.ONE_HOUR,
                            BucketAlignment.SESSION_OPEN);
                    engine.bars().aggregated(WARM + 0, sessions.get(0).open(), end, Interval.ONE_DAY,
                            BucketAlignment.SESSION_OPEN);
                    engine.gaps().report(WARM + 0, sessions.get(0).date(), sessions.get(sessions.size() - 1).date());
                }
            }
        }
    }

    /** Reads every bar of {@code bars} (as a chart or an aggregate would), so a lazily built list pays too. */
    private static long readEvery(List<Bar> bars) {
        long sum = 0;
        for (Bar b : bars) {
            sum += b.close() + b.epochSecond();
        }
        return sum;
    }

    /** @param scratch a fresh cache location for a name (bench, floor, holes, sync...) */
    private Map<String, Object> runIn(Function<String, DbLocation> scratch) {
        BenchWorkload workload = new BenchWorkload(days);
        List<Session> sessions = workload.sessions();
        TradingCalendar calendar = new TradingCalendar("bench-weekdays", sessions.get(0).date(),
                sessions.get(sessions.size() - 1).date(), sessions);
        // Two days after the last session: all of it settled history, as a backfill sees it.
        Clock after = Clock.fixed(sessions.get(sessions.size() - 1).close().plus(Duration.ofDays(2)),
                ZoneOffset.UTC);
        warmUp(scratch, workload, calendar, after);
        Map<String, Object> out = new LinkedHashMap<>();
        try (CacheEngine engine = CacheEngine.open(scratch.apply("bench"), calendar, 0, after)) {
            BarStore store = engine.bars();
            Database db = engine.database();
            long[] nanos = new WriteRace(workload, symbols).run(engine, scratch.apply("floor"));
            long bars = (long) symbols * sessions.size() * BenchWorkload.BARS_PER_SESSION;
            db.checkpoint();
            // SQLite: the file; PostgreSQL: pg_total_relation_size of Barkeep's tables (heap, indexes, TOAST).
            long size = db.sizeBytes();
            out.put("engine", db.isPostgres() ? "barkeep store on " + db.engine() + " (bigint times and 1e-4 prices)"
                    : "barkeep store on SQLite " + db.sqliteVersion() + " (WAL, WITHOUT ROWID, 1e-4 ints)");
            out.put("symbols", symbols);
            out.put("days", days);
            out.put("bars", bars);
            double insertRate = bars / (nanos[0] / 1e9);
            double floorRate = bars / (nanos[1] / 1e9);
            out.put("insert_bars_per_s", round(insertRate, 0));
            out.put("jdbc_floor_bars_per_s", round(floorRate, 0));
            out.put("insert_vs_floor", round(insertRate / floorRate, 2));
            out.put("bytes_per_bar", round((double) size / bars, 1));
            out.put("db_mb", round(size / 1e6, 1));

            Instant from = sessions.get(sessions.size() - QUERY_SESSIONS).open();
            Instant to = sessions.get(sessions.size() - 1).close();
            double[] cold = timeQueries(store, from, to);
            out.put("query_30d_p50_ms", round(percentile(cold, 50), 3));
            out.put("query_30d_p99_ms", round(percentile(cold, 99), 3));
            store.setCacheBytes(cacheBytes);
            for (int i = 0; i < symbols; i++) {
                store.bars(BenchWorkload.symbol(i), from, to);
            }
            // The timed reads take about 10 ms in all, less than one recompilation of the reading loop as it goes from
            // SQLite's lists to the cache's views (10-40 ms here; -XX:+PrintCompilation shows it around this point):
            // the figure varied 0.04-0.33 ms between runs. One untimed round of the same reads first.
            timeQueries(store, from, to);
            double[] warm = timeQueries(store, from, to);
            out.put("query_30d_warm_p50_ms", round(percentile(warm, 50), 4));
            store.setCacheBytes(0);

            Instant all0 = sessions.get(0).open();
            Instant all1 = sessions.get(sessions.size() - 1).close();
            out.put("agg_1h_3y_ms", round(medianMs(r -> store.aggregated(BenchWorkload.symbol(r % symbols), all0, all1,
                    Interval.ONE_HOUR, BucketAlignment.SESSION_OPEN)), 2));
            out.put("agg_1d_3y_ms", round(medianMs(r -> store.aggregated(BenchWorkload.symbol(r % symbols), all0, all1,
                    Interval.ONE_DAY, BucketAlignment.SESSION_OPEN)), 2));
            store.setCacheBytes(cacheBytes);
            for (int i = 0; i < Math.min(symbols, TIMED_REPEATS); i++) {
                // the symbols the timed runs read (r % symbols for r < TIMED_REPEATS)
                store.bars(BenchWorkload.symbol(i), all0, all1);
            }
            // As for the warm 30 days: the aggregation has run only over SQLite's lists so far, and its first runs over
            // the cache's views recompile it; one run took 26 ms at the median of 11 (1-2 ms in the runs around it).
            // One untimed round of the same reads first.
            IntConsumer warmHour = r -> store.aggregated(BenchWorkload.symbol(r % symbols), all0, all1,
                    Interval.ONE_HOUR, BucketAlignment.SESSION_OPEN);
            medianMs(warmHour);
            out.put("agg_1h_3y_warm_ms", round(medianMs(warmHour), 3));
            store.setCacheBytes(0);
            AllSymbolFigures.measure(engine, workload, symbols, after, out);
        }
        out.put("gaps_3y_ms", round(gapsMs(scratch.apply("holes"), workload, calendar, after), 3));
        out.put("sync_symbols", Math.min(symbols, SyncFigure.SYMBOLS));
        out.put("sync_bars_per_s", round(SyncFigure.barsPerSecond(scratch.apply("sync"), workload, calendar, symbols),
                0));
        out.put("rss_mb", round(PeakMemory.residentMb(), 0));
        return out;
    }

    /**
     * The gap report over all sessions of one symbol, on a copy of the workload with holes (1% of sessions missing
     * whole, 1% partial) stored through the same store operation; the median over rotating symbols.
     */
    private double gapsMs(DbLocation file, BenchWorkload workload, TradingCalendar calendar, Clock clock) {
        List<Session> sessions = workload.sessions();
        int holed = Math.min(symbols, TIMED_REPEATS);
        try (CacheEngine engine = CacheEngine.open(file, calendar, 0, clock)) {
            AnswerStore answers = new AnswerStore(engine);
            for (int i = 0; i < holed; i++) {
                workload.monthlyAnswers(BenchWorkload.symbol(i), workload.barsWithHoles(i)).forEach(answers::store);
            }
            GapService gaps = engine.gaps();
            return medianMs(r -> gaps.report(BenchWorkload.symbol(r % holed), sessions.get(0).date(),
                    sessions.get(sessions.size() - 1).date()));
        }
    }

    private double[] timeQueries(BarStore store, Instant from, Instant to) {
        double[] ms = new double[QUERY_REPEATS];
        for (int r = 0; r < QUERY_REPEATS; r++) {
            String symbol = BenchWorkload.symbol(r % symbols);
            long t0 = System.nanoTime();
            List<Bar> got = store.bars(symbol, from, to);
            long sum = readEvery(got);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (got.size() != QUERY_SESSIONS * 78 || sum == 0) {
                throw new IllegalStateException("30-day read returned " + got.size() + " bars");
            }
        }
        return ms;
    }

    /** The median of {@link #TIMED_REPEATS} runs of {@code work}, in milliseconds. */
    private static double medianMs(IntConsumer work) {
        return Timings.medianMs(TIMED_REPEATS, work);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
