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
@Command(name = "update", description = "Bring the latest sessions of every active watchlist symbol up to date now.")
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
