package io.barkeep.cli;

import io.barkeep.domain.Quarantine;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.TerminalText;
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
 * {@code import FILE --symbol SYM}: stores a CSV file's good rows in one transaction; bad rows are reported with
 * their line and reason (a screenful, then a count) and kept in the quarantine (the first
 * {@link Quarantine#ROWS_PER_BATCH}, then a count). Exit 1 when any row was bad.
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
        try (CacheEngine e = engine.open(engine.realDatabase())) {
            e.feedGuard().claim(false, "csv");
            CsvReadResult result = read(e);
            Instant now = e.clock().instant();
            String name = TerminalText.escape(file.getFileName().toString());
            printRejects(spec.commandLine().getErr(), name, result);
            e.quarantine().keep(result.rejected().stream().map(r -> new QuarantineRepository.Entry(sym, "csv",
                    (int) r.lineNumber(), null, r.line(), r.reason())).toList(), result.rejectedNotKept(), now);
            BarStore.WriteResult written = write(e.bars(), sym, result);
            if (result.rejectedTotal() > 0) {
                e.events().record(new SafetyEvent(now, "rejected_rows", sym, "csv", null, null,
                        result.rejectedTotal() + " bad rows in " + file + ", the first "
                                + result.rejected().size() + " kept in quarantine"));
            }
            e.freshness().refresh(sym);
            spec.commandLine().getOut().println("imported " + sym + " from " + name + ": "
                    + result.bars().size() + " bars (" + written.barsChanged() + " new or changed), "
                    + result.emptyBars().size() + " no-trade bars, " + result.duplicatesIgnored()
                    + " exact duplicates skipped, " + result.rejectedTotal() + " rejected, "
                    + result.roundedPrices() + " prices rounded to 1e-4");
            return result.rejectedTotal() == 0 ? 0 : 1;
        }
    }

    /**
     * The first rejected rows, one line each, then one line for the rest: a file of millions of bad rows must not
     * scroll a terminal for minutes. Reasons quote the file's text, escaped so it cannot drive the terminal.
     */
    private static void printRejects(PrintWriter err, String name, CsvReadResult result) {
        List<RejectedRow> shown = result.rejected().subList(0, Math.min(result.rejected().size(),
                Quarantine.ECHO_LINES));
        for (RejectedRow r : shown) {
            err.println(name + " line " + r.lineNumber() + ": " + TerminalText.escape(r.reason()));
        }
        long rest = result.rejectedTotal() - shown.size();
        if (rest > 0) {
            err.println(name + ": " + rest + " more rejected rows not shown (" + result.rejectedTotal()
                    + " in all; the first " + result.rejected().size() + " are kept in the quarantine)");
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
            throw new UserError(TerminalText.escape(file.getFileName().toString()) + ": " + ex.getMessage());
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
