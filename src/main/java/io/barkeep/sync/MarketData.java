package io.barkeep.sync;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.SourceException;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.GapService.GapReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lazy cache (the original design's "skill" functions): every read first fetches what the cache lacks for
 * the range asked, stores it, then answers from disk; asking again makes no vendor request.
 * <p>
 * The engine, the source and this facade are one unit: {@link #open(Config, Clock)} builds them for the command
 * line, the desktop app and the settings check alike, and {@link #close()} waits for the requests in flight, then
 * closes the source and the engine. A run asked of a closing unit is refused, so the old and the new unit of a
 * settings change never have requests in flight at the same time.
 */
public final class MarketData implements AutoCloseable {
    /** A settled session the vendor already answered is not asked again by a read for this long. */
    /** The safety event kind of requests not sent because the source did not answer its readiness check. */
    public static final String SOURCE_UNAVAILABLE = "source_unavailable";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MarketData.class);

    public static final Duration READ_RETRY_AFTER = Duration.ofDays(1);
    /** Default lookback of the skill functions. */
    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    private final CacheEngine engine;
    private final BarSource source;
    private final Fetcher fetcher;
    private final FetchPlanner planner;
    private final Object runs = new Object();
    // guarded by runs
    private int running;
    // guarded by runs
    private boolean closed;

    /**
     * What a unit is built from.
     *
     * @param thetaUrl    the terminal's root URL, or null for the source's default
     * @param concurrency requests in flight at most, the account tier's limit
     */
    public record Config(DbLocation database, String source, String thetaUrl, int concurrency, long cacheBytes) {
        /** A unit over a SQLite file. */
        public Config(Path database, String source, String thetaUrl, int concurrency, long cacheBytes) {
            this(DbLocation.sqlite(database), source, thetaUrl, concurrency, cacheBytes);
        }

        /** The unit {@code settings} describe, with its database in {@code dataFolder} unless they name one. */
        public static Config of(Settings settings, Path dataFolder) {
            return new Config(settings.location(dataFolder), settings.source(), settings.thetaUrl(),
                    settings.thetaConcurrency(), settings.cacheMb() * 1024L * 1024L);
        }
    }

    /** Opens the engine on the NYSE calendar, the configured source, and the facade over both: one unit. */
    public static MarketData open(Config config, Clock clock) {
        CacheEngine engine = CacheEngine.open(config.database(), NyseCalendar.current(clock), config.cacheBytes(), clock);
        try {
            return new MarketData(engine, source(config, engine.bars().calendar(), clock), config.concurrency(),
                    Sleeper.REAL);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * The settings check: makes the source {@code config} names exactly as {@link #open} would, asks whether it
     * answers, and closes it, without opening a database.
     *
     * @return the source's name, for the verdict
     */
    public static String checkSource(Config config, Clock clock) throws SourceException {
        try (BarSource probe = source(config, NyseCalendar.current(clock), clock)) {
            probe.checkReady();
            return probe.name();
        }
    }

    private static BarSource source(Config config, TradingCalendar calendar, Clock clock) {
        return Sources.create(config.source(), config.thetaUrl(), config.concurrency(), calendar, clock);
    }

    public MarketData(CacheEngine engine, BarSource source, int concurrency, Sleeper sleeper) {
        this.engine = engine;
        this.source = source;
        this.fetcher = new Fetcher(engine, source, concurrency, sleeper);
        this.planner = new FetchPlanner(engine.bars().calendar());
    }

    public CacheEngine engine() {
        return engine;
    }

    public BarSource source() {
        return source;
    }

    /** Bars built to {@code interval} for the New York dates from..to, fetching what is missing first. */
    public HistoricalBars getHistoricalBars(String symbol, Interval interval, BucketAlignment alignment,
                                            LocalDate from, LocalDate to, boolean fetch) {
        String sym = Symbols.normalize(symbol);
        SyncResult sync = fetch ? ensure(sym, from, to, READ_RETRY_AFTER, SyncProgress.NONE, Cancellation.none())
                : null;
        Instant start = from.atStartOfDay(Session.NEW_YORK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
        List<AggregateBar> bars = engine.bars().aggregated(sym, start, end, interval, alignment);
        return new HistoricalBars(sym, interval, from, to, bars, source.simulated(), sync);
    }

    /**
     * Bars built to {@code interval} from the 5-minute bars adjusted by {@code adjust} ({@code SPLITS} is what reads
     * and charts show by default), fetching what is missing first.
     */
    public AdjustedHistory getHistoricalBars(String symbol, Interval interval, BucketAlignment alignment,
                                             LocalDate from, LocalDate to, boolean fetch,
                                             io.barkeep.domain.Adjustment adjust) {
        String sym = Symbols.normalize(symbol);
        SyncResult sync = fetch ? ensure(sym, from, to, READ_RETRY_AFTER, SyncProgress.NONE, Cancellation.none())
                : null;
        Instant start = from.atStartOfDay(Session.NEW_YORK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
        var read = engine.adjusted().aggregated(sym, start, end, interval, alignment, adjust);
        return new AdjustedHistory(new HistoricalBars(sym, interval, from, to, read.bars(), source.simulated(), sync),
                read.adjusted());
    }

    /** The same range at several intervals, fetched once, adjusted by {@code adjust}. */
    public Map<Interval, AdjustedHistory> getMultiTimeframeData(String symbol, List<Interval> intervals,
                                                                 int lookbackDays,
                                                                 io.barkeep.domain.Adjustment adjust) {
        LocalDate today = today();
        LocalDate from = today.minusDays(lookbackDays);
        String sym = Symbols.normalize(symbol);
        ensure(sym, from, today, READ_RETRY_AFTER, SyncProgress.NONE, Cancellation.none());
        Map<Interval, AdjustedHistory> out = new LinkedHashMap<>();
        for (Interval i : intervals) {
            out.put(i, getHistoricalBars(sym, i, BucketAlignment.SESSION_OPEN, from, today, false, adjust));
        }
        return out;
    }

    /** The known splits and dividends of from..to and the suspected splits in the bars held there (no fetch). */
    public AdjustedHistory.Actions getCorporateActions(String symbol, LocalDate from, LocalDate to) {
        String sym = Symbols.normalize(symbol);
        Instant start = from.atStartOfDay(Session.NEW_YORK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
        return new AdjustedHistory.Actions(sym, engine.adjusted().actionsIn(sym, from, to),
                engine.adjusted().suspectedSplits(sym, start, end));
    }

    /** As above over the last {@code lookbackDays} calendar days up to today (New York). */
    public HistoricalBars getHistoricalBars(String symbol, Interval interval, int lookbackDays) {
        LocalDate today = today();
        return getHistoricalBars(symbol, interval, BucketAlignment.SESSION_OPEN, today.minusDays(lookbackDays),
                today, true);
    }

    /** The same range at several intervals, fetched once. */
    public Map<Interval, HistoricalBars> getMultiTimeframeData(String symbol, List<Interval> intervals,
                                                                int lookbackDays) {
        LocalDate today = today();
        LocalDate from = today.minusDays(lookbackDays);
        String sym = Symbols.normalize(symbol);
        ensure(sym, from, today, READ_RETRY_AFTER, SyncProgress.NONE, Cancellation.none());
        Map<Interval, HistoricalBars> out = new LinkedHashMap<>();
        for (Interval i : intervals) {
            out.put(i, getHistoricalBars(sym, i, BucketAlignment.SESSION_OPEN, from, today, false));
        }
        return out;
    }

    /** The newest bar after bringing the latest session up to date. */
    public Optional<LatestPrice> getLatestPrice(String symbol) {
        String sym = Symbols.normalize(symbol);
        Instant now = engine.clock().instant();
        engine.bars().calendar().latestSessionStartedBy(now).ifPresent(s ->
                ensure(sym, s.date(), s.date(), Duration.ZERO, SyncProgress.NONE, Cancellation.none()));
        return engine.bars().latest(sym).map(b -> new LatestPrice(sym, b, source.name(), source.simulated()));
    }

    public WatchlistEntry addToWatchlist(String symbol, int priority, String notes) {
        return engine.watchlist().add(Symbols.normalize(symbol), priority, notes, engine.clock().instant());
    }

    public boolean removeFromWatchlist(String symbol) {
        return engine.watchlist().remove(Symbols.normalize(symbol));
    }

    public List<WatchlistEntry> getWatchlist() {
        return engine.watchlist().list();
    }

    /**
     * Fills every hole of {@code symbols} from..to, asking again even for sessions the vendor answered before.
     */
    public SyncResult backfill(List<String> symbols, LocalDate from, LocalDate to, SyncProgress progress,
                               Cancellation cancel) {
        List<FetchRequest> requests = new ArrayList<>();
        LedgerSnapshot before = new LedgerSnapshot(engine);
        for (String s : symbols) {
            requests.addAll(plan(Symbols.normalize(s), from, to, Duration.ZERO, before));
        }
        // A watched symbol whose every request was answered is as up to date as the updater would make it; marked
        // inside the run, so a settings change does not close the database under it.
        return run(requests, before, progress, cancel, result -> {
            Instant now = engine.clock().instant();
            symbols.stream().map(Symbols::normalize).distinct()
                    .filter(s -> result.failures().stream().noneMatch(f -> f.startsWith(s + " ")))
                    .forEach(s -> engine.watchlist().markUpdated(s, now));
        });
    }

    /** Fetches what {@code symbol} lacks from..to. */
    public SyncResult ensure(String symbol, LocalDate from, LocalDate to, Duration retryAfter, SyncProgress progress,
                             Cancellation cancel) {
        LedgerSnapshot before = new LedgerSnapshot(engine);
        return run(plan(symbol, from, to, retryAfter, before), before, progress, cancel);
    }

    /** The requests filling {@code symbol}'s holes from..to; {@code before} looks at the ledger first. */
    List<FetchRequest> plan(String symbol, LocalDate from, LocalDate to, Duration retryAfter, LedgerSnapshot before) {
        before.take(symbol, from, to);
        GapReport report = engine.gaps().report(symbol, from, to);
        return planner.plan(report, engine.clock().instant(), retryAfter);
    }

    SyncResult run(List<FetchRequest> requests, LedgerSnapshot before, SyncProgress progress, Cancellation cancel) {
        return run(requests, before, progress, cancel, result -> { });
    }

    private SyncResult run(List<FetchRequest> requests, LedgerSnapshot before, SyncProgress progress,
                           Cancellation cancel, java.util.function.Consumer<SyncResult> andThen) {
        if (requests.isEmpty()) {
            SyncResult none = new SyncResult(0, 0, 0, 0, 0, 0, 0, 0, List.of());
            andThen.accept(none);
            return none;
        }
        synchronized (runs) {
            if (closed) {
                throw new SyncAbortedException("the " + source.name() + " source was closed (the settings changed); "
                        + "try again");
            }
            running++;
        }
        try {
            source.checkReady();
            SyncResult result = fetcher.run(requests, before, progress, cancel);
            requests.stream().map(FetchRequest::symbol).distinct().forEach(s -> engine.freshness().refresh(s));
            andThen.accept(result);
            return result;
        } catch (SourceException e) {
            // A person or the updater met it: it goes where every failure goes, the Events view included.
            recordUnavailable(requests, e.getMessage());
            throw new SyncAbortedException(e.getMessage());
        } finally {
            synchronized (runs) {
                running--;
                runs.notifyAll();
            }
        }
    }

    /**
     * Refuses new runs, waits for the runs in flight to end (their requests end within the source's deadline, at
     * once when cancelled), then closes the source and the engine.
     */
    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (runs) {
            closed = true;
            while (running > 0) {
                try {
                    runs.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        try {
            source.close();
        } finally {
            engine.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordUnavailable(List<FetchRequest> requests, String message) {
        String symbols = requests.stream().map(FetchRequest::symbol).distinct().limit(5)
                .collect(java.util.stream.Collectors.joining(" "));
        String symbol = requests.stream().map(FetchRequest::symbol).distinct().count() == 1
                ? requests.get(0).symbol() : null;
        try {
            engine.events().record(new io.barkeep.domain.SafetyEvent(engine.clock().instant(), SOURCE_UNAVAILABLE,
                    symbol, source.name(), null, null, requests.size() + " requests for " + symbols
                    + " not sent: " + message));
        } catch (RuntimeException e) {
            LOG.warn("could not record that the source is unavailable: {}", message, e);
        }
    }

    private LocalDate today() {
        return LocalDate.now(engine.clock().withZone(Session.NEW_YORK));
    }

    /** Bars of one symbol at one interval, and what fetching them took (null when not fetched). */
    public record HistoricalBars(String symbol, Interval interval, LocalDate from, LocalDate to,
                                 List<AggregateBar> bars, boolean simulated, SyncResult sync) {
    }

    /** The newest cached bar of a symbol after an update. */
    public record LatestPrice(String symbol, Bar bar, String source, boolean simulated) {
    }
}
