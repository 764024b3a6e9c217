package io.barkeep.cli;

import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.BarSource;
import io.barkeep.source.SymbolCheck;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import java.time.Instant;
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

/** {@code watchlist add|remove|list}: the symbols Barkeep keeps fresh. */
@Command(name = "watchlist", description = "Add, remove or list watchlist symbols.",
        subcommands = {WatchlistCommand.Add.class, WatchlistCommand.Remove.class, WatchlistCommand.ListEntries.class})
final class WatchlistCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: add, remove or list");
    }

    @Command(name = "add", description = "Add a symbol (or update its priority and notes).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", description = "US ticker, e.g. AAPL, BRK.B, BF-B")
        String symbol;
        @Option(names = "--priority", paramLabel = "N", description = "Higher is updated first (default 0).")
        int priority;
        @Option(names = "--notes", paramLabel = "TEXT", description = "A note kept with the symbol.")
        String notes;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            String sym = Args.symbol(symbol);
            try (MarketData data = engine.openData()) {
                CacheEngine e = data.engine();
                if (e.watchlist().find(sym).isEmpty()) {
                    check(data.source(), sym);
                }
                WatchlistEntry entry = e.watchlist().add(sym, priority, notes, Instant.now(e.clock()));
                if (json) {
                    Output.json(spec.commandLine().getOut(), Output.watchlistEntry(entry));
                } else {
                    spec.commandLine().getOut().println("added " + sym + " (priority " + entry.priority() + ")");
                }
            }
            return 0;
        }

        /** Refuses a ticker the source does not have; one warning line when it could not be asked. */
        private void check(BarSource source, String sym) {
            SymbolCheck check = source.checkSymbol(sym);
            if (check.unknown()) {
                throw new UserError("no such symbol at " + (source.simulated() ? "the demo feed" : "ThetaData")
                        + ": " + sym + " (not added)");
            }
            check.warning().ifPresent(w -> spec.commandLine().getErr().println("warning: adding " + sym
                    + " unchecked: " + w));
        }
    }

    @Command(name = "remove", description = "Remove a symbol (its cached bars stay).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", description = "The ticker to take off the watchlist.")
        String symbol;
        @Option(names = "--purge", description = "Also delete its cached bars, no-trade markers and coverage.")
        boolean purge;

        @Override
        public Integer call() {
            String sym = Args.symbol(symbol);
            try (CacheEngine e = engine.open()) {
                if (!e.watchlist().remove(sym)) {
                    throw new UserError(sym + " is not on the watchlist");
                }
                if (purge) {
                    int bars = e.retention().purge(sym);
                    spec.commandLine().getOut().println("removed " + sym + " and its " + bars + " cached bars");
                } else {
                    spec.commandLine().getOut().println("removed " + sym + " (its cached bars stay; --purge "
                            + "deletes them)");
                }
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the watchlist, highest priority first.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (CacheEngine e = engine.open()) {
                List<WatchlistEntry> entries = e.watchlist().list();
                var out = spec.commandLine().getOut();
                if (json) {
                    Output.json(out, entries.stream().map(Output::watchlistEntry).toList());
                    return 0;
                }
                Output.Table table = new Output.Table("symbol", "active", "priority", "added", "last updated",
                        "notes").right(2);
                for (WatchlistEntry w : entries) {
                    table.row(w.symbol(), w.active() ? "yes" : "no", w.priority(), Output.localTime(w.addedAt()),
                            Output.localTime(w.lastUpdated()), w.notes());
                }
                table.print(out);
            }
            return 0;
        }
    }
}
