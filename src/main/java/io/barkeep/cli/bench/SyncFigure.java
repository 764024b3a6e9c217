package io.barkeep.cli.bench;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceException;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.sync.FetchPlanner;
import io.barkeep.sync.FetchRequest;
import io.barkeep.sync.Fetcher;
import io.barkeep.sync.Sleeper;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-to-end sync figure: a full backfill of the workload's first {@link #SYMBOLS} symbols through the real v3
 * client from an in-process terminal with no latency: HTTP, CSV parsing, calendar checks, planning and storing, at
 * the default VALUE-tier concurrency.
 */
final class SyncFigure {
    /** Symbols backfilled (the first ones): a rate, so a sample does; all 500 would take longer than the rest. */
    static final int SYMBOLS = 10;
    /** The default tier's requests in flight (VALUE: 2). */
    private static final int CONCURRENCY = 2;

    private SyncFigure() {
    }

    /** Bars written a second, backfilling into a fresh cache at {@code file}. */
    static double barsPerSecond(DbLocation file, BenchWorkload workload, TradingCalendar calendar, int symbols) {
        List<Session> sessions = workload.sessions();
        Clock after = Clock.fixed(sessions.get(sessions.size() - 1).close().plus(Duration.ofDays(2)), ZoneOffset.UTC);
        List<String> names = new ArrayList<>();
        try (BenchTerminal terminal = new BenchTerminal();
             CacheEngine engine = CacheEngine.open(file, calendar, 0, after)) {
            for (int i = 0; i < Math.min(symbols, SYMBOLS); i++) {
                names.add(BenchWorkload.symbol(i));
                terminal.serve(BenchWorkload.symbol(i), workload.bars(i));
            }
            ThetaV3Source source = new ThetaV3Source(URI.create(terminal.rootUrl()), CONCURRENCY,
                    ThetaV3Source.DEFAULT_TIMEOUT);
            // The planner and fetcher directly: the workload's SYM000 names are not valid tickers for the facade.
            FetchPlanner planner = new FetchPlanner(calendar);
            long t0 = System.nanoTime();
            source.checkReady();
            List<FetchRequest> requests = new ArrayList<>();
            for (String name : names) {
                requests.addAll(planner.plan(engine.gaps().report(name, sessions.get(0).date(),
                        sessions.get(sessions.size() - 1).date()), after.instant(), Duration.ZERO));
            }
            SyncResult result = new Fetcher(engine, source, CONCURRENCY, Sleeper.REAL).run(requests,
                    SyncProgress.NONE, Cancellation.none());
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!result.complete()) {
                throw new IllegalStateException("benchmark backfill failed: " + result.failures());
            }
            return result.barsWritten() / seconds;
        } catch (IOException | SourceException e) {
            throw new IllegalStateException("cannot start the benchmark terminal", e);
        }
    }
}
