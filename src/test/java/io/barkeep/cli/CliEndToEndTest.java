package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.run;
import static io.barkeep.cli.CliTestSupport.runOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.cli.CliTestSupport.Result;
import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line end to end, in-process on a database in a temporary folder: watchlist, calendar, symbol
 * validation, bad usage and the benchmark. Import/export, bars, coverage and failures have their own classes.
 */
class CliEndToEndTest {
    @TempDir
    Path dir;

    private String db;

    /** This test's cache, as --db takes it: a file here, or a fresh PostgreSQL database in the PostgreSQL run. */
    private String db() {
        if (db == null) {
            db = TestDatabases.dbArgument(dir, "trading_data.db");
        }
        return db;
    }

    // ---- watchlist ------------------------------------------------------------------------------------------

    @Test
    void watchlistAddListsEntriesHighestPriorityFirstWithNotesInJson() throws Exception {
        assertEquals("added AAPL (priority 5)\n", runOn(db(), "watchlist", "add", "AAPL", "--priority", "5",
                "--notes", "core holding").ok().out());
        assertEquals("added BRK.B (priority 0)\n", runOn(db(), "watchlist", "add", "brk.b").ok().out());
        assertEquals("added BF.B (priority 9)\n", runOn(db(), "watchlist", "add", " bf.b ", "--priority", "9")
                .ok().out());

        JsonNode list = runOn(db(), "watchlist", "list", "--json").ok().json();
        assertTrue(list.isArray());
        List<String> symbols = new ArrayList<>();
        list.forEach(e -> symbols.add(e.get("symbol").asText()));
        assertEquals(List.of("BF.B", "AAPL", "BRK.B"), symbols, "highest priority first");
        JsonNode aapl = list.get(1);
        assertEquals(5, aapl.get("priority").asInt());
        assertEquals("core holding", aapl.get("notes").asText());
        assertTrue(aapl.get("active").asBoolean());
        assertTrue(aapl.get("added_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[45]:00"),
                () -> "added_at is New York time with its offset: " + aapl);
        assertTrue(aapl.get("last_updated").isNull());
        assertTrue(list.get(2).get("notes").isNull());

        List<Map<String, Object>> rows = query(db(), "SELECT symbol, priority, notes FROM watchlist ORDER BY symbol");
        assertEquals(3, rows.size());
        assertEquals(Map.of("symbol", "AAPL", "priority", 5, "notes", "core holding"), rows.get(0));
    }

    @Test
    void watchlistAddAgainUpdatesPriorityAndNotesInsteadOfDuplicating() {
        runOn(db(), "watchlist", "add", "MSFT", "--priority", "1").ok();
        JsonNode added = runOn(db(), "watchlist", "add", "MSFT", "--priority", "3", "--notes", "raised", "--json")
                .ok().json();
        assertEquals("MSFT", added.get("symbol").asText());
        assertEquals(3, added.get("priority").asInt());
        JsonNode list = runOn(db(), "watchlist", "list", "--json").ok().json();
        assertEquals(1, list.size());
        assertEquals(3, list.get(0).get("priority").asInt());
        assertEquals("raised", list.get(0).get("notes").asText());
    }

