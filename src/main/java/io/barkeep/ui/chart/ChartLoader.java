package io.barkeep.ui.chart;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.PriceAdjuster;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.SplitDetector;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the chart shows of one symbol from the cache engine. Blocking: background work only. Everything
 * the cache holds is read at once (three years of one symbol is about 59,000 bars, some 30 ms); what it lacks
 * further back is backfilled lazily when the view reaches it.
 */
final class ChartLoader {
    /** How far back a symbol with nothing cached starts: enough sessions to see, and little to fetch. */
    static final int NEW_SYMBOL_DAYS = 30;
    /** Days of context before a session the chart is asked to open at. */
    static final int TARGET_CONTEXT_DAYS = 14;

    private ChartLoader() {
    }

    /**
     * Where a fresh view of {@code symbol} starts: the oldest session the cache holds, or a few weeks back when it
     * holds nothing, extended to show {@code target}'s session, never before {@code oldest} (the retention window).
     */
    static LocalDate initialFrom(CacheEngine engine, String symbol, LocalDate target, LocalDate today,
                                 LocalDate oldest) {
        LocalDate from = engine.gaps().heldSpan(symbol).map(span -> span[0])
                .orElse(today.minusDays(NEW_SYMBOL_DAYS));
        if (target != null && target.minusDays(TARGET_CONTEXT_DAYS).isBefore(from)) {
            from = target.minusDays(TARGET_CONTEXT_DAYS);
        }
        return from.isBefore(oldest) ? oldest : from;
    }

    /** The symbols the picker offers: the watchlist's in its order, then every other symbol the cache holds. */
    static List<String> symbols(CacheEngine engine) {
        Set<String> all = new LinkedHashSet<>();
        engine.watchlist().list().forEach(e -> all.add(e.symbol()));
        all.addAll(engine.bars().symbols());
        return List.copyOf(all);
    }

    /** Which prices the chart shows, for the export's header. */
    static String adjustment(ActionMarks marks) {
        return marks.adjusted() ? "split-adjusted (" + marks.applied() + " split(s) applied; volume scaled by ratio)"
                : "raw (as traded; no split or dividend adjustment)";
    }

    /**
     * The sessions from..to with their coverage (the gap report's verdict) and the 5-minute bars in them, adjusted
     * by {@code adjustment} (the chart shows {@code SPLITS} or {@code NONE}), with the known and suspected splits
     * and dividends of the range. Raw bars are read once: the suspicions come from them.
     */
    static ChartSnapshot read(CacheEngine engine, String symbol, LocalDate from, LocalDate to,
                              Adjustment adjustment) {
        GapService.GapReport report = engine.gaps().report(symbol, from, to);
        List<SessionCoverage> sessions = report.sessions();
        List<Bar> raw = sessions.isEmpty() ? List.of()
                : engine.bars().bars(symbol, sessions.get(0).session().open(),
                        sessions.get(sessions.size() - 1).session().close());
        List<CorporateAction> actions = engine.actions().of(symbol);
        AdjustedBars adjusted = PriceAdjuster.adjust(raw, actions, adjustment, Map.of());
        Set<LocalDate> splitDates = actions.stream().filter(CorporateAction::isSplit).map(CorporateAction::exDate)
                .collect(Collectors.toSet());
        List<CorporateAction> inRange = actions.stream()
                .filter(a -> !a.exDate().isBefore(from) && !a.exDate().isAfter(to)).toList();
        int applied = (int) adjusted.factors().stream().filter(f -> f.applied() && f.action().isSplit()).count();
        ActionMarks marks = new ActionMarks(symbol, adjustment, inRange,
                SplitDetector.scan(symbol, raw, splitDates), applied);
        return new ChartSnapshot(symbol, from, to, sessions, inTicks(adjusted), engine.bars().calendar(), marks);
    }

    /** Adjusted bars carry eight decimals; the chart draws in the store's ticks (four), which is what it shows. */
    private static List<Bar> inTicks(AdjustedBars adjusted) {
        if (!adjusted.changed()) {
            return adjusted.bars();
        }
        double scale = Math.pow(10, adjusted.decimals() - 4);
        List<Bar> out = new ArrayList<>(adjusted.bars().size());
        for (Bar b : adjusted.bars()) {
            out.add(new Bar(b.start(), Math.round(b.open() / scale), Math.round(b.high() / scale),
                    Math.round(b.low() / scale), Math.round(b.close() / scale), b.volume(), b.trades(),
                    b.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN : Math.round(b.vwap() / scale)));
        }
        return out;
    }
}
