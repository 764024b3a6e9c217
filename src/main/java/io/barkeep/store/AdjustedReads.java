package io.barkeep.store;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Aggregator;
import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.Interval;
import io.barkeep.domain.PriceAdjuster;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.SplitDetector;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bars as they leave the engine: raw 5-minute bars from the store adjusted on read with the symbol's actions, and
 * larger intervals aggregated from the adjusted 5-minute bars (never adjusted after aggregation).
 */
public final class AdjustedReads {
    private final BarStore bars;
    private final ActionRepository actions;

    public AdjustedReads(BarStore bars, ActionRepository actions) {
        this.bars = bars;
        this.actions = actions;
    }

    /** The 5-minute bars of {@code symbol} with from <= start < to, adjusted. */
    public AdjustedBars bars(String symbol, Instant from, Instant to, Adjustment mode) {
        List<Bar> raw = bars.bars(symbol, from, to);
        if (mode == Adjustment.NONE || raw.isEmpty()) {
            return PriceAdjuster.adjust(raw, List.of(), mode, Map.of());
        }
        List<CorporateAction> known = actions.of(symbol);
        return PriceAdjuster.adjust(raw, known, mode, closes(symbol, known, mode));
    }

    /** As {@link BarStore#aggregated}, built from the adjusted 5-minute bars. */
    public Aggregated aggregated(String symbol, Instant from, Instant to, Interval interval,
                                 BucketAlignment alignment, Adjustment mode) {
        AdjustedBars adjusted = bars(symbol, from, to, mode);
        return new Aggregated(Aggregator.aggregate(adjusted.bars(), interval, alignment, bars.calendar()), adjusted);
    }

    /** An adjuster for {@code symbol} from {@code firstDate} on, for prices read one by one (exports). */
    public PriceAdjuster adjuster(String symbol, LocalDate firstDate, Adjustment mode) {
        List<CorporateAction> known = mode == Adjustment.NONE ? List.of() : actions.of(symbol);
        return new PriceAdjuster(known, mode, firstDate, closes(symbol, known, mode));
    }

    /** The known actions with from <= ex-date <= to. */
    public List<CorporateAction> actionsIn(String symbol, LocalDate from, LocalDate to) {
        return actions.of(symbol).stream().filter(a -> !a.exDate().isBefore(from) && !a.exDate().isAfter(to))
                .toList();
    }

    /** Overnight jumps in from..to that look like a split no known action explains. */
    public List<SuspectedSplit> suspectedSplits(String symbol, Instant from, Instant to) {
        Set<LocalDate> known = actions.of(symbol).stream().filter(CorporateAction::isSplit)
                .map(CorporateAction::exDate).collect(Collectors.toSet());
        return SplitDetector.scan(symbol, bars.bars(symbol, from, to), known);
    }

    private Map<LocalDate, Long> closes(String symbol, List<CorporateAction> known, Adjustment mode) {
        if (!mode.dividends()) {
            return Map.of();
        }
        return actions.closesBefore(symbol, known.stream().filter(a -> !a.isSplit())
                .map(CorporateAction::exDate).toList());
    }

    /** Aggregated adjusted bars and what adjusting them applied. */
    public record Aggregated(List<AggregateBar> bars, AdjustedBars adjusted) {
    }
}
