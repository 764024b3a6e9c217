package io.barkeep.ui.chart;

import io.barkeep.domain.Bar;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Which prices the chart shows, for the export's header. The one place where the chart asks for its bars is
     * {@link #read}: an "Adjusted / Raw" choice belongs there, and this then names the series it read.
     */
    static String adjustment() {
        return "raw (as stored; no split or dividend adjustment)";
    }

    /** The sessions from..to with their coverage (the gap report's verdict) and the 5-minute bars in them. */
    static ChartSnapshot read(CacheEngine engine, String symbol, LocalDate from, LocalDate to) {
        GapService.GapReport report = engine.gaps().report(symbol, from, to);
        List<SessionCoverage> sessions = report.sessions();
        List<Bar> bars = sessions.isEmpty() ? List.of()
                : engine.bars().bars(symbol, sessions.get(0).session().open(),
                        sessions.get(sessions.size() - 1).session().close());
        return new ChartSnapshot(symbol, from, to, sessions, bars, engine.bars().calendar());
    }
}
