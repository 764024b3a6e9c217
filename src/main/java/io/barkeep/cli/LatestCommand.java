package io.barkeep.cli;

import io.barkeep.domain.Prices;
import io.barkeep.sync.MarketData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code latest SYM}: the newest 5-minute bar after bringing the latest session up to date. */
@Command(name = "latest", description = "The latest price: the newest 5-minute bar, fetched if missing.")
final class LatestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "SYM", description = "A US ticker, e.g. AAPL.")
    String symbol;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (MarketData data = engine.openData()) {
            MarketData.LatestPrice latest = data.getLatestPrice(Args.symbol(symbol))
                    .orElseThrow(() -> new UserError("no bars for " + symbol + " from source " + engine.sourceName()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", latest.symbol());
            m.put("price", Prices.toDecimal(latest.bar().close()));
            m.put("bar_start", Output.zonedTime(latest.bar().start()));
            m.put("bar_end", Output.zonedTime(latest.bar().start().plusSeconds(300)));
            m.put("volume", latest.bar().volume());
            m.put("source", latest.source());
            m.put("simulated", latest.simulated());
            if (json) {
                Output.json(spec.commandLine().getOut(), m);
            } else {
                spec.commandLine().getOut().println(latest.symbol() + " " + Prices.format(latest.bar().close())
                        + " at the close of the bar " + Output.localTime(latest.bar().start()) + " New York ("
                        + latest.source() + (latest.simulated() ? ", SIMULATED" : "") + ")");
            }
        }
        return 0;
    }
}
