package io.barkeep.cli.bench;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.Cancellation;
import io.barkeep.store.BarBatch;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.BarStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.FetchPlanner;
import io.barkeep.sync.FetchRequest;
import io.barkeep.sync.Fetcher;
import io.barkeep.sync.Sleeper;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import io.barkeep.store.Database;
import io.barkeep.store.GapService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the engine benchmark of BENCHMARK.md on a fresh database in a temporary folder. */
public final class Benchmark {
    private static final int QUERY_REPEATS = 200;
    private static final int QUERY_SESSIONS = 30;
    private static final int TIMED_REPEATS = 11;
    /** The default tier's requests in flight (VALUE: 2). */
    private static final int SYNC_CONCURRENCY = 2;

    private final int symbols;
    private final int days;
    private final long cacheBytes;

    public Benchmark(int symbols, int days, long cacheBytes) {
        this.symbols = symbols;
        this.days = days;
        this.cacheBytes = cacheBytes;
    }

    public Map<String, Object> run() throws IOException {
        Path folder = Files.createTempDirectory("barkeep-bench");
        try {
            return runIn(folder.resolve("bench.db"));
        } finally {
            deleteTree(folder);
        }
    }

    /**
     * Runs the same code paths once on a scratch file first, so the figures measure the engine rather than
     * the JIT compiler's first minutes (as any long-running app would see it).
     */
    private void warmUp(Path file, BenchWorkload workload, TradingCalendar calendar) {
        try (Database db = Database.open(file)) {
            BarStore store = new BarStore(db, calendar, 0, Clock.systemUTC());
            for (BarBatch batch : monthlyBatches("WARM", workload.bars(symbols))) {
                store.write(batch);
            }
            List<Session> sessions = workload.sessions();
            Instant from = sessions.get(Math.max(0, sessions.size() - QUERY_SESSIONS)).open();
            Instant end = sessions.get(sessions.size() - 1).close();
            for (int r = 0; r < QUERY_REPEATS; r++) {
                store.bars("WARM", from, end);
            }
            GapService gaps = new GapService(store);
            for (int r = 0; r < 5; r++) {
                store.aggregated("WARM", sessions.get(0).open(), end, Interval.ONE_HOUR, BucketAlignment.SESSION_OPEN);
                store.aggregated("WARM", sessions.get(0).open(), end, Interval.ONE_DAY, BucketAlignment.SESSION_OPEN);
                gaps.report("WARM", sessions.get(0).date(), sessions.get(sessions.size() - 1).date());
            }
        }
    }

    private Map<String, Object> runIn(Path file) {
        BenchWorkload workload = new BenchWorkload(days);
        List<Session> sessions = workload.sessions();
        TradingCalendar calendar = new TradingCalendar("bench-weekdays", sessions.get(0).date(),
                sessions.get(sessions.size() - 1).date(), sessions);
        warmUp(file.resolveSibling("warmup.db"), workload, calendar);
        Map<String, Object> out = new LinkedHashMap<>();
        try (Database db = Database.open(file)) {
            BarStore store = new BarStore(db, calendar, 0, Clock.systemUTC());
            long bars = 0;
            long insertNanos = 0;
            for (int i = 0; i < symbols; i++) {
                List<Bar> all = workload.bars(i);
                List<BarBatch> months = monthlyBatches(BenchWorkload.symbol(i), all);
                long t0 = System.nanoTime();
                for (BarBatch batch : months) {
                    store.write(batch);
                }
                insertNanos += System.nanoTime() - t0;
                bars += all.size();
            }
            db.checkpoint();
            long size = fileSize(file);
            out.put("engine", "barkeep store on SQLite " + db.sqliteVersion() + " (WAL, WITHOUT ROWID, 1e-4 ints)");
            out.put("symbols", symbols);
            out.put("days", days);
            out.put("bars", bars);
            out.put("insert_bars_per_s", round(bars / (insertNanos / 1e9), 0));
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
            for (int i = 0; i < symbols; i++) {
                store.bars(BenchWorkload.symbol(i), all0, all1);
            }
            out.put("agg_1h_3y_warm_ms", round(medianMs(r -> store.aggregated(BenchWorkload.symbol(r % symbols), all0,
                    all1, Interval.ONE_HOUR, BucketAlignment.SESSION_OPEN)), 3));
            store.setCacheBytes(0);
            GapService gaps = new GapService(store);
            out.put("gaps_3y_ms", round(medianMs(r -> gaps.report(BenchWorkload.symbol(r % symbols),
                    sessions.get(0).date(), sessions.get(sessions.size() - 1).date())), 3));
        }
        out.put("sync_bars_per_s", round(syncBarsPerSecond(file.resolveSibling("sync.db"), workload, calendar), 0));
        out.put("rss_mb", round(PeakMemory.residentMb(), 0));
        return out;
    }

    /**
     * A full backfill of the workload through the real v3 client from an in-process terminal with no latency:
     * HTTP, CSV parsing, calendar checks, planning and storing, end to end, at the default VALUE-tier concurrency.
     */
    private double syncBarsPerSecond(Path file, BenchWorkload workload, TradingCalendar calendar) {
        List<Session> sessions = workload.sessions();
        Clock after = Clock.fixed(sessions.get(sessions.size() - 1).close().plus(java.time.Duration.ofDays(2)),
                java.time.ZoneOffset.UTC);
        List<String> names = new ArrayList<>();
        try (BenchTerminal terminal = new BenchTerminal();
             CacheEngine engine = CacheEngine.open(file, calendar, 0, after)) {
            for (int i = 0; i < symbols; i++) {
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
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (got.size() != QUERY_SESSIONS * 78) {
                throw new IllegalStateException("30-day read returned " + got.size() + " bars");
            }
        }
        return ms;
    }

    /** The median of {@link #TIMED_REPEATS} runs of {@code work}, in milliseconds. */
    private static double medianMs(java.util.function.IntConsumer work) {
        double[] ms = new double[TIMED_REPEATS];
        for (int r = 0; r < TIMED_REPEATS; r++) {
            long t0 = System.nanoTime();
            work.accept(r);
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        return percentile(ms, 50);
    }

    /** One batch per symbol and calendar month, as a backfill writes what one vendor request returns. */
    private static List<BarBatch> monthlyBatches(String symbol, List<Bar> bars) {
        List<BarBatch> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= bars.size(); i++) {
            if (i == bars.size() || !month(bars.get(i)).equals(month(bars.get(start)))) {
                out.add(BarBatch.of(symbol, bars.subList(start, i)));
                start = i;
            }
        }
        return out;
    }

    private static YearMonth month(Bar bar) {
        return YearMonth.from(bar.start().atZone(Session.NEW_YORK));
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

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
