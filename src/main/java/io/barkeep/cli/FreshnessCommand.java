package io.barkeep.cli;

import io.barkeep.domain.Freshness;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.UpdaterLock;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code freshness}: per symbol, what the cache holds and how complete it is. */
@Command(name = "freshness", description = "Per symbol: oldest and newest bar, bars, expected, coverage, gaps, "
        + "last checked (also stored in data_freshness).")
final class FreshnessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (CacheEngine e = engine.open()) {
            List<Freshness> rows = e.freshness().refreshAll();
            PrintWriter out = spec.commandLine().getOut();
            // On a shared cache, who keeps it up to date (stderr with --json: the JSON stays one array).
            UpdaterLock.holder(e.database()).ifPresent(h -> (json ? spec.commandLine().getErr() : out)
                    .println(h.describe(Output::localTime) + " New York"));
            if (json) {
                Output.json(out, rows.stream().map(FreshnessCommand::toJson).toList());
                return 0;
            }
            // bars + no-trade + missing = expected: coverage counts the no-trade intervals, so they are shown.
            Output.Table table = new Output.Table("symbol", "oldest bar", "newest bar", "bars", "no-trade", "missing",
                    "expected", "coverage", "gaps", "last checked").right(3, 4, 5, 6, 7, 8);
            for (Freshness f : rows) {
                table.row(f.symbol(), Output.localTime(f.oldestBar()), Output.localTime(f.newestBar()), f.barCount(),
                        f.emptyCount(), missing(f), f.expectedCount(), String.format("%.1f%%", f.coveragePercent()),
                        f.gapCount(), Output.localTime(f.lastChecked()));
            }
            table.print(out);
        }
        return 0;
    }

    /** Expected bars neither held nor confirmed no-trade. */
    static long missing(Freshness f) {
        return Math.max(0, f.expectedCount() - f.barCount() - f.emptyCount());
    }

    private static Map<String, Object> toJson(Freshness f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", f.symbol());
        m.put("oldest_bar", Output.zonedTime(f.oldestBar()));
        m.put("newest_bar", Output.zonedTime(f.newestBar()));
        m.put("bar_count", f.barCount());
        m.put("vendor_empty_count", f.emptyCount());
        m.put("missing_count", missing(f));
        m.put("expected_count", f.expectedCount());
        m.put("coverage_pct", Math.round(f.coveragePercent() * 100) / 100.0);
        m.put("gap_count", f.gapCount());
        m.put("last_checked", Output.zonedTime(f.lastChecked()));
        return m;
    }
}
