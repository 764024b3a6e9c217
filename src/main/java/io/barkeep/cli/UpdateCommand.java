package io.barkeep.cli;

import io.barkeep.source.Cancellation;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Updater;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code update}: one updater pass over the active watchlist, now. */
@Command(name = "update", description = "Bring the latest sessions of every active watchlist symbol up to date now,"
        + " with their splits and dividends.")
final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (MarketData data = engine.openData()) {
            var e = data.engine();
            java.time.Instant now = e.clock().instant();
            // splits and dividends of the active symbols first, as backfill does; a source that cannot answer is
            // one line on stderr and one event, and the bars carry on
            ActionSyncs.refresh(engine, e, e.watchlist().active().stream().map(w -> w.symbol()).toList(),
                    io.barkeep.store.Retention.cutoff(now, engine.settings().retainDays()),
                    now.atZone(io.barkeep.domain.Session.NEW_YORK).toLocalDate(), spec.commandLine().getErr());
            Updater updater = new Updater(data, engine.settings().retainDays());
            Updater.PassResult result = updater.update(Cancellation.none());
            SyncReport.printFailures(spec.commandLine().getErr(), result.sync());
            if (json) {
                Output.json(spec.commandLine().getOut(), result);
            } else {
                spec.commandLine().getOut().println("updated " + result.symbols() + " active symbols: "
                        + SyncReport.summary(result.sync()));
            }
            return result.sync().complete() ? 0 : 1;
        }
    }
}
