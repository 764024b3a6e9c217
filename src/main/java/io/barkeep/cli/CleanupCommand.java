package io.barkeep.cli;

import io.barkeep.store.CacheEngine;
import io.barkeep.store.Retention;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cleanup}: drop bars older than the retention window. It first says what it would remove; on a terminal it
 * asks, elsewhere it needs {@code --yes}; {@code --dry-run} only says.
 */
@Command(name = "cleanup", description = "Remove bars older than the retention window (says what first, then asks).")
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Option(names = "--retain-days", paramLabel = "N", defaultValue = "" + Retention.DEFAULT_DAYS,
            description = "Days to keep (default ${DEFAULT-VALUE}).")
    int retainDays;
    @Option(names = {"-y", "--yes"}, description = "Remove without asking (needed when not on a terminal).")
    boolean yes;
    @Option(names = "--dry-run", description = "Only say what would be removed; remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (retainDays < 1) {
            throw new UsageError("--retain-days must be at least 1, got " + retainDays);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (CacheEngine e = engine.open()) {
            Retention.Preview p = e.retention().preview(retainDays, e.clock().instant());
            out.println(describe(p));
            if (dryRun) {
                out.println("dry run: nothing removed");
                return 0;
            }
            if (p.bars() == 0 && p.noTradeBars() == 0) {
                out.println("removed 0 bars before " + p.cutoff());
                return 0;
            }
            if (!yes && !confirmed(out)) {
                if (System.console() == null) {
                    throw new UsageError("nothing removed: not on a terminal to ask; add --yes to remove them");
                }
                out.println("nothing removed");
                return 0;
            }
            int removed = e.retention().cleanup(retainDays, e.clock().instant());
            // data_freshness is derived from the ledger rows just removed: keep it true.
            e.freshness().refreshAll();
            out.println("removed " + removed + " bars before " + p.cutoff());
        }
        return 0;
    }

    static String describe(Retention.Preview p) {
        int n = p.symbols().size();
        String names = String.join(" ", p.symbols().subList(0, Math.min(n, 10))) + (n > 10 ? " ..." : "");
        return "bars before " + p.cutoff() + ": " + p.bars() + " bars and " + p.noTradeBars() + " no-trade bars of "
                + n + (n == 1 ? " symbol" : " symbols") + (n == 0 ? "" : " (" + names + ")");
    }

    /** Asks on the terminal; false when there is none to ask. */
    private static boolean confirmed(PrintWriter out) {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        out.flush();
        String answer = console.readLine("Remove them? [y/N] ");
        return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
