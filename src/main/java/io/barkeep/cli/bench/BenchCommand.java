package io.barkeep.cli.bench;

import io.barkeep.cli.Output;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: the engine benchmark of BENCHMARK.md, one JSON object on stdout. */
@Command(name = "bench", description = "Benchmark the cache engine on a fresh temporary database.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--symbols", paramLabel = "N", defaultValue = "5",
            description = "Symbols in the workload (default ${DEFAULT-VALUE}).")
    int symbols;
    @Option(names = "--days", paramLabel = "D", defaultValue = "756",
            description = "Weekdays of bars per symbol (default ${DEFAULT-VALUE}, three years).")
    int days;
    @Option(names = "--cache-mb", paramLabel = "MB", description = "Hot cache bound for the warm figures.")
    Integer cacheMb;
    @Option(names = "--json", description = "Print JSON (the only format).")
    boolean json;
    @Option(names = "--db", paramLabel = "URL",
            description = "Measure on this PostgreSQL database (postgresql://user@host:5432/db) in scratch schemas"
                    + " dropped afterwards; default: SQLite files in a temporary folder.")
    String db;

    @Override
    public Integer call() throws IOException {
        if (symbols < 1 || days < 31) {
            throw new io.barkeep.cli.UserError("--symbols must be at least 1 and --days at least 31");
        }
        long cacheBytes = cacheMb == null ? CacheEngine.DEFAULT_CACHE_BYTES : cacheMb * 1024L * 1024L;
        DbLocation server = null;
        if (db != null) {
            try {
                server = DbLocation.parse(db);
            } catch (IllegalArgumentException e) {
                throw new io.barkeep.cli.UserError("--db: " + e.getMessage());
            }
            if (!server.postgres()) {
                throw new io.barkeep.cli.UserError("--db: bench measures SQLite in temporary files; give a"
                        + " postgresql:// URL or leave --db out");
            }
        }
        Map<String, Object> result = new Benchmark(symbols, days, cacheBytes, server).run();
        Output.json(spec.commandLine().getOut(), result);
        return 0;
    }
}
