package io.barkeep.source.simulated;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.BarSource;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceException;
import io.barkeep.source.VendorErrorCode;
import io.barkeep.source.SymbolCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in simulated feed ({@code demo}): invented but plausible 5-minute bars for a fixed universe of real US
 * tickers ({@link Universe}, listed in {@code universe.txt} beside this class), so a new user can run Barkeep with
 * no vendor account. Any other ticker is answered "no such symbol", as a vendor would: the feed never invents years
 * of bars for a typo. Everything that shows its bars says SIMULATED ({@link #simulated()}).
 *
 * <h2>Deterministic</h2>
 * A session's bars are a pure function of the normalized symbol and the date, seeded from a 64-bit hash of both:
 * the same day always comes back the same, whatever range it was asked in, from any instance, in any run. A month
 * equals its days fetched one by one, and re-fetching a day never revises it. The price carries over from day to
 * day through a closed-form level per calendar day (trend plus smooth noise at several time scales), so a session's
 * open never requires generating the days before it and three years take milliseconds.
 *
 * <h2>Plausible</h2>
 * Each symbol gets a price level (20-500 dollars from its hash; a few well-known tickers start near their early-2024
 * levels), a trend, a volatility of 0.1-0.3% per bar and a daily dollar volume. Within a session the price is a
 * random walk, more volatile at the open and close; volume follows the U shape of US equities; the trade count is
 * about volume / 100; {@code vwap} is the session's cumulative VWAP, as the vendor sends it. Prices are on whole
 * cents, with high and low enclosing open and close.
 *
 * <h2>Imperfect on purpose</h2>
 * <ul>
 *   <li>No-trade bars: as rare as a real feed's, from the name's dollar volume (none to speak of for SPY or AAPL,
 *       a few per week for a mid cap, a few percent for the quarter of names whose hash marks them thin), mostly
 *       at midday, come back as {@link EmptyBar}s carrying the running VWAP. The opening bar always trades.</li>
 *   <li>Outages: a fixed {@linkplain Options#outageRate() share} of (symbol, session) pairs (3% by default) has a
 *       stretch of 3-15 consecutive bars that the feed "drops": the first bulk (multi-session) request whose
 *       answer would include any bar of the stretch, or the first single-day request made within ten minutes
 *       of the stretch's end (a live hiccup), leaves those bars out; every later request for that day answers
 *       them. So a first backfill shows gaps and a repair fills them, also from a new process: a single-day
 *       repair of an older session is always whole.</li>
 * </ul>
 *
 * <h2>Time</h2>
 * Sessions come from the {@link TradingCalendar}: weekends and holidays have no bars, early closes 42. A bar is
 * answered only once it has ended, {@linkplain Options#publishDelay() a delay} before the clock's now, so today's
 * session grows as the clock runs and future sessions are empty. An answer with no bars and no empties says
 * {@code noData}, as the vendor does.
 *
 * <p>Thread-safe. Requests never fail, except for a bad symbol or range ({@link SourceException.Kind#REQUEST_FAILED})
 * and an interrupted {@linkplain Options#latency() artificial latency} ({@link SourceException.Kind#RETRYABLE}).
 */
public final class SimulatedSource implements BarSource {
    /** The name on the command line and in settings. */
    public static final String NAME = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedSource.class);
    private static final int REGULAR_BARS = 78;

    private final TradingCalendar calendar;
    private final Clock clock;
    private final Options options;
    private final SimulatedActions actions;
    private final RequestStats stats;
    /** How long after a stretch ends a single-day answer can still miss it (the feed's live hiccup). */
    private static final long LIVE_OUTAGE_SECONDS = 600;

    /** Days whose outage has already been served: they answer complete from now on. */
    private final Set<OutageKey> outagesServed = ConcurrentHashMap.newKeySet();

    /** The NYSE calendar, the system clock, and {@link Options#defaults()}. */
    public SimulatedSource() {
        this(NyseCalendar.current(Clock.systemUTC()), Clock.systemUTC(), Options.defaults());
    }

    /** With {@link Options#defaults()}. */
    public SimulatedSource(TradingCalendar calendar, Clock clock) {
        this(calendar, clock, Options.defaults());
    }

    /**
     * @param calendar which sessions exist
     * @param clock    decides which bars have happened yet
     * @param options  publication delay, artificial latency and outage rate
     */
    public SimulatedSource(TradingCalendar calendar, Clock clock, Options options) {
        this.calendar = Objects.requireNonNull(calendar);
        this.clock = Objects.requireNonNull(clock);
        this.options = Objects.requireNonNull(options);
        this.actions = new SimulatedActions(calendar, clock);
        this.stats = new RequestStats(RequestStats.NO_LIMIT, clock);
    }

    /** The feed's own answers, so the health view has figures to show for it too (marked simulated there). */
    @Override
    public RequestStats requestStats() {
        return stats;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The feed knows its universe: any other ticker does not exist for it. */
    @Override
    public SymbolCheck checkSymbol(String symbol) {
        return SymbolCheck.of(Symbols.isValid(symbol) && Universe.knows(Symbols.normalize(symbol)));
    }

    @Override
    public boolean simulated() {
        return true;
    }

    /** Always ready: the feed runs in this process. */
    @Override
    public void checkReady() {
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        long started = stats.begin();
        try {
            SourceAnswer answer = answer(symbol, from, to);
            stats.succeeded(started);
            return answer;
        } catch (SourceException e) {
            stats.refused(started, VendorErrorCode.of(e));
            throw e;
        } catch (RuntimeException e) {
            stats.refused(started, VendorErrorCode.OTHER);
            throw e;
        }
    }

    private SourceAnswer answer(String symbol, LocalDate from, LocalDate to) throws SourceException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String normalized;
        try {
            normalized = Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new SourceException(SourceException.Kind.REQUEST_FAILED, -1, e.getMessage(), e);
        }
        if (from.isAfter(to)) {
            throw new SourceException(SourceException.Kind.REQUEST_FAILED, -1,
                    "bad range: " + from + " is after " + to);
        }
        if (!Universe.knows(normalized)) {
            throw new SourceException(SourceException.Kind.REQUEST_FAILED, -1, "no such symbol: " + normalized
                    + " is not in the simulated feed's universe of " + Universe.size() + " US tickers");
        }
        pause();

        // read after the pause: what has happened is judged when the answer leaves
        long cutoff = clock.instant().minus(options.publishDelay()).getEpochSecond();
        List<Session> sessions = calendar.sessions(from, to);
        SymbolProfile profile = SymbolProfile.of(normalized);
        SessionGenerator generator = new SessionGenerator(profile);
        List<Bar> bars = new ArrayList<>(sessions.size() * REGULAR_BARS);
        List<EmptyBar> empties = new ArrayList<>();
        for (Session session : sessions) {
            int published = publishedBars(session, cutoff);
            if (published == 0) {
                continue;
            }
            int skipFrom = 0;
            int skipTo = 0;
            SessionGenerator.Outage outage = SessionGenerator.outage(profile, session, options.outageRate());
            if (outage != null && outage.from() < published && hitsOutage(outage, session, sessions.size(), cutoff)
                    && outagesServed.add(new OutageKey(normalized, session.date()))) {
                skipFrom = outage.from();
                skipTo = outage.to();
                LOG.debug("demo feed: simulated outage drops {} {} bars {}..{}", normalized, session.date(),
                        skipFrom, Math.min(skipTo, published) - 1);
            }
            int firstBar = bars.size();
            int firstEmpty = empties.size();
            generator.generate(session, published, skipFrom, skipTo, bars, empties);
            // as traded: the bars jump at each split of the feed's schedule, as a vendor's do
            actions.toRaw(normalized, session.date(), bars, firstBar, empties, firstEmpty);
        }
        return new SourceAnswer(bars, empties, List.of(), 0, bars.isEmpty() && empties.isEmpty());
    }

    /** How many of the session's bars have ended by {@code cutoff} (epoch seconds). */
    private static int publishedBars(Session session, long cutoff) {
        long elapsed = cutoff - session.open().getEpochSecond();
        if (elapsed <= 0) {
            return 0;
        }
        return (int) Math.min(session.expectedBars(), elapsed / Session.BAR_SECONDS);
    }

    private void pause() throws SourceException {
        if (options.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(options.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Kind.RETRYABLE, -1, "interrupted while the demo feed waited",
                    e);
        }
    }

    /**
     * How the simulated feed behaves beyond its bars.
     *
     * @param publishDelay how long after a bar ends it becomes available (0: at once; a vendor tier might be 15 min)
     * @param latency      how long each request takes, to make progress visible in demos (0: no wait)
     * @param outageRate   the share of (symbol, session) pairs whose first answer drops a stretch of bars, 0..1
     */
    public record Options(Duration publishDelay, Duration latency, double outageRate) {
        /** Three outages in a hundred sessions: a few gaps per symbol and month, enough to see and repair. */
        public static final double DEFAULT_OUTAGE_RATE = 0.03;

        public Options {
            Objects.requireNonNull(publishDelay, "publishDelay");
            Objects.requireNonNull(latency, "latency");
            if (publishDelay.isNegative() || latency.isNegative()) {
                throw new IllegalArgumentException("delays cannot be negative: " + publishDelay + ", " + latency);
            }
            if (!(outageRate >= 0 && outageRate <= 1)) {
                throw new IllegalArgumentException("outage rate must be between 0 and 1: " + outageRate);
            }
        }

        /** No delay, no latency, {@value #DEFAULT_OUTAGE_RATE} outages. */
        public static Options defaults() {
            return new Options(Duration.ZERO, Duration.ZERO, DEFAULT_OUTAGE_RATE);
        }

        public Options withPublishDelay(Duration delay) {
            return new Options(delay, latency, outageRate);
        }

        public Options withLatency(Duration wait) {
            return new Options(publishDelay, wait, outageRate);
        }

        public Options withOutageRate(double rate) {
            return new Options(publishDelay, latency, rate);
        }
    }

    /**
     * An outage drops bars from a bulk (multi-session) answer, or from a live answer asked while the stretch is
     * still fresh. A later single-day repair of an old session is always whole, so a repair works from a new
     * process too (the command line starts one per command).
     */
    private static boolean hitsOutage(SessionGenerator.Outage outage, Session session, int sessionsAsked,
                                      long cutoff) {
        long stretchEnd = session.open().getEpochSecond() + (long) outage.to() * Session.BAR_SECONDS;
        return sessionsAsked > 1 || cutoff < stretchEnd + LIVE_OUTAGE_SECONDS;
    }

    private record OutageKey(String symbol, LocalDate date) {
    }
}
