package io.barkeep.ui.chart;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.util.List;

/**
 * What the chart marks on its time axis besides candles: the known splits and dividends of the loaded range, the
 * overnight jumps that look like a split nobody recorded, and which prices the candles are (adjusted or raw).
 *
 * @param adjustment how the candles' prices were read: {@code SPLITS} (adjusted) or {@code NONE} (raw)
 * @param applied    how many known splits after the first loaded session the adjustment applied
 */
record ActionMarks(String symbol, Adjustment adjustment, List<CorporateAction> known, List<SuspectedSplit> suspected,
                   int applied) {
    static final ActionMarks NONE = new ActionMarks("", Adjustment.SPLITS, List.of(), List.of(), 0);

    ActionMarks {
        known = List.copyOf(known);
        suspected = List.copyOf(suspected);
    }

    boolean adjusted() {
        return adjustment != Adjustment.NONE;
    }
}
