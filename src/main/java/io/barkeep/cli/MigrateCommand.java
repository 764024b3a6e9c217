package io.barkeep.cli;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.CacheCopy;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate --from DB --to DB}: one cache copied into another (a SQLite file into PostgreSQL, or back). */
@Command(name = "migrate",
        description = "Copy a cache into another, e.g. a SQLite file into a team's PostgreSQL database (or back): "
                + "bars, no-trade markers, the coverage ledger, watchlist and corporate actions. Run it again to "
                + "resume; symbols already copied are skipped. Verified by counts per symbol.")
final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "PATH|URL", description = "The cache to copy.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "PATH|URL",
            description = "Where to copy it: a file or postgresql://user@host:5432/db (password from PGPASSWORD or"
                    + " ~/.pgpass).")
    String to;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        DbLocation source = location("--from", from);
        DbLocation target = location("--to", to);
        if (source.jdbcUrl().equals(target.jdbcUrl())) {
            throw new UserError("--from and --to name the same database");
        }
        if (!source.postgres() && !Files.isRegularFile(source.file())) {
            throw new UserError("no such file: " + source.file());
        }
        Clock clock = CliClock.get();
        PrintWriter err = spec.commandLine().getErr();
        List<CacheCopy.SymbolResult> results;
        try (CacheEngine a = CacheEngine.open(source, NyseCalendar.current(clock), 0, clock);
             CacheEngine b = CacheEngine.open(target, NyseCalendar.current(clock), 0, clock)) {
            results = CacheCopy.copy(a, b, (i, n, r) -> err.printf("%d/%d %s: %,d bars, %,d no-trade %s%n", i, n,
                    r.symbol(), r.bars(), r.empties(), r.skipped() ? "(already there)" : "copied"));
        }
        long bars = results.stream().mapToLong(CacheCopy.SymbolResult::bars).sum();
        long skipped = results.stream().filter(CacheCopy.SymbolResult::skipped).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("from", source.toString());
            doc.put("to", target.toString());
            doc.put("symbols", results.size());
            doc.put("symbols_already_there", skipped);
            doc.put("bars", bars);
            doc.put("verified", true);
            Output.json(out, doc);
            return 0;
        }
        out.printf("copied %s into %s: %d symbols (%d already there), %,d bars; verified: counts per symbol match%n",
                source, target, results.size(), skipped, bars);
        return 0;
    }

    private static DbLocation location(String option, String text) {
        try {
            return DbLocation.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage());
        }
    }
}
