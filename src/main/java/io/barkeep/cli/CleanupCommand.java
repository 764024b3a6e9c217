package io.barkeep.cli;

import io.barkeep.store.CacheEngine;
import io.barkeep.store.Retention;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cleanup}: drop bars older than the retention window. */
@Command(name = "cleanup", description = "Remove bars older than the retention window.")
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--retain-days", paramLabel = "N", defaultValue = "" + Retention.DEFAULT_DAYS,
            description = "Days to keep (default ${DEFAULT-VALUE}).")
    int retainDays;

    @Override
    public Integer call() {
        if (retainDays < 1) {
            throw new UserError("--retain-days must be at least 1, got " + retainDays);
        }
        try (CacheEngine e = engine.open()) {
            int removed = e.retention().cleanup(retainDays, e.clock().instant());
            // data_freshness is derived from the ledger rows just removed: keep it true.
            e.freshness().refreshAll();
            spec.commandLine().getOut().println("removed " + removed + " bars before "
                    + Retention.cutoff(e.clock().instant(), retainDays));
        }
        return 0;
    }
}