    @Test
    void watchlistListPrintsATableWithAHeaderAndOneRowPerSymbol() {
        runOn(db(), "watchlist", "add", "AAPL", "--priority", "2", "--notes", "core").ok();
        runOn(db(), "watchlist", "add", "MSFT").ok();
        List<String> lines = runOn(db(), "watchlist", "list").ok().outLines();
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).matches("symbol\\s+active\\s+priority\\s+added\\s+last updated\\s+notes"),
                lines.get(0));
        assertTrue(lines.get(1).matches("AAPL\\s+yes\\s+2\\s+\\d{4}-\\d\\d-\\d\\dT\\S+\\s+-\\s+core"), lines.get(1));
        assertTrue(lines.get(2).matches("MSFT\\s+yes\\s+0\\s+\\S+\\s+-\\s+-"), lines.get(2));
    }

    @Test
    void watchlistListOfAnEmptyWatchlistIsAnEmptyJsonArray() {
        assertEquals(0, runOn(db(), "watchlist", "list", "--json").ok().json().size());
    }

    @Test
    void watchlistRemoveDropsTheSymbolAndRemovingItAgainIsAHandledError() {
        runOn(db(), "watchlist", "add", "AAPL").ok();
        runOn(db(), "watchlist", "add", "MSFT").ok();
        assertTrue(runOn(db(), "watchlist", "remove", "aapl").ok().out().startsWith("removed AAPL "));
        JsonNode list = runOn(db(), "watchlist", "list", "--json").ok().json();
        assertEquals(1, list.size());
        assertEquals("MSFT", list.get(0).get("symbol").asText());

        assertEquals("error: AAPL is not on the watchlist", runOn(db(), "watchlist", "remove", "AAPL").handledError());
    }

    // ---- symbol validation ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"TOOLONG", "BRK/B", "AA PL", "123", "$AAPL", "BRK.BBB", "ÅAPL", ""})
    void aBadSymbolIsRefusedWithOneLineNamingIt(String bad) {
        DbLocation blank = TestDatabases.blankLocation(dir, "trading_data.db");
        String line = runOn(blank.toString(), "watchlist", "add", bad).usageError().strip();
        assertTrue(line.startsWith("error: bad symbol '" + bad + "'"), line);
        assertTrue(line.contains("AAPL, BRK.B or BF-B"), () -> "says what is accepted: " + line);
        assertTrue(TestDatabases.untouched(blank), "nothing is created for a refused symbol");
    }

    @Test
    void aSymbolWithAControlCharacterIsNamedOnOneLine() {
        String line = runOn(db(), "watchlist", "add", "AA\nPL").usageError().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("'AA\\u000aPL'"), line);
    }

    @Test
    void everyCommandTakingASymbolRefusesABadOne() {
        Path csv = CliTestSupport.write(dir.resolve("bars.csv"), CliTestSupport.HEADER + "\n");
        List<String[]> commands = List.of(
                new String[] {"watchlist", "remove", "BRK/B"},
                new String[] {"bars", "BRK/B", "--from", "2024-12-23", "--to", "2024-12-24"},
                new String[] {"gaps", "BRK/B"},
                new String[] {"export", "BRK/B"},
                new String[] {"import", csv.toString(), "--symbol", "BRK/B"},
                new String[] {"backfill", "BRK/B"},
                new String[] {"latest", "BRK/B"},
                new String[] {"multi", "BRK/B"});
        for (String[] command : commands) {
            Result r = runOn(db(), command);
            String line = r.usageError().strip();
            assertTrue(line.startsWith("error: bad symbol 'BRK/B'"), () -> String.join(" ", command) + ": " + r);
        }
    }

    // ---- bad usage: exit 2 ----------------------------------------------------------------------------------

    @Test
    void anUnknownOptionIsBadUsage() {
        String err = runOn(db(), "bars", "AAPL", "--bogus").usageError();
        assertTrue(err.contains("--bogus"), err);
        assertTrue(err.contains("barkeep bars --help"), () -> "points at the help: " + err);
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        String err = run("frobnicate").usageError();
        assertTrue(err.contains("frobnicate"), err);
    }

    @Test
    void aMissingRequiredOptionIsBadUsage() {
        assertTrue(run("calendar", "--from", "2024-12-23").usageError().contains("--to"));
        Path csv = CliTestSupport.write(dir.resolve("bars.csv"), CliTestSupport.HEADER + "\n");
        assertTrue(runOn(db(), "import", csv.toString()).usageError().contains("--symbol"));
    }

    @Test
    void aMissingSymbolIsBadUsage() {
        assertTrue(runOn(db(), "watchlist", "add").usageError().contains("SYM"));
        assertTrue(runOn(db(), "bars").usageError().contains("SYM"));
    }

    @Test
    void watchlistWithoutASubcommandIsBadUsage() {
        assertTrue(run("watchlist").usageError().contains("add, remove or list"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "24-12-01", "yesterday"})
    void aBadDateIsBadUsage(String bad) {
        String err = run("calendar", "--from", bad, "--to", "2024-12-31").usageError();
        assertTrue(err.startsWith("error: Invalid value for option '--from': '" + bad + "' is not a date: use YYYY-MM-DD\n"),
                err);
        assertTrue(runOn(db(), "bars", "AAPL", "--from", bad).usageError().contains(bad));
        assertTrue(runOn(db(), "gaps", "--to", bad).usageError().contains(bad));
    }

    @Test
    void aNonNumericPriorityIsBadUsage() {
        assertTrue(runOn(db(), "watchlist", "add", "AAPL", "--priority", "high").usageError().contains("high"));
    }

    @Test
    void aBadFormatAndABadIntervalAreBadUsage() {
        assertTrue(runOn(db(), "bars", "AAPL", "--format", "xml").usageError().contains("xml"));
        String line = runOn(db(), "bars", "AAPL", "--interval", "7m").usageError();
        assertTrue(line.startsWith("error: bad interval '7m'"), line);
        assertTrue(runOn(db(), "multi", "AAPL", "--intervals", "5m,7m").usageError().startsWith("error: bad interval"));
    }

    @Test
    void aRangeEndingBeforeItStartsIsBadUsage() {
        assertEquals("error: --to 2024-12-01 is before --from 2024-12-31\n",
                run("calendar", "--from", "2024-12-31", "--to", "2024-12-01").usageError());
        assertEquals("error: --to 2024-12-01 is before --from 2024-12-31\n",
                runOn(db(), "gaps", "--from", "2024-12-31", "--to", "2024-12-01").usageError());
        assertEquals("error: --to 2024-12-01 is before --from 2024-12-31\n",
                runOn(db(), "bars", "AAPL", "--from", "2024-12-31", "--to", "2024-12-01").usageError());
        assertEquals("error: --to 2024-12-01 is before --from 2024-12-31\n",
                runOn(db(), "backfill", "AAPL", "--from", "2024-12-31", "--to", "2024-12-01").usageError());
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        Result r = run("--help").ok();
        assertTrue(r.out().contains("watchlist") && r.out().contains("bars") && r.out().contains("bench"), r.out());
    }

    // ---- calendar -------------------------------------------------------------------------------------------

    @Test
    void calendarJsonListsChristmasWeekWithChristmasClosedAndChristmasEveEarly() {
        JsonNode doc = run("calendar", "--from", "2024-12-23", "--to", "2024-12-27", "--json").ok().json();
        assertTrue(doc.get("calendar_version").asText().startsWith("nyse-"), doc.toString());
        JsonNode sessions = doc.get("sessions");
        assertEquals(4, sessions.size(), sessions.toString());
        String[][] expected = {
            {"2024-12-23", "09:30", "16:00", "regular", "2024-12-23T09:30:00-05:00", "2024-12-23T16:00:00-05:00"},
            {"2024-12-24", "09:30", "13:00", "early_close", "2024-12-24T09:30:00-05:00", "2024-12-24T13:00:00-05:00"},
            {"2024-12-26", "09:30", "16:00", "regular", "2024-12-26T09:30:00-05:00", "2024-12-26T16:00:00-05:00"},
            {"2024-12-27", "09:30", "16:00", "regular", "2024-12-27T09:30:00-05:00", "2024-12-27T16:00:00-05:00"},
        };
        for (int i = 0; i < expected.length; i++) {
            JsonNode s = sessions.get(i);
            assertEquals(expected[i][0], s.get("date").asText());
            assertEquals(expected[i][1], s.get("open").asText());
            assertEquals(expected[i][2], s.get("close").asText());
            assertEquals(expected[i][3], s.get("kind").asText());
            assertEquals(expected[i][4], s.get("open_at").asText());
            assertEquals(expected[i][5], s.get("close_at").asText());
        }
    }

    @Test
    void calendarTableShowsNewYorkTimesAcrossTheSummerTimeChange() {
        List<String> lines = run("calendar", "--from", "2024-03-08", "--to", "2024-03-11").ok().outLines();
        assertEquals(4, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).matches("date\\s+open\\s+close\\s+kind"), lines.get(0));
        assertTrue(lines.get(1).matches("2024-03-08\\s+09:30\\s+16:00\\s+regular"), lines.get(1));
        assertTrue(lines.get(2).matches("2024-03-11\\s+09:30\\s+16:00\\s+regular"), lines.get(2));
        assertTrue(lines.get(3).matches("2 sessions \\(calendar nyse-\\S+\\)"), lines.get(3));
    }

    @Test
    void calendarOutsideTheCalendarDataIsAHandledError() {
        String line = run("calendar", "--from", "1999-01-01", "--to", "1999-01-31").handledError();
        assertTrue(line.startsWith("error: the calendar covers 2012-01-01 to "), line);
    }

    // ---- bench ----------------------------------------------------------------------------------------------

    @Test
    void benchPrintsOneJsonObjectWithEveryKeyOfTheBenchmarkSpec() {
        JsonNode doc = run("bench", "--symbols", "1", "--days", "40", "--json").ok().json();
        assertTrue(doc.isObject(), doc.toString());
        assertTrue(doc.get("engine").isTextual() && !doc.get("engine").asText().isBlank(), doc.toString());
        assertEquals(40 * 78, doc.get("bars").asLong());
        for (String key : List.of("bars", "insert_bars_per_s", "bytes_per_bar", "db_mb", "query_30d_p50_ms",
                "query_30d_p99_ms", "query_30d_warm_p50_ms", "agg_1h_3y_ms", "agg_1d_3y_ms", "agg_1h_3y_warm_ms",
                "gaps_3y_ms", "rss_mb", "jdbc_floor_bars_per_s", "insert_vs_floor")) {
            JsonNode v = doc.get(key);
            assertTrue(v != null && v.isNumber(), () -> key + " is a number in " + doc);
            assertTrue(v.asDouble() > 0, () -> key + " > 0 in " + doc);
        }
    }
}
