package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.cli.CliTestSupport.Result;
import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import io.barkeep.sync.SyncResult;
import io.barkeep.sync.Updater;
import io.barkeep.sync.UpdaterSchedule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** What the command line says is what happened: summaries, purges, simulated exports, help lines, run's lines. */
class CliTruthTest {
    @TempDir
    Path dir;
    private String demoDb;

    private Result demo(String... args) {
        if (demoDb == null) {
            demoDb = TestDatabases.dbArgument(dir, "demo.db");
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--source", "demo", "--db", demoDb));
        return run(all.toArray(String[]::new));
    }

    @Test
    void aBackfillSaysWhatItLeftUnfilled() {
        // The demo feed drops a stretch from some bulk answers: the first backfill leaves those sessions short.
        Result first = demo("backfill", "AAPL", "MSFT", "NVDA", "--from", "2024-01-02", "--to", "2024-03-28");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().matches("(?s).*; \\d+ sessions? still incomplete \\(\\d+ bars?\\); see gaps\\n"),
                first.out());
        Result second = demo("backfill", "AAPL", "MSFT", "NVDA", "--from", "2024-01-02", "--to", "2024-03-28");
        assertTrue(second.out().endsWith("; nothing left unfilled\n"), second.out());
    }

    @Test
    void removeWithPurgeDeletesTheSymbolsCachedData() {
        demo("watchlist", "add", "AAPL");
        demo("backfill", "AAPL", "--from", "2024-03-04", "--to", "2024-03-08");
        assertFalse(demo("bars", "AAPL", "--from", "2024-03-04", "--to", "2024-03-08", "--no-fetch", "--json").out()
                .contains("\"count\" : 0"));
        Result removed = demo("watchlist", "remove", "AAPL", "--purge");
        assertEquals(0, removed.code(), removed::toString);
        assertTrue(removed.out().startsWith("removed AAPL and its "), removed.out());
        assertTrue(demo("bars", "AAPL", "--from", "2024-03-04", "--to", "2024-03-08", "--no-fetch", "--json").out()
                .contains("\"count\" : 0"));
        Result freshness = demo("freshness", "--json");
        assertEquals(0, freshness.code(), freshness::toString);
        assertFalse(freshness.out().contains("AAPL"), "neither watched nor cached, AAPL is gone: " + freshness.out());
    }

    @Test
    void anExportOfSimulatedBarsSaysSoAndImportRefusesIt() throws Exception {
        demo("backfill", "AAPL", "--from", "2024-03-04", "--to", "2024-03-05");
        Path file = dir.resolve("aapl.csv");
        Result exported = demo("export", "AAPL", "-o", file.toString());
        assertEquals(0, exported.code(), exported::toString);
        assertTrue(Files.readString(file).startsWith("# SIMULATED"), "the file says what it holds");

        DbLocation real = TestDatabases.blankLocation(dir, "real.db");
        Result refused = CliTestSupport.runOn(real.toString(), "import", file.toString(), "--symbol", "AAPL");
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("SIMULATED"), refused.err());
        assertFalse(!TestDatabases.untouched(real) && CliTestSupport.queryLong(real.toString(),
                "SELECT count(*) FROM market_data_bars") > 0, "no simulated bar reached the real database");
    }

    @Test
    void everyOptionAndParameterHasAHelpLine() {
        List<String> bare = new ArrayList<>();
        collect(BarkeepCli.commandLine(), bare);
        assertEquals(List.of(), bare);
    }

    @Test
    void noUrlInTheHelpIsWrappedAcrossLines() {
        List<String> cut = new ArrayList<>();
        checkUrls(BarkeepCli.commandLine(), cut);
        assertEquals(List.of(), cut);
    }

    /** Every URL an option's help names appears whole on one line of the command's rendered usage (80 columns). */
    private static void checkUrls(CommandLine cli, List<String> cut) {
        String usage = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("https?://[\\w.:/-]*[\\w/]")
                .matcher(String.join(" ", cli.getCommandSpec().args().stream()
                        .flatMap(a -> java.util.Arrays.stream(a.description())).toList()));
        int found = 0;
        while (url.find()) {
            found++;
            if (!usage.contains(url.group())) {
                cut.add(cli.getCommandSpec().qualifiedName() + ": " + url.group());
            }
        }
        if (cli.getCommandSpec().findOption("--theta-url") != null) {
            assertTrue(found > 0, "the URL check found the default URLs of " + cli.getCommandSpec().qualifiedName());
        }
        cli.getSubcommands().values().forEach(sub -> checkUrls(sub, cut));
    }

    private static void collect(CommandLine cli, List<String> bare) {
        for (ArgSpec arg : cli.getCommandSpec().args()) {
            boolean help = arg.isOption() && (((CommandLine.Model.OptionSpec) arg).usageHelp()
                    || ((CommandLine.Model.OptionSpec) arg).versionHelp());
            if (!help && String.join("", arg.description()).isBlank()) {
                bare.add(cli.getCommandSpec().qualifiedName() + " " + arg.paramLabel()
                        + (arg.isOption() ? " " + ((CommandLine.Model.OptionSpec) arg).longestName() : ""));
            }
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, bare));
    }

    @Test
    void runPrintsOneLinePerPass() {
        StringWriter text = new StringWriter();
        RunCommand.Printer printer = new RunCommand.Printer(new PrintWriter(text, true));
        Instant at = Instant.parse("2024-03-15T14:35:00Z");
        printer.planned(new UpdaterSchedule.Planned(at, UpdaterSchedule.PassKind.UPDATE));
        for (int pass = 0; pass < 3; pass++) {
            printer.finished(new Updater.PassResult(UpdaterSchedule.PassKind.UPDATE, 2,
                    new SyncResult(2, 2, 2, 4, 4, 0, 0, 0, List.of()), false));
            printer.planned(new UpdaterSchedule.Planned(at.plusSeconds(300L * (pass + 1)),
                    UpdaterSchedule.PassKind.UPDATE));
        }
        printer.failed(UpdaterSchedule.PassKind.UPDATE, "terminal not running", at.plusSeconds(3600));
        printer.planned(new UpdaterSchedule.Planned(at.plusSeconds(3600), UpdaterSchedule.PassKind.UPDATE));
        List<String> lines = text.toString().lines().toList();
        assertEquals(5, lines.size(), text.toString());
        assertTrue(lines.get(0).startsWith("first update pass at "), lines.get(0));
        assertTrue(lines.get(1).contains("update pass: 2/2 requests") && lines.get(1).contains("; next update pass"),
                lines.get(1));
        assertTrue(lines.get(4).contains("pass failed: terminal not running; next update pass"), lines.get(4));
    }
}
