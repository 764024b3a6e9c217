package io.barkeep.cli;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.store.OriginalDesignMigration;
import io.barkeep.store.OriginalDesignMigration.Report;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate-original FILE}: the original design's tables into the compact store, with a report. */
@Command(name = "migrate-original",
        description = "Move the original design's tables (market_data_bars, watchlist, data_freshness) in FILE "
                + "into Barkeep's compact store; the original names become views. A backup of FILE is taken "
                + "first; other tables (a trades table) are never touched.")
final class MigrateOriginalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The SQLite file, e.g. data_lake/trades.db.")
    Path file;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        if (!OriginalDesignMigration.holdsOriginalTables(file)) {
            throw new UserError(file + " holds no original-design market_data_bars table (already migrated?)");
        }
        Report r = OriginalDesignMigration.migrate(file, NyseCalendar.current(Clock.systemUTC()), Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("backup", r.backup().toString());
            doc.put("bars_read", r.barsRead());
            doc.put("bars_stored", r.barsStored());
            doc.put("bars_quarantined", r.barsQuarantined());
            doc.put("quarantine_reasons", r.reasons());
            doc.put("watchlist_rows", r.watchlistRows());
            doc.put("symbols", r.symbols());
            Output.json(out, doc);
            return 0;
        }
        out.printf("migrated %s (backup: %s)%n", file, r.backup());
        out.printf("bars: %,d read, %,d stored for %d symbols, %,d quarantined%n", r.barsRead(), r.barsStored(),
                r.symbols(), r.barsQuarantined());
        r.reasons().forEach((reason, n) -> out.printf("  %,d %s%n", n, reason));
        out.printf("watchlist: %d rows carried over%n", r.watchlistRows());
        out.println("market_data_bars, watchlist and data_freshness are now views over the compact store.");
        return 0;
    }
}
