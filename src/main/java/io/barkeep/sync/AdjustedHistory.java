package io.barkeep.sync;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.util.List;

/**
 * Bars of one symbol at one interval as they leave the engine, adjusted, with what the adjustment applied.
 *
 * @param history  the bars; their prices are in units of 10^-{@code adjusted.decimals()} dollars
 * @param adjusted the adjusted 5-minute bars they were built from, their decimals and the factors applied
 */
public record AdjustedHistory(MarketData.HistoricalBars history, AdjustedBars adjusted) {

    /**
     * What a chart marks on a range: the known actions with their source and date learnt, and the overnight jumps
     * that look like a split no known action explains (to offer "add this split").
     */
    public record Actions(String symbol, List<CorporateAction> known, List<SuspectedSplit> suspected) {
    }
}
