package io.barkeep.cli;

import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.source.Cancellation;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import java.io.PrintWriter;
import java.time.LocalDate;
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

/** {@code backfill SYM...}: fill every hole of a range now, asking again even for sessions asked before. */
@Command(name = "backfill", description = "Fetch every missing 5-minute bar of symbols over a range.")
final class BackfillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "SYM", arity = "0..*", description = "One or more US tickers.")
    List<String> symbols = List.of();
    @Option(names = "--demo-universe", arity = "0..1", fallbackValue = "0", paramLabel = "N",
            description = "Every ticker the demo feed knows (with --source demo; N: the first N in order), each "
                    + "added to the watchlist if not on it: a large database for trying Barkeep at scale.")
    Integer demoUniverse;
    @Option(names = "--days", paramLabel = "N", description = "Calendar days back from today (default 30).")
    Integer days;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date (New York).")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date, inclusive (default: today).")
    LocalDate to;
    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        boolean universe = demoUniverse != null;
        if (symbols.isEmpty() == !universe) {
            throw new UsageError("name the symbols to backfill, or give --demo-universe alone");
        }
        if (days != null && (from != null || to != null)) {
            throw new UsageError("give --days or --from/--to, not both");
        }
        try (MarketData data = engine.openData()) {
            CacheEngine e = data.engine();
            if (universe && !data.source().simulated()) {
                throw new UsageError("--demo-universe needs the demo feed (--source demo)");
            }
            List<String> syms = universe ? watchDemoUniverse(e, demoUniverse)
                    : symbols.stream().map(Args::symbol).distinct().toList();
            LocalDate today = LocalDate.now(e.clock().withZone(Session.NEW_YORK));
            LocalDate last = to != null ? to : today;
            LocalDate first = from != null ? from : last.minusDays(days != null ? days : 30);
            if (last.isBefore(first)) {
                throw new UsageError("--to " + last + " is before --from " + first);
            }
            PrintWriter err = spec.commandLine().getErr();
            try {
                // A terminal that is not there is said once, before anything is asked of it.
                data.source().checkReady();
            } catch (io.barkeep.source.SourceException notReady) {
                throw new io.barkeep.sync.SyncAbortedException(notReady.getMessage());
            }
            // splits and dividends first, so the bars' jumps at known splits are not flagged as suspected ones
            ActionSyncs.refresh(engine, e, syms, first, today, err);
            boolean terminal = System.console() != null && !json;
            String named = universe ? "the demo universe (" + syms.size() + " symbols)" : String.join(",", syms);
            SyncProgress progress = terminal ? (done, total, bars) -> {
                err.print("\rbackfill " + named + ": " + done + "/" + total + " requests, " + bars
                        + " bars");
                err.flush();
            } : SyncProgress.NONE;
            Cancellation cancel = new Cancellation();
            Thread hook = new Thread(cancel::cancel);
            Runtime.getRuntime().addShutdownHook(hook);
            SyncResult result;
            try {
                result = data.backfill(syms, first, last, progress, cancel);
            } finally {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            if (terminal) {
                err.println();
            }
            SyncReport.printFailures(err, result);
            io.barkeep.sync.Unfilled unfilled = io.barkeep.sync.Unfilled.of(e, syms, first, last);
            if (json) {
                Map<String, Object> doc = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(result,
                        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() { });
                doc.put("incomplete_sessions", unfilled.sessions());
                doc.put("unfilled_bars", unfilled.bars());
                Output.json(spec.commandLine().getOut(), doc);
            } else {
                spec.commandLine().getOut().println("backfill " + named + " " + first + ".." + last
                        + (data.source().simulated() ? " (SIMULATED demo feed)" : "") + ": "
                        + SyncReport.summary(result) + "; " + unfilled.text());
            }
            return result.complete() ? 0 : 1;
        }
    }

    /** The demo feed's tickers, each put on the watchlist unless already there (its priority and notes kept). */
    private static List<String> watchDemoUniverse(CacheEngine e, int first) {
        if (first < 0) {
            throw new UsageError("--demo-universe N must be 1 or more (or left out for every ticker)");
        }
        List<String> tickers = io.barkeep.source.simulated.Universe.tickers().stream()
                .limit(first == 0 ? Long.MAX_VALUE : first).toList();
        java.time.Instant now = e.clock().instant();
        for (String sym : tickers) {
            if (e.watchlist().find(sym).isEmpty()) {
                e.watchlist().add(sym, 0, null, now);
            }
        }
        return tickers;
    }
}
