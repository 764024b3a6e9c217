package io.barkeep.source.simulated;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import java.time.Instant;
import java.util.List;

/**
 * Invents the 5-minute bars of one symbol's sessions. A session's bars depend only on the symbol and the date: the
 * generator is reseeded from their hash at every session and draws the same numbers in the same order whatever is
 * asked, so cutting a session short (the clock) or leaving bars out (an outage) never changes the bars it does show.
 * One instance per request; not thread-safe.
 */
final class SessionGenerator {
    private static final long SALT_BARS = 11;
    private static final long SALT_OUTAGE = 12;

    /** Overnight gap between the day's level and the open, in log-price. */
    private static final double GAP_SIGMA = 0.004;
    /** Some days are calmer or wilder than others. */
    private static final double DAY_VOLATILITY_SIGMA = 0.25;
    private static final double DAY_VOLUME_SIGMA = 0.3;
    private static final double BAR_VOLUME_SIGMA = 0.35;
    /** Spread of the average trade size around 100 shares. */
    private static final double TRADE_SIZE_SIGMA = 0.15;
    private static final double SHARES_PER_TRADE = 100;
    /** A bar's first trade is near, not exactly at, the previous bar's last. */
    private static final double OPEN_JITTER = 0.15;
    /** How far highs and lows reach past the open and close, in bar standard deviations. */
    private static final double WICK = 0.5;
    private static final int MIN_OUTAGE_BARS = 3;
    private static final int MAX_OUTAGE_BARS = 15;

    private final SymbolProfile profile;
    private final PricePath path;
    private final SplitMix random = new SplitMix();
    // a regular session's 78 bars; grown for longer custom sessions
    private double[] walk = new double[79];

    SessionGenerator(SymbolProfile profile) {
        this.profile = profile;
        this.path = new PricePath(profile);
    }

    /**
     * The bars a feed hiccup drops from {@code session} the first time they are asked for, or null for most sessions.
     * Drawn from its own seed, so whether a day has an outage never changes its bars.
     */
    static Outage outage(SymbolProfile profile, Session session, double rate) {
        long h = Mix.of(profile.hash(), session.date().toEpochDay(), SALT_OUTAGE);
        if (Mix.unit(h) >= rate) {
            return null;
        }
        int bars = session.expectedBars();
        int span = MAX_OUTAGE_BARS - MIN_OUTAGE_BARS + 1;
        int length = Math.min(bars, MIN_OUTAGE_BARS + (int) Long.remainderUnsigned(Mix.of(h, 1), span));
        int from = (int) Long.remainderUnsigned(Mix.of(h, 2), bars - length + 1);
        return new Outage(from, from + length);
    }

    /**
     * Appends the first {@code published} bars of {@code session} to {@code bars} (traded) and {@code empties}
     * (no trade), leaving out the indices {@code skipFrom <= i < skipTo}.
     */
    void generate(Session session, int published, int skipFrom, int skipTo, List<Bar> bars, List<EmptyBar> empties) {
        long day = session.date().toEpochDay();
        int n = session.expectedBars();
        IntradayShape shape = IntradayShape.of(n);
        random.reseed(Mix.of(profile.hash(), day, SALT_BARS));

        double first = path.logLevel(day) + GAP_SIGMA * random.nextGaussian();
        double last = path.nextLogLevel(day);
        double sigma = profile.barSigma() * lognormal(DAY_VOLATILITY_SIGMA, random.nextGaussian());
        double sharesToday = profile.dailyDollarVolume() / Math.exp(first)
                * lognormal(DAY_VOLUME_SIGMA, random.nextGaussian());

        // A random walk bent into a bridge that ends at the next weekday's level: tomorrow opens near today's close
        // without generating today first, so any session can be made on its own.
        if (walk.length < n + 1) {
            walk = new double[n + 1];
        }
        walk[0] = 0;
        for (int i = 0; i < n; i++) {
            walk[i + 1] = walk[i] + sigma * shape.sigma[i] * random.nextGaussian();
        }
        double pull = walk[n] - (last - first);

        long openSecond = session.open().getEpochSecond();
        double pricedVolume = 0;
        double volume = 0;
        long vwap = Bar.UNKNOWN;
        for (int i = 0; i < published; i++) {
            double fromLog = first + walk[i] - pull * i / n;
            double toLog = first + walk[i + 1] - pull * (i + 1) / n;
            double barSigma = sigma * shape.sigma[i];
            // every bar draws the same numbers whether it trades, shows or not, so later bars never shift
            double emptyDraw = random.nextDouble();
            double zOpen = random.nextGaussian();
            double zHigh = random.nextGaussian();
            double zLow = random.nextGaussian();
            double zVolume = random.nextGaussian();
            double zTrades = random.nextGaussian();
            boolean shown = i < skipFrom || i >= skipTo;

            // the opening auction always trades, so the session's VWAP exists from the first bar on
            boolean traded = i == 0 || emptyDraw >= profile.emptyRate() * shape.empty[i];
            if (!traded) {
                if (shown) {
                    empties.add(new EmptyBar(Instant.ofEpochSecond(openSecond + (long) i * Session.BAR_SECONDS), vwap));
                }
                continue;
            }
            double openDollars = Math.exp(fromLog + OPEN_JITTER * barSigma * zOpen);
            double closeDollars = Math.exp(toLog);
            long open = cents(openDollars);
            long close = cents(closeDollars);
            long high = Math.max(Math.max(open, close),
                    cents(Math.max(openDollars, closeDollars) * Math.exp(WICK * barSigma * Math.abs(zHigh))));
            long low = Math.max(1, Math.min(Math.min(open, close),
                    cents(Math.min(openDollars, closeDollars) * Math.exp(-WICK * barSigma * Math.abs(zLow)))));

            // busier when the price moves, as real tape is
            double move = Math.abs(toLog - fromLog) / barSigma;
            long shares = Math.max(1, Math.round(sharesToday * shape.volume[i]
                    * lognormal(BAR_VOLUME_SIGMA, zVolume) * (0.6 + 0.5 * move)));
            long trades = Math.max(1, Math.min(shares,
                    Math.round(shares / SHARES_PER_TRADE * lognormal(TRADE_SIZE_SIGMA, zTrades))));

            pricedVolume += (high + low + close) / 3.0 * shares;
            volume += shares;
            vwap = Math.round(pricedVolume / volume * (Prices.SCALE / 100));
            if (shown) {
                bars.add(new Bar(Instant.ofEpochSecond(openSecond + (long) i * Session.BAR_SECONDS),
                        open * 100, high * 100, low * 100, close * 100, shares, trades, vwap));
            }
        }
    }

    /** Whole cents, at least one: prices print on the cent as real quotes do. */
    private static long cents(double dollars) {
        return Math.max(1, Math.round(dollars * 100));
    }

    /** A lognormal factor with mean 1. */
    private static double lognormal(double sigma, double z) {
        return Math.exp(sigma * z - sigma * sigma / 2);
    }

    /** Bar indices {@code from <= i < to} of a session. */
    record Outage(int from, int to) {
    }
}
