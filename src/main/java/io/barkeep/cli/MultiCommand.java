package io.barkeep.cli;

import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code multi SYM --intervals 5m,1h,1d}: one range at several intervals, fetched once, as JSON. */
@Command(name = "multi", description = "Bars of one symbol at several intervals (JSON).")
final class MultiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "SYM", description = "A US ticker, e.g. AAPL.")
    String symbol;
    @Option(names = "--intervals", split = ",", paramLabel = "LIST", defaultValue = "5m,1h,1d",
            description = "Comma-separated bar sizes (default ${DEFAULT-VALUE}).")
    List<String> intervals;
    @Option(names = "--lookback-days", paramLabel = "N", defaultValue = "" + MarketData.DEFAULT_LOOKBACK_DAYS,
            description = "Calendar days back from today (default ${DEFAULT-VALUE}).")
    int lookbackDays;
    @Option(names = "--json", description = "Accepted for symmetry: the output is always JSON.")
    boolean json;
    @Option(names = "--adjust", paramLabel = "none|splits|all", defaultValue = "splits",
            description = "Adjust for splits (default), for splits and dividends (all), or not (none).")
    String adjust;

    @Override
    public Integer call() {
        if (lookbackDays < 1) {
            throw new UsageError("--lookback-days must be at least 1, got " + lookbackDays);
        }
        List<Interval> parsed = intervals.stream().map(Args::interval).toList();
        io.barkeep.domain.Adjustment mode = AdjustmentNotes.parse(adjust);
        try (MarketData data = engine.openData()) {
            CacheEngine e = data.engine();
            Map<Interval, io.barkeep.sync.AdjustedHistory> adjusted = data.getMultiTimeframeData(Args.symbol(symbol), parsed,
                    lookbackDays, mode);
            Map<Interval, MarketData.HistoricalBars> all = new LinkedHashMap<>();
            adjusted.forEach((i, h) -> all.put(i, h.history()));
            var applied = adjusted.values().iterator().next().adjusted();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("symbol", all.values().iterator().next().symbol());
            doc.put("simulated", data.source().simulated());
            doc.put("lookback_days", lookbackDays);
            AdjustmentNotes.putJson(doc, applied);
            Map<String, Object> byInterval = new LinkedHashMap<>();
            MarketData.HistoricalBars any = all.values().iterator().next();
            NoTradeCounter noTrade = new NoTradeCounter(e.bars().emptyBars(any.symbol(),
                    any.from().atStartOfDay(Session.NEW_YORK).toInstant(),
                    any.to().plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant()));
            all.forEach((i, h) -> byInterval.put(i.label(), h.bars().stream()
                    .map(b -> BarsCommand.toJson(b, noTrade.in(b), applied.decimals())).toList()));
            doc.put("intervals", byInterval);
            Output.json(spec.commandLine().getOut(), doc);
        }
        return 0;
    }
}
