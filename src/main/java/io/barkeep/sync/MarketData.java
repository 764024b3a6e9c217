package io.barkeep.sync;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.BarSource;
import io.barkeep.source.SourceException;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService.GapReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lazy cache (the original design's "skill" functions): every read first fetches what the cache lacks for
 * the range asked, stores it, then answers from disk; asking again makes no vendor request.
 */
public final class MarketData {
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
        SyncResult sync = fetch ? ensure(sym, from, to, READ_RETRY_AFTER, SyncProgress.NONE, new AtomicBoolean())
                : null;
        Instant start = from.atStartOfDay(Session.NEW_YORK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
        List<AggregateBar> bars = engine.bars().aggregated(sym, start, end, interval, alignment);
        return new HistoricalBars(sym, interval, from, to, bars, source.simulated(), sync);
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
        ensure(sym, from, today, READ_RETRY_AFTER, SyncProgress.NONE, new AtomicBoolean());
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
                ensure(sym, s.date(), s.date(), Duration.ZERO, SyncProgress.NONE, new AtomicBoolean()));
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
                               AtomicBoolean cancel) {
        List<FetchRequest> requests = new ArrayList<>();
        for (String s : symbols) {
            requests.addAll(plan(Symbols.normalize(s), from, to, Duration.ZERO));
        }
        SyncResult result = run(requests, progress, cancel);
        // A watched symbol whose every request was answered is as up to date as the updater would make it.
        Instant now = engine.clock().instant();
        symbols.stream().map(Symbols::normalize).distinct()
                .filter(s -> result.failures().stream().noneMatch(f -> f.startsWith(s + " ")))
                .forEach(s -> engine.watchlist().markUpdated(s, now));
        return result;
    }

    /** Fetches what {@code symbol} lacks from..to. */
    public SyncResult ensure(String symbol, LocalDate from, LocalDate to, Duration retryAfter, SyncProgress progress,
                             AtomicBoolean cancel) {
        return run(plan(symbol, from, to, retryAfter), progress, cancel);
    }

    List<FetchRequest> plan(String symbol, LocalDate from, LocalDate to, Duration retryAfter) {
        GapReport report = engine.gaps().report(symbol, from, to);
        return planner.plan(report, engine.clock().instant(), retryAfter);
    }

    SyncResult run(List<FetchRequest> requests, SyncProgress progress, AtomicBoolean cancel) {
        if (requests.isEmpty()) {
            return new SyncResult(0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        try {
            source.checkReady();
        } catch (SourceException e) {
            // A person or the updater met it: it goes where every failure goes, the Events view included.
            recordUnavailable(requests, e.getMessage());
            throw new SyncAbortedException(e.getMessage());
        }
        SyncResult result = fetcher.run(requests, progress, cancel);
        requests.stream().map(FetchRequest::symbol).distinct().forEach(s -> engine.freshness().refresh(s));
        return result;
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
