package io.barkeep.cli;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Bar;
import io.barkeep.domain.PriceAdjuster;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.source.csv.CsvBarWriter;
import io.barkeep.store.CacheEngine;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export SYM}: the cached 5-minute bars as CSV in the import format. */
@Command(name = "export", description = "Export cached 5-minute bars as CSV (the import format).")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Parameters(paramLabel = "SYM", description = "A US ticker, e.g. AAPL.")
    String symbol;
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date (default: the oldest held).")
    LocalDate from;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date (default: the newest held).")
    LocalDate to;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;
    @Option(names = "--force", description = "Replace FILE if it exists (never a database).")
    boolean force;

    @Option(names = "--adjust", paramLabel = "none|splits|all", defaultValue = "none",
            description = "As traded (default: an export round-trips through import), or adjusted.")
    String adjust;

    @Override
    public Integer call() throws IOException {
        String sym = Args.symbol(symbol);
        if (output != null) {
            ExportTarget.check(output, engine.database().file(), force);
        }
        Adjustment mode = AdjustmentNotes.parse(adjust);
        try (CacheEngine e = engine.open()) {
            var span = e.gaps().heldSpan(sym);
            if (span.isEmpty()) {
                throw new UserError("nothing cached for " + sym);
            }
            LocalDate first = from != null ? from : span.get()[0];
            LocalDate last = to != null ? to : span.get()[1];
            Instant start = first.atStartOfDay(Session.NEW_YORK).toInstant();
            Instant end = last.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
            List<Bar> bars = e.bars().bars(sym, start, end);
            List<EmptyBar> empties = e.bars().emptyBars(sym, start, end);
            PriceAdjuster adjuster = e.adjusted().adjuster(sym, first, mode);
            if (!adjuster.identity()) {
                bars = adjuster.apply(bars).bars();
                empties = empties.stream().map(x -> new EmptyBar(x.start(), x.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN
                        : adjuster.price(x.vwap(), x.start().atZone(Session.NEW_YORK).toLocalDate()))).toList();
            }
            int decimals = adjuster.decimals();
            // Simulated bars say so in the file, so they can never pass for market data (import refuses them).
            boolean simulated = e.feedGuard().holdsSimulated().orElse(false);
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                writeMerged(out, bars, empties, decimals, simulated);
                out.flush();
            } else {
                // Written beside the target and moved into place, so a failed export never leaves half a file.
                Path tmp = output.resolveSibling(output.getFileName() + ".partial");
                try {
                    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        writeMerged(w, bars, empties, decimals, simulated);
                    }
                    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ex) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // best effort: the error below is what matters
                    }
                    // NoSuchFileException and AccessDeniedException carry only the path as their message.
                    throw new UserError("cannot write " + output + ": " + (ex instanceof NoSuchFileException
                            ? "no such folder" : ex instanceof AccessDeniedException ? "permission denied"
                            : ex.getMessage()));
                }
                spec.commandLine().getErr().println("exported " + bars.size() + " bars and " + empties.size()
                        + " no-trade bars of " + sym + " to " + output);
            }
        }
        return 0;
    }

    /** Bars and no-trade rows in time order. */
    /** The first line of an export of simulated bars. */
    static final String SIMULATED_MARKER = "# SIMULATED bars from Barkeep's built-in demo feed, not market data";

    private static void writeMerged(Writer out, List<Bar> bars, List<EmptyBar> empties, int decimals,
                                    boolean simulated) throws IOException {
        if (simulated) {
            out.write(SIMULATED_MARKER + "\n");
        }
        CsvBarWriter writer = new CsvBarWriter(out, decimals);
        int i = 0;
        int j = 0;
        while (i < bars.size() || j < empties.size()) {
            if (j >= empties.size() || i < bars.size() && bars.get(i).start().isBefore(empties.get(j).start())) {
                writer.write(bars.get(i++));
            } else {
                writer.write(empties.get(j++));
            }
        }
        writer.flush();
    }
}
