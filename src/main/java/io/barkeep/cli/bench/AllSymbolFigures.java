package io.barkeep.cli.bench;

import static io.barkeep.cli.bench.Timings.medianMs;
import static io.barkeep.cli.bench.Timings.round;

import io.barkeep.domain.Session;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService;
import io.barkeep.sync.FetchPlanner;
import io.barkeep.sync.Updater;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the updater and the screens ask of every symbol at once, each the median of a few runs: the backfill pass's
 * plan over the whole span (a gap report from the ledger and the planner, per symbol), the {@code gaps} command's
 * reports over each symbol's held span and the {@code freshness} command's rows (each one pass over the ledger).
 */
final class AllSymbolFigures {
    /** Runs of each figure (a pass over 500 symbols takes long enough to need few). */
    private static final int REPEATS = 3;

    private AllSymbolFigures() {
    }

    /** Measures on {@code engine}, which holds the whole workload of {@code symbols}, into {@code out}. */
    static void measure(CacheEngine engine, BenchWorkload workload, int symbols, Clock clock,
                        Map<String, Object> out) {
        List<Session> sessions = workload.sessions();
        LocalDate first = sessions.get(0).date();
        LocalDate last = sessions.get(sessions.size() - 1).date();
        FetchPlanner planner = new FetchPlanner(engine.bars().calendar());
        GapService gaps = engine.gaps();
        out.put("plan_all_ms", round(medianMs(REPEATS, r -> {
            int requests = 0;
            for (int i = 0; i < symbols; i++) {
                requests += planner.plan(gaps.report(BenchWorkload.symbol(i), first, last), clock.instant(),
                        Updater.RECHECK_AFTER).size();
            }
            if (requests != 0) {
                throw new IllegalStateException("a complete workload planned " + requests + " requests");
            }
        }), 1));
        // As the gaps command asks for every symbol: one pass over the ledger.
        List<String> all = java.util.stream.IntStream.range(0, symbols).mapToObj(BenchWorkload::symbol).toList();
        out.put("gaps_all_ms", round(medianMs(REPEATS, r -> {
            if (gaps.reportAll(all).size() != symbols) {
                throw new IllegalStateException("gaps did not cover every symbol");
            }
        }), 1));
        out.put("freshness_all_ms", round(medianMs(REPEATS, r -> {
            if (engine.freshness().computeAll().size() != symbols) {
                throw new IllegalStateException("freshness did not cover every symbol");
            }
        }), 1));
    }
}
