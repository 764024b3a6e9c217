package io.barkeep.cli.bench;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.Cancellation;
import io.barkeep.store.BarBatch;
import io.barkeep.store.AnswerStore;
import io.barkeep.store.JdbcFloor;
import io.barkeep.store.VendorAnswer;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.BarStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.FetchPlanner;
import io.barkeep.sync.FetchRequest;
import io.barkeep.sync.Fetcher;
import io.barkeep.sync.Sleeper;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import io.barkeep.sync.Updater;
import io.barkeep.store.Database;
import io.barkeep.store.DbLocation;
import io.barkeep.store.ScratchSchemas;
import io.barkeep.store.GapService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Runs the engine benchmark of BENCHMARK.md on a fresh database in a temporary folder. */
public final class Benchmark {
    private static final int QUERY_REPEATS = 200;
    private static final int QUERY_SESSIONS = 30;
    private static final int TIMED_REPEATS = 11;
    /** The default tier's requests in flight (VALUE: 2). */
    private static final int SYNC_CONCURRENCY = 2;
    /**
     * Symbols the end-to-end sync figure backfills (the first ones): a rate, so a sample does; all 500 would take
     * longer than the rest of the benchmark.
     */
    private static final int SYNC_SYMBOLS = 10;
    /** Runs of each all-symbol figure (a pass over 500 symbols takes long enough to need few). */
    private static final int ALL_SYMBOL_REPEATS = 3;

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
        List<VendorAnswer> answers = monthlyAnswers("WARM", sessions, workload.bars(symbols));
        try (CacheEngine engine = CacheEngine.open(scratch.apply("warmup"), calendar, 0, clock);
             JdbcFloor floor = JdbcFloor.create(scratch.apply("warmup-floor"))) {
            AnswerStore store = new AnswerStore(engine);
            for (VendorAnswer a : answers) {
                store.store(a);
                floor.upsert(1, a.bars());
            }
            Instant from = sessions.get(Math.max(0, sessions.size() - QUERY_SESSIONS)).open();
            Instant end = sessions.get(sessions.size() - 1).close();
            // Both read paths, SQLite's lists and the hot cache's views, so the compiled readers have met both.
            for (long bytes : new long[] {0, cacheBytes, 0}) {
                engine.bars().setCacheBytes(bytes);
                for (int r = 0; r < QUERY_REPEATS; r++) {
                    readEvery(engine.bars().bars("WARM", from, end));
                }
                for (int r = 0; r < 5; r++) {
                    engine.bars().aggregated("WARM", sessions.get(0).open(), end, Interval.ONE_HOUR,
                            BucketAlignment.SESSION_OPEN);
                    engine.bars().aggregated("WARM", sessions.get(0).open(), end, Interval.ONE_DAY,
                            BucketAlignment.SESSION_OPEN);
                    engine.gaps().report("WARM", sessions.get(0).date(), sessions.get(sessions.size() - 1).date());
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
            long[] nanos = insert(engine, scratch.apply("floor"), workload);
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
            out.put("agg_1h_3y_warm_ms", round(medianMs(r -> store.aggregated(BenchWorkload.symbol(r % symbols), all0,
                    all1, Interval.ONE_HOUR, BucketAlignment.SESSION_OPEN)), 3));
            store.setCacheBytes(0);
            allSymbols(engine, workload, after, out);
        }
        out.put("gaps_3y_ms", round(gapsMs(scratch.apply("holes"), workload, calendar, after), 3));
        out.put("sync_symbols", Math.min(symbols, SYNC_SYMBOLS));
        out.put("sync_bars_per_s", round(syncBarsPerSecond(scratch.apply("sync"), workload, calendar), 0));
        out.put("rss_mb", round(PeakMemory.residentMb(), 0));
        return out;
    }

    /**
     * What the updater and the screens ask of every symbol at once, each the median of a few runs: the backfill
     * pass's plan over the whole span (a gap report from the ledger and the planner, per symbol), the {@code gaps}
     * command's reports over each symbol's held span, and the {@code freshness} command's rows.
     */
    private void allSymbols(CacheEngine engine, BenchWorkload workload, Clock clock, Map<String, Object> out) {
        List<Session> sessions = workload.sessions();
        LocalDate first = sessions.get(0).date();
        LocalDate last = sessions.get(sessions.size() - 1).date();
        FetchPlanner planner = new FetchPlanner(engine.bars().calendar());
        GapService gaps = engine.gaps();
        out.put("plan_all_ms", round(medianMs(ALL_SYMBOL_REPEATS, r -> {
            int requests = 0;
            for (int i = 0; i < symbols; i++) {
                requests += planner.plan(gaps.report(BenchWorkload.symbol(i), first, last), clock.instant(),
                        Updater.RECHECK_AFTER).size();
            }
            if (requests != 0) {
                throw new IllegalStateException("a complete workload planned " + requests + " requests");
            }
        }), 1));
        out.put("gaps_all_ms", round(medianMs(ALL_SYMBOL_REPEATS, r -> {
            for (int i = 0; i < symbols; i++) {
                gaps.report(BenchWorkload.symbol(i));
            }
        }), 1));
        out.put("freshness_all_ms", round(medianMs(ALL_SYMBOL_REPEATS, r -> {
            if (engine.freshness().computeAll().size() != symbols) {
                throw new IllegalStateException("freshness did not cover every symbol");
            }
        }), 1));
    }

    /**
     * Inserts every symbol's bars month by month through the sync path's store operation (one vendor answer per
     * month: checks, revision read, bars, ledger, all in one transaction) and through the plain JDBC floor into a
     * fresh file of the same schema, alternating month by month (and which goes first) so that both meet the
     * same machine load: on a shared two-core machine the load changes within seconds. Returns {sync path nanos,
     * floor nanos}; building the answers is not counted.
     */
    private long[] insert(CacheEngine engine, DbLocation floorFile, BenchWorkload workload) {
        long[] nanos = new long[2];
        AnswerStore answers = new AnswerStore(engine);
        try (JdbcFloor floor = JdbcFloor.create(floorFile)) {
            for (int i = 0; i < symbols; i++) {
                List<VendorAnswer> months = monthlyAnswers(BenchWorkload.symbol(i), workload.sessions(),
                        workload.bars(i));
                for (int m = 0; m < months.size(); m++) {
                    VendorAnswer month = months.get(m);
                    for (int pass = 0; pass < 2; pass++) {
                        boolean syncPath = (pass + m) % 2 == 0;
                        long t0 = System.nanoTime();
                        if (syncPath) {
                            answers.store(month);
                        } else {
                            floor.upsert(i + 1, month.bars());
                        }
                        nanos[syncPath ? 0 : 1] += System.nanoTime() - t0;
                    }
                }
            }
        }
        return nanos;
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
                monthlyAnswers(BenchWorkload.symbol(i), sessions, workload.barsWithHoles(i)).forEach(answers::store);
            }
            GapService gaps = engine.gaps();
            return medianMs(r -> gaps.report(BenchWorkload.symbol(r % holed), sessions.get(0).date(),
                    sessions.get(sessions.size() - 1).date()));
        }
    }

    /**
     * A full backfill of the workload's first {@link #SYNC_SYMBOLS} symbols through the real v3 client from an
     * in-process terminal with no latency: HTTP, CSV parsing, calendar checks, planning and storing, end to end, at
     * the default VALUE-tier concurrency.
     */
    private double syncBarsPerSecond(DbLocation file, BenchWorkload workload, TradingCalendar calendar) {
        List<Session> sessions = workload.sessions();
        Clock after = Clock.fixed(sessions.get(sessions.size() - 1).close().plus(java.time.Duration.ofDays(2)),
                java.time.ZoneOffset.UTC);
        List<String> names = new ArrayList<>();
        try (BenchTerminal terminal = new BenchTerminal();
             CacheEngine engine = CacheEngine.open(file, calendar, 0, after)) {
            for (int i = 0; i < Math.min(symbols, SYNC_SYMBOLS); i++) {
                names.add(BenchWorkload.symbol(i));
                terminal.serve(BenchWorkload.symbol(i), workload.bars(i));
            }
            ThetaV3Source source = new ThetaV3Source(java.net.URI.create(terminal.rootUrl()), SYNC_CONCURRENCY,
                    ThetaV3Source.DEFAULT_TIMEOUT);
            // The planner and fetcher directly: the workload's SYM000 names are not valid tickers for the facade.
            FetchPlanner planner = new FetchPlanner(calendar);
            long t0 = System.nanoTime();
            source.checkReady();
            List<FetchRequest> requests = new ArrayList<>();
            for (String name : names) {
                requests.addAll(planner.plan(engine.gaps().report(name, sessions.get(0).date(),
                        sessions.get(sessions.size() - 1).date()), after.instant(), java.time.Duration.ZERO));
            }
            SyncResult result = new Fetcher(engine, source, SYNC_CONCURRENCY, Sleeper.REAL).run(requests,
                    SyncProgress.NONE, Cancellation.none());
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!result.complete()) {
                throw new IllegalStateException("benchmark backfill failed: " + result.failures());
            }
            return result.barsWritten() / seconds;
        } catch (IOException | io.barkeep.source.SourceException e) {
            throw new IllegalStateException("cannot start the benchmark terminal", e);
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
    private static double medianMs(java.util.function.IntConsumer work) {
        return medianMs(TIMED_REPEATS, work);
    }

    /** The median of {@code repeats} runs of {@code work}, in milliseconds. */
    private static double medianMs(int repeats, java.util.function.IntConsumer work) {
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            work.accept(r);
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        return percentile(ms, 50);
    }

    /** One vendor answer per symbol and calendar month, as a backfill asks for and stores them. */
    private static List<VendorAnswer> monthlyAnswers(String symbol, List<Session> sessions, List<Bar> bars) {
        List<VendorAnswer> out = new ArrayList<>();
        int first = 0;
        int bar = 0;
        for (int s = 1; s <= sessions.size(); s++) {
            if (s < sessions.size() && YearMonth.from(sessions.get(s).date())
                    .equals(YearMonth.from(sessions.get(first).date()))) {
                continue;
            }
            Instant end = sessions.get(s - 1).close();
            int from = bar;
            while (bar < bars.size() && bars.get(bar).start().isBefore(end)) {
                bar++;
            }
            LocalDate a = sessions.get(first).date();
            LocalDate b = sessions.get(s - 1).date();
            out.add(new VendorAnswer(symbol, "bench", symbol + " " + a + ".." + b, a, b, bars.subList(from, bar),
                    List.of(), List.of(), false));
            first = s;
        }
        return out;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
