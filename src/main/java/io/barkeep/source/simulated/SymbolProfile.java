package io.barkeep.source.simulated;

import java.util.Map;

/**
 * What the simulated feed makes of one ticker: a price level, a trend, a volatility, a trading volume, and whether
 * the name trades thinly. All of it comes from the ticker's hash, except that a few well-known tickers start from
 * levels a user would recognise (their close around 2024-01-02, volumes of that time).
 *
 * @param hash             the ticker's stable hash, the root of every other seed
 * @param basePrice        dollars at {@link PricePath#REFERENCE_DAY}
 * @param annualDrift      log-price trend per year, so older history sits lower (or higher) than today
 * @param barSigma         standard deviation of the log-price over one 5-minute bar, before the intraday shape
 * @param dailyDollarVolume dollars traded on an ordinary day; share volume follows the price
 * @param thin             a thinly traded name: low volume and more intervals without a trade
 * @param emptyRate        the fraction of bars with no trade, on average over a session
 */
record SymbolProfile(long hash, double basePrice, double annualDrift, double barSigma, double dailyDollarVolume,
                     boolean thin, double emptyRate) {

    /**
     * Dollars a day at which one bar in a hundred has no trade; the rate falls with the dollar volume, as on a real
     * feed: SPY or AAPL go months without an empty 5-minute bar, a $50 M name has a few a week.
     */
    static final double EMPTY_RATE_DOLLARS = 2e6;
    static final double MAX_EMPTY_RATE = 0.05;
    /** About one name in four is thin. */
    static final double THIN_SHARE = 0.25;

    private static final long SALT_PRICE = 1;
    private static final long SALT_DRIFT = 2;
    private static final long SALT_SIGMA = 3;
    private static final long SALT_VOLUME = 4;
    private static final long SALT_THIN = 5;

    /** Price (dollars) and shares per day of names people try first. */
    private static final Map<String, double[]> KNOWN = Map.ofEntries(
            Map.entry("AAPL", new double[] {185.64, 55e6}),
            Map.entry("MSFT", new double[] {370.87, 25e6}),
            Map.entry("AMZN", new double[] {149.93, 45e6}),
            Map.entry("GOOGL", new double[] {138.17, 25e6}),
            Map.entry("GOOG", new double[] {139.56, 20e6}),
            Map.entry("META", new double[] {346.29, 15e6}),
            Map.entry("NVDA", new double[] {48.17, 400e6}),
            Map.entry("TSLA", new double[] {248.42, 110e6}),
            Map.entry("AMD", new double[] {138.58, 55e6}),
            Map.entry("NFLX", new double[] {468.50, 4e6}),
            Map.entry("JPM", new double[] {170.30, 9e6}),
            Map.entry("SPY", new double[] {472.65, 75e6}),
            Map.entry("QQQ", new double[] {402.23, 45e6}),
            Map.entry("IWM", new double[] {198.84, 30e6}),
            Map.entry("DIA", new double[] {374.90, 3e6}));

    static SymbolProfile of(String normalizedSymbol) {
        long hash = Mix.symbol(normalizedSymbol);
        double drift = -0.02 + 0.14 * Mix.unit(Mix.of(hash, SALT_DRIFT));
        double sigma = 0.001 + 0.002 * Mix.unit(Mix.of(hash, SALT_SIGMA));
        double[] known = KNOWN.get(normalizedSymbol);
        if (known != null) {
            return new SymbolProfile(hash, known[0], drift, sigma, known[0] * known[1], false,
                    emptyRate(known[0] * known[1]));
        }
        double price = logUniform(Mix.of(hash, SALT_PRICE), 20, 500);
        // The universe's real names are liquid unless it lists them as small caps; a ticker outside it (only
        // tests make one) is thin by its hash, one in four.
        boolean thin = Universe.knows(normalizedSymbol) ? Universe.thin(normalizedSymbol)
                : Mix.unit(Mix.of(hash, SALT_THIN)) < THIN_SHARE;
        double dollars = thin ? logUniform(Mix.of(hash, SALT_VOLUME), 2e6, 20e6)
                : logUniform(Mix.of(hash, SALT_VOLUME), 50e6, 3e9);
        return new SymbolProfile(hash, price, drift, sigma, dollars, thin, emptyRate(dollars));
    }

    /** The share of a session's bars with no trade for a name trading {@code dollars} a day. */
    static double emptyRate(double dollars) {
        return Math.min(MAX_EMPTY_RATE, 0.01 * EMPTY_RATE_DOLLARS / dollars);
    }

    // Prices and volumes spread over orders of magnitude, so uniform in the logarithm
    private static double logUniform(long h, double lo, double hi) {
        return lo * Math.exp(Math.log(hi / lo) * Mix.unit(h));
    }
}
