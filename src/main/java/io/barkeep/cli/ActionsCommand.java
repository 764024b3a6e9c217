package io.barkeep.cli;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.source.csv.ActionCsv;
import io.barkeep.store.ActionRepository.StoreResult;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.Retention;
import io.barkeep.sync.ActionSync;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code actions refresh|import|add|list|remove}: the splits and dividends reads adjust with. */
@Command(name = "actions", description = "Splits and dividends: list, add, remove, import, refresh from the source.",
        subcommands = {ActionsCommand.Refresh.class, ActionsCommand.Import.class, ActionsCommand.Add.class,
                ActionsCommand.ListActions.class, ActionsCommand.Remove.class})
final class ActionsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String summary(StoreResult r) {
        return r.added() + " new, " + r.corrected() + " corrected, " + r.unchanged() + " already known";
    }

    @Command(name = "refresh", description = "Ask the source (ThetaData v2, or the demo feed) for actions now.")
    static final class Refresh implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", arity = "1..*",
                description = "The symbols whose splits and dividends to ask for.")
        List<String> symbols;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Default: the retention window's start.")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Default: today.")
        LocalDate to;

        @Override
        public Integer call() {
            List<String> syms = symbols.stream().map(Symbols::normalize).distinct().toList();
            try (CacheEngine e = engine.open()) {
                LocalDate last = to != null ? to : LocalDate.now(e.clock().withZone(Session.NEW_YORK));
                LocalDate first = from != null ? from : Retention.cutoff(e.clock().instant(),
                        engine.settings().retainDays());
                ActionSync.Result r = ActionSyncs.refresh(engine, e, syms, first, last, spec.commandLine().getErr());
                spec.commandLine().getOut().println("actions of " + String.join(",", syms) + " " + first + ".."
                        + last + ": " + r.added() + " new, " + r.corrected() + " corrected, " + r.unchanged()
                        + " already known");
                return r.failures().isEmpty() ? 0 : 1;
            }
        }
    }

    @Command(name = "import", description = "Import actions from CSV: symbol,ex_date,kind,ratio|amount.")
    static final class Import implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "FILE", description = "CSV with a header: symbol,ex_date,kind,ratio|amount.")
        Path file;

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UserError("cannot read " + file + ": " + ex.getMessage());
            }
            try (CacheEngine e = engine.open()) {
                ActionCsv.Result parsed = ActionCsv.read(text, e.clock().instant());
                parsed.rejected().forEach(line -> spec.commandLine().getErr().println(file.getFileName() + " "
                        + line));
                StoreResult r = e.actions().store(parsed.actions());
                spec.commandLine().getOut().println("imported " + file.getFileName() + ": " + summary(r) + ", "
                        + parsed.rejected().size() + " rejected");
                return parsed.rejected().isEmpty() ? 0 : 1;
            }
        }
    }

    /** Exactly one of --split and --dividend. */
    static final class What {
        @Option(names = "--split", paramLabel = "NEW:OLD", required = true, description = "e.g. 10:1, 1:10")
        String split;
        @Option(names = "--dividend", paramLabel = "AMOUNT", required = true, description = "per share, e.g. 0.24")
        String dividend;
    }

    @Command(name = "add", description = "Add (or correct) one split or dividend by hand.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", description = "The symbol.")
        String symbol;
        @ArgGroup(exclusive = true, multiplicity = "1")
        What what;
        @Option(names = "--ex-date", paramLabel = "YYYY-MM-DD", required = true,
                description = "The first session traded on the new basis.")
        LocalDate exDate;

        @Override
        public Integer call() {
            try (CacheEngine e = engine.open()) {
                CorporateAction a;
                try {
                    a = what.split != null
                            ? ActionCsv.parse(symbol, exDate.toString(), "split", what.split, "manual",
                            e.clock().instant())
                            : ActionCsv.parse(symbol, exDate.toString(), "dividend", what.dividend, "manual",
                            e.clock().instant());
                } catch (IllegalArgumentException ex) {
                    throw new UserError(ex.getMessage());
                }
                StoreResult r = e.actions().store(List.of(a));
                spec.commandLine().getOut().println((r.added() > 0 ? "added " : r.corrected() > 0 ? "corrected "
                        : "already known: ") + a.describe());
                return 0;
            }
        }
    }

    @Command(name = "list", description = "List known actions, with source and date learnt.")
    static final class ListActions implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", arity = "0..1", description = "Only this symbol.")
        String symbol;
        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (CacheEngine e = engine.open()) {
                List<CorporateAction> all = symbol == null ? e.actions().all()
                        : e.actions().of(Symbols.normalize(symbol));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Output.json(out, Map.of("actions", all.stream().map(ListActions::toJson).toList()));
                    return 0;
                }
                Output.Table t = new Output.Table("symbol", "ex-date", "kind", "ratio/amount", "source", "learnt");
                all.forEach(a -> t.row(a.symbol(), a.exDate(), a.kind().label(), a.value(), a.source(),
                        Output.zonedTime(a.learntAt())));
                t.print(out);
                out.println(all.size() + " actions");
                return 0;
            }
        }

        private static Map<String, Object> toJson(CorporateAction a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", a.symbol());
            m.put("ex_date", a.exDate().toString());
            m.put("kind", a.kind().label());
            if (a.isSplit()) {
                m.put("ratio", a.value());
                m.put("new_shares", a.splitNew());
                m.put("old_shares", a.splitOld());
            } else {
                m.put("amount", new BigDecimal(a.value()));
            }
            m.put("source", a.source());
            m.put("learnt_at", Output.zonedTime(a.learntAt()));
            return m;
        }
    }

    @Command(name = "remove", description = "Remove the actions of a symbol on an ex-date.")
    static final class Remove implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        EngineOptions engine;
        @Parameters(paramLabel = "SYM", description = "The symbol.")
        String symbol;
        @Option(names = "--ex-date", paramLabel = "YYYY-MM-DD", required = true,
                description = "The first session traded on the new basis.")
        LocalDate exDate;
        @Option(names = "--kind", paramLabel = "split|dividend", description = "Default: both.")
        String kind;

        @Override
        public Integer call() {
            String sym = Symbols.normalize(symbol);
            List<CorporateAction.Kind> kinds;
            try {
                kinds = kind == null ? List.of(CorporateAction.Kind.values()) : List.of(CorporateAction.Kind.parse(kind));
            } catch (IllegalArgumentException ex) {
                throw new UserError(ex.getMessage());
            }
            try (CacheEngine e = engine.open()) {
                int removed = 0;
                for (CorporateAction.Kind k : kinds) {
                    removed += e.actions().remove(sym, exDate, k) ? 1 : 0;
                }
                if (removed == 0) {
                    throw new UserError("no action of " + sym + " on " + exDate + (kind == null ? "" : " (" + kind
                            + ")"));
                }
                spec.commandLine().getOut().println("removed " + removed + " action(s) of " + sym + " on " + exDate);
                return 0;
            }
        }
    }
}
