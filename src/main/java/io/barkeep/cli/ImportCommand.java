package io.barkeep.cli;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.source.csv.CsvBarReader;
import io.barkeep.source.csv.CsvFormatException;
import io.barkeep.source.csv.CsvReadResult;
import io.barkeep.source.csv.RejectedRow;
import io.barkeep.store.BarBatch;
import io.barkeep.store.BarStore;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.QuarantineRepository;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import FILE --symbol SYM}: stores a CSV file's good rows in one transaction; every bad row is reported
 * with its line and reason and kept in the quarantine. Exit 1 when any row was bad.
 */
@Command(name = "import", description = "Import 5-minute bars from a CSV file "
        + "(header: timestamp,open,high,low,close,volume[,count,session_vwap]).")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "FILE", description = "The CSV file to read.")
    Path file;
    @Option(names = "--symbol", required = true, paramLabel = "SYM", description = "The ticker the bars are of.")
    String symbol;

    @Override
    public Integer call() {
        String sym = Args.symbol(symbol);
        if (!Files.isRegularFile(file)) {
            throw new UserError("cannot read " + file + ": no such file");
        }
        refuseSimulated();
        // CSV bars are real data: they go to the real database, never into the simulated feed's file.
        try (CacheEngine e = engine.open(engine.realDatabaseFile())) {
            e.feedGuard().claim(false, "csv");
            CsvReadResult result = read(e);
            Instant now = e.clock().instant();
            PrintWriter err = spec.commandLine().getErr();
            for (RejectedRow r : result.rejected()) {
                err.println(file.getFileName() + " line " + r.lineNumber() + ": " + r.reason());
            }
            e.quarantine().keep(result.rejected().stream().map(r -> new QuarantineRepository.Entry(sym, "csv",
                    (int) r.lineNumber(), null, r.line(), r.reason())).toList(), now);
            BarStore.WriteResult written = write(e.bars(), sym, result);
            if (!result.rejected().isEmpty()) {
                e.events().record(new SafetyEvent(now, "rejected_rows", sym, "csv", null, null,
                        result.rejected().size() + " bad rows in " + file + " kept in quarantine"));
            }
            e.freshness().refresh(sym);
            spec.commandLine().getOut().println("imported " + sym + " from " + file.getFileName() + ": "
                    + result.bars().size() + " bars (" + written.barsChanged() + " new or changed), "
                    + result.emptyBars().size() + " no-trade bars, " + result.duplicatesIgnored()
                    + " exact duplicates skipped, " + result.rejected().size() + " rejected, "
                    + result.roundedPrices() + " prices rounded to 1e-4");
            return result.rejected().isEmpty() ? 0 : 1;
        }
    }

    /** An export of the demo feed's bars says so on its first line: those never enter the real database. */
    private void refuseSimulated() {
        try (java.io.BufferedReader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first != null && first.startsWith(ExportCommand.SIMULATED_MARKER)) {
                throw new UserError(file.getFileName() + " holds SIMULATED bars (an export of the demo feed); "
                        + "import takes market data only and refuses it");
            }
        } catch (IOException ex) {
            throw new UserError("cannot read " + file + ": " + ex.getMessage());
        }
    }

    private CsvReadResult read(CacheEngine e) {
        try {
            return new CsvBarReader(e.bars().calendar()).read(file);
        } catch (CsvFormatException ex) {
            throw new UserError(file.getFileName() + ": " + ex.getMessage());
        } catch (NoSuchFileException ex) {
            throw new UserError("cannot read " + file + ": no such file");
        } catch (IOException ex) {
            throw new UserError("cannot read " + file + ": " + ex.getMessage());
        }
    }

    /** All good rows of the file in one transaction: the import lands whole or not at all. */
    private static BarStore.WriteResult write(BarStore store, String sym, CsvReadResult result) {
        if (result.bars().isEmpty() && result.emptyBars().isEmpty()) {
            return new BarStore.WriteResult(-1, 0, 0);
        }
        Instant first = Stream.concat(result.bars().stream().map(b -> b.start()),
                result.emptyBars().stream().map(b -> b.start())).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = Stream.concat(result.bars().stream().map(b -> b.start()),
                result.emptyBars().stream().map(b -> b.start())).max(Comparator.naturalOrder()).orElseThrow();
        return store.write(new BarBatch(sym, first, last.plusSeconds(300), result.bars(),
                List.copyOf(result.emptyBars()), false));
    }
}
