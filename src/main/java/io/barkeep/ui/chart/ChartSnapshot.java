package io.barkeep.ui.chart;

import io.barkeep.domain.Bar;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import java.time.LocalDate;
import java.util.List;

/**
 * What was read of one symbol for the chart, off the FX thread: every session from..to that has begun (the one in
 * progress cut at its last closed bar) with its coverage, and the 5-minute bars inside them. Kept by the view
 * model so that switching the interval rebuilds the candles without asking the database again.
 *
 * @param sessions the coverage of each session in time order: which slots are missing, as the gap report says
 * @param bars     the 5-minute bars of those sessions, oldest first, in ticks, adjusted as {@code marks} says
 * @param marks    the splits and dividends of the range, the suspected ones, and the adjustment the bars carry
 */
record ChartSnapshot(String symbol, LocalDate from, LocalDate to, List<SessionCoverage> sessions, List<Bar> bars,
                     TradingCalendar calendar, ActionMarks marks) {
    /** Bars as stored, with nothing marked (synthetic charts). */
    ChartSnapshot(String symbol, LocalDate from, LocalDate to, List<SessionCoverage> sessions, List<Bar> bars,
                  TradingCalendar calendar) {
        this(symbol, from, to, sessions, bars, calendar, ActionMarks.NONE);
    }
}
