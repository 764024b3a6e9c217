package io.barkeep.cli;

import io.barkeep.domain.MissingRange;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService.GapReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gaps [SYM]}: the missing ranges of the cache, with the sessions they belong to. */
@Command(name = "gaps", description = "List missing 5-minute ranges per symbol (default: over the span each "
        + "symbol holds, first to last session with data).")
final class GapsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "SYM", arity = "0..1", description = "One symbol (default: every symbol).")
    String symbol;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date (default: first session held).")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date (default: last session held).")
    LocalDate to;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UsageError("--to " + to + " is before --from " + from);
        }
        try (CacheEngine e = engine.open()) {
            List<String> symbols = symbol != null ? List.of(Args.symbol(symbol)) : allSymbols(e);
            List<GapReport> reports = new ArrayList<>();
            if (symbols.size() > 1 && (from == null) == (to == null)) {
                // Every symbol from one read of the ledger, not two queries a symbol.
                reports.addAll(from == null ? e.gaps().reportAll(symbols) : e.gaps().reportAll(symbols, from, to));
            } else {
                for (String s : symbols) {
                    reports.add(report(e, s));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Output.json(out, Map.of("calendar_version", e.bars().calendar().version(),
                        "symbols", reports.stream().map(GapsCommand::toJson).toList()));
            } else {
                printTable(out, reports);
            }
        }
        return 0;
    }

    private GapReport report(CacheEngine e, String s) {
        if (from == null && to == null) {
            return e.gaps().report(s);
        }
        var span = e.gaps().heldSpan(s);
        LocalDate first = from != null ? from : span.map(d -> d[0]).orElse(to);
        LocalDate last = to != null ? to : span.map(d -> d[1]).orElse(from);
        return e.gaps().report(s, first, last);
    }

    static List<String> allSymbols(CacheEngine e) {
        TreeSet<String> all = new TreeSet<>(e.bars().symbols());
        e.watchlist().list().forEach(w -> all.add(w.symbol()));
        return new ArrayList<>(all);
    }

    private static Map<String, Object> toJson(GapReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", r.symbol());
        m.put("from", r.from() == null ? null : r.from().toString());
        m.put("to", r.to() == null ? null : r.to().toString());
        m.put("sessions", r.sessions().size());
        m.put("expected_bars", r.expectedBars());
        m.put("held_bars", r.heldBars());
        m.put("vendor_empty_bars", r.emptyBars());
        m.put("missing_bars", r.missing().stream().mapToInt(MissingRange::bars).sum());
        m.put("missing", r.missing().stream().map(GapsCommand::toJson).toList());
        return m;
    }

    private static Map<String, Object> toJson(MissingRange g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Output.zonedTime(g.from()));
        m.put("to", Output.zonedTime(g.to()));
        m.put("first_session", g.firstSession().toString());
        m.put("last_session", g.lastSession().toString());
        m.put("bars", g.bars());
        return m;
    }

    private static void printTable(PrintWriter out, List<GapReport> reports) {
        Output.Table table = new Output.Table("symbol", "from (New York)", "to", "sessions", "missing bars")
                .right(4);
        int ranges = 0;
        for (GapReport r : reports) {
            for (MissingRange g : r.missing()) {
                String sessions = g.firstSession().equals(g.lastSession()) ? g.firstSession().toString()
                        : g.firstSession() + ".." + g.lastSession();
                table.row(r.symbol(), Output.localTime(g.from()), Output.localTime(g.to()), sessions, g.bars());
                ranges++;
            }
        }
        if (ranges > 0) {
            table.print(out);
        }
        for (GapReport r : reports) {
            int missing = r.missing().stream().mapToInt(MissingRange::bars).sum();
            out.println(r.symbol() + ": " + r.missing().size() + " missing ranges, "
                    + String.format("%.1f", r.coveragePercent()) + "% covered over " + r.sessions().size()
                    + " sessions" + (r.from() == null ? " (nothing cached)" : " " + r.from() + ".." + r.to()
                    + " (" + r.heldBars() + " held + " + r.emptyBars() + " no-trade + " + missing + " missing = "
                    + r.expectedBars() + " expected)"));
        }
    }
}
