package io.barkeep.cli;

import io.barkeep.store.Backups;
import io.barkeep.store.CacheEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code backup}: an online copy into backups/ beside the database. */
@Command(name = "backup", description = "Back up the database online to backups/ beside it, keeping the newest 7.")
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--keep", paramLabel = "N", defaultValue = "" + Backups.DEFAULT_KEEP,
            description = "Backups to keep, newest first (default ${DEFAULT-VALUE}).")
    int keep;

    @Override
    public Integer call() {
        if (keep < 1) {
            throw new UsageError("--keep must be at least 1, got " + keep);
        }
        try (CacheEngine e = engine.open()) {
            spec.commandLine().getOut().println("backup written: " + e.backup(keep));
        }
        return 0;
    }
}
