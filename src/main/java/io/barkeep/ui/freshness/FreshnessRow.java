package io.barkeep.ui.freshness;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.ui.freshness.Thresholds.Level;
import io.barkeep.ui.freshness.Thresholds.State;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of the freshness table: a symbol's {@link Freshness} with its lag and verdicts. Numbers are boxed so
 * that "nothing yet" shows as a dash and the table sorts them as numbers.
 *
 * @param bars     5-minute bars held
 * @param noTrade  intervals the vendor confirmed had no trade (counted as covered)
 * @param missing  expected bars neither held nor confirmed no-trade: bars + noTrade + missing = expected
 * @param coverage percent held or confirmed empty, null while nothing is expected
 * @param lag      bars behind the last closed bar, null when nothing is held or there is no reference
 */
public record FreshnessRow(String symbol, Instant oldestBar, Instant newestBar, Long bars, Long noTrade, Long missing,
                           Long expected,
                           Double coverage, Integer gaps, Long lag, Instant lastChecked, State state,
                           Level coverageLevel, Level lagLevel, Level gapsLevel) {

    /** The row of {@code f} against {@code reference} (empty: the calendar knows no session yet). */
    public static FreshnessRow of(Freshness f, TradingCalendar calendar, Optional<FreshnessLag.Reference> reference) {
        Double coverage = f.expectedCount() == 0 ? null : f.coveragePercent();
        Long lag = f.newestBar() == null || reference.isEmpty() ? null
                : FreshnessLag.barsBehind(calendar, f.newestBar(), reference.get().lastClosedBar());
        State state = Thresholds.state(f.newestBar() == null, lag, f.gapCount(), coverage);
        long missing = Math.max(0, f.expectedCount() - f.barCount() - f.emptyCount());
        return new FreshnessRow(f.symbol(), f.oldestBar(), f.newestBar(), f.barCount(), f.emptyCount(), missing,
                f.expectedCount(), coverage,
                f.gapCount(), lag, f.lastChecked(), state, Thresholds.coverage(coverage), Thresholds.lag(lag),
                Thresholds.gaps(f.gapCount()));
    }
}
