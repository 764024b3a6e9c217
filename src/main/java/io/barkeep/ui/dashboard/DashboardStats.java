package io.barkeep.ui.dashboard;

import io.barkeep.domain.Freshness;
import io.barkeep.sync.UpdaterSchedule;
import java.time.Instant;
import java.util.List;

/**
 * The numbers the dashboard shows, read together in one background load.
 *
 * @param symbols         symbols on the watchlist
 * @param activeSymbols   of those, the ones the updater keeps fresh
 * @param cachedSymbols   symbols with any cached data (the watchlist's and earlier ones)
 * @param bars            5-minute bars held over all symbols
 * @param noTradeBars     intervals the vendor confirmed had no trade, over all symbols
 * @param missingBars     expected bars neither held nor confirmed no-trade, over all symbols: bars + noTradeBars +
 *                        missingBars = expectedBars
 * @param databaseBytes   the database file plus its write-ahead log
 * @param expectedBars    bars the calendar expects over every symbol's cached span
 * @param coveragePercent held and vendor-empty bars over expected bars, all symbols together (0 when none)
 * @param gaps            missing ranges over all symbols
 * @param nextPass        the updater's next pass, as it planned it (the status bar shows the same)
 * @param lastPass        the newest watchlist {@code last_updated}, or null when no pass has updated a symbol
 * @param vendorErrors    vendor safety events, and requests not sent because the source was down, in the last
 *                        24 hours
 * @param freshest        the watched symbol with the newest bar, or null when nothing is cached
 * @param stalest         the watched symbol with the oldest newest bar (or none at all), or null when no
 *                        symbol has a bar
 * @param watched         the freshness of each active watchlist symbol (of every cached one when none is
 *                        active), lowest coverage first
 * @param at              when the numbers were read
 * @param stalestLag      how many bars the stalest symbol's newest bar is behind the last bar closed at {@code at}
 *                        ({@link io.barkeep.ui.freshness.FreshnessLag}), or null when it has none or the calendar
 *                        knows no session before {@code at}
 */
public record DashboardStats(int symbols, int activeSymbols, int cachedSymbols, long bars, long noTradeBars,
                             long missingBars, long databaseBytes,
                             String databaseName, long expectedBars, double coveragePercent, int gaps, UpdaterSchedule.Planned nextPass,
                             Instant lastPass, int vendorErrors, Freshness freshest, Freshness stalest, List<Freshness> watched,
                             Instant at, Long stalestLag) {

    /** These numbers with the updater's newer plan (it plans after each pass; nothing else needs reading). */
    DashboardStats withNextPass(UpdaterSchedule.Planned next) {
        return new DashboardStats(symbols, activeSymbols, cachedSymbols, bars, noTradeBars, missingBars, databaseBytes,
                databaseName, expectedBars, coveragePercent, gaps, next, lastPass, vendorErrors, freshest, stalest,
                watched, at, stalestLag);
    }
}
