package io.barkeep.cli;

import io.barkeep.cli.bench.BenchCommand;
import picocli.CommandLine.Command;

/** {@code barkeep}: the command tree. */
@Command(name = "barkeep", mixinStandardHelpOptions = true, version = "barkeep 0.1.0",
        scope = picocli.CommandLine.ScopeType.INHERIT,
        description = "A local market-data cache: 5-minute bars for a watchlist of US stocks in one SQLite file.",
        subcommands = {WatchlistCommand.class, BarsCommand.class, GapsCommand.class, FreshnessCommand.class,
                CalendarCommand.class, ImportCommand.class, ExportCommand.class, CleanupCommand.class,
                BackfillCommand.class, UpdateCommand.class, LatestCommand.class, MultiCommand.class, RunCommand.class,
                BackupCommand.class, BenchCommand.class, MigrateOriginalCommand.class, MigrateCommand.class,
                ActionsCommand.class, McpCommand.class})
public final class RootCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // The desktop app opens here once it exists; until then, say what runs.
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
