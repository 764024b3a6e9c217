package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.HEADER;
import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.cli.CliTestSupport.Result;
import io.barkeep.cli.CliTestSupport.Row;
import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import FILE --symbol SYM} and {@code export SYM}, end to end on a temporary database. */
class CliImportExportTest {
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

    private long storedBars() {
        return queryLong(db(), "SELECT count(*) FROM bars_5m");
    }

    @Test
    void importStoresEveryGoodRowAndSummarisesOnStdout() {
        Path file = write(dir.resolve("xmas.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"),
                date("2024-12-26"))));
        Result r = runOn(db(), "import", file.toString(), "--symbol", "xmas").ok();
        assertEquals("imported XMAS from xmas.csv: 198 bars (198 new or changed), 0 no-trade bars, "
                + "0 exact duplicates skipped, 0 rejected, 0 prices rounded to 1e-4\n", r.out());
        assertEquals(198, storedBars());
        assertEquals(0, queryLong(db(), "SELECT count(*) FROM quarantine"));
        assertEquals(List.of(Map.of("symbol", "XMAS")), query(db(), "SELECT symbol FROM symbols"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        Path file = write(dir.resolve("xmas.csv"), csv(rows(date("2024-12-23"))));
        runOn(db(), "import", file.toString(), "--symbol", "XMAS").ok();
        Result again = runOn(db(), "import", file.toString(), "--symbol", "XMAS").ok();
        assertTrue(again.out().contains(": 78 bars (0 new or changed)"), again.out());
        assertEquals(78, storedBars());
    }

    @Test
    void importCountsExactDuplicatesNoTradeRowsAndRoundedPrices() {
        List<Row> day = rows(date("2024-12-23"));
        StringBuilder text = new StringBuilder(csv(day));
        text.append(day.get(3).csv()).append('\n');                                  // exact duplicate: skipped
        text.append("2024-12-24T09:30:00,0.0000,0.0000,0.0000,0.0000,0,0,\n");      // vendor: no trade
        text.append("2024-12-24T09:35:00,100.123456,100.2,100,100.1,500,3,\n");     // open has six decimals
        Path file = write(dir.resolve("mixed.csv"), text.toString());
        Result r = runOn(db(), "import", file.toString(), "--symbol", "MIX").ok();
        assertEquals("imported MIX from mixed.csv: 79 bars (79 new or changed), 1 no-trade bars, "
                + "1 exact duplicates skipped, 0 rejected, 1 prices rounded to 1e-4\n", r.out());
        assertEquals(79, storedBars());
        assertEquals(1, queryLong(db(), "SELECT count(*) FROM empty_bars"));
        assertEquals(1_001_235, queryLong(db(), "SELECT open FROM bars_5m ORDER BY ts DESC LIMIT 1"),
                "100.123456 rounded half-even to 100.1235");
    }

    @Test
    void importReadsNewYorkLocalAndOffsetTimestampsToTheSameBars() {
        Path file = write(dir.resolve("zones.csv"), HEADER + "\n"
                + "2024-12-23T14:30:00Z,100,101,99,100.5,10,1,\n"            // 09:30 New York, winter
                + "2024-12-23T09:35:00-05:00,100,101,99,100.5,20,2,\n"
                + "2024-12-23 09:40:00,100,101,99,100.5,30,3,\n"             // a space for the T
                + "2024-07-01T13:30:00Z,200,201,199,200.5,40,4,\n"           // 09:30 New York, summer
                + "2024-07-01T09:35:00,200,201,199,200.5,50,5,\n");
        runOn(db(), "import", file.toString(), "--symbol", "TZ").ok();
        List<String> exported = runOn(db(), "export", "TZ").ok().outLines();
        assertEquals(List.of(HEADER,
                "2024-07-01T09:30:00,200.0000,201.0000,199.0000,200.5000,40,4,",
                "2024-07-01T09:35:00,200.0000,201.0000,199.0000,200.5000,50,5,",
                "2024-12-23T09:30:00,100.0000,101.0000,99.0000,100.5000,10,1,",
                "2024-12-23T09:35:00,100.0000,101.0000,99.0000,100.5000,20,2,",
                "2024-12-23T09:40:00,100.0000,101.0000,99.0000,100.5000,30,3,"), exported);
    }

    @Test
    void importReportsEveryBadRowByLineAndReasonQuarantinesItStoresTheGoodRowsAndExitsOne() {
        List<String> lines = List.of(
                HEADER,
                "2024-12-23T09:30:00,100,101,99,100.5,1000,10,100.2",    // 2 good
                "2024-12-23T09:35:00,100,101,99,100.5,1000,10,100.2",    // 3 good
                "not-a-time,100,101,99,100.5,1000,10,100.2",             // 4 unparsable timestamp
                "2024-12-23T09:40:00,100,99,101,100,1000,10,",           // 5 high < low
                "2024-12-23T09:45:00,102,101,99,100,1000,10,",           // 6 open above high
                "2024-12-23T09:50:00,100,101,99,98,1000,10,",            // 7 close below low
                "2024-12-23T09:55:00,100,101,99,100,-5,10,",             // 8 negative volume
                "2024-12-23T10:00:00,0,0,0,0,100,3,",                    // 9 zero price with volume
                "2024-12-23T10:02:00,100,101,99,100,1000,10,",           // 10 off the grid
                "2024-12-23T08:00:00,100,101,99,100,1000,10,",           // 11 before the open
                "2024-12-24T13:00:00,100,101,99,100,1000,10,",           // 12 after the early close
                "2024-12-25T10:00:00,100,101,99,100,1000,10,",           // 13 Christmas: closed
                "2024-12-23T09:30:00,100,101,99,100.7,1000,10,100.2",    // 14 line 2 again, other close
                "2024-12-23T09:35:00,100,101,99,100.5,1000,10,100.2",    // 15 line 3 again, same: skipped
                "2024-12-23T10:05:00,100,101,99,100.5,1000,10,",         // 16 good
                "2024-12-23T10:10:00,100,101",                           // 17 too few fields
                "2024-12-23T10:15:00,abc,101,99,100,1000,10,");          // 18 unparsable price
        Path file = write(dir.resolve("bad.csv"), String.join("\n", lines) + "\n");
        Result r = runOn(db(), "import", file.toString(), "--symbol", "BAD");

        assertEquals(1, r.code(), r::toString);
        List<String[]> expected = List.of(
                new String[] {"4", "bad timestamp 'not-a-time'"},
                new String[] {"5", "high < low"},
                new String[] {"6", "open outside high-low"},
                new String[] {"7", "close outside high-low"},
                new String[] {"8", "negative volume"},
                new String[] {"9", "non-positive price with volume"},
                new String[] {"10", "off the 5-minute grid"},
                new String[] {"11", "outside the session"},
                new String[] {"12", "outside the session"},
                new String[] {"13", "outside the session"},
                new String[] {"14", "duplicate timestamp with different values than line 2"},
                new String[] {"17", "expected 8 fields, got 3"},
                new String[] {"18", "bad open 'abc'"});
        List<String> expectedErr = new ArrayList<>();
        expected.forEach(e -> expectedErr.add("bad.csv line " + e[0] + ": " + e[1]));
        assertEquals(expectedErr, r.errLines());
        assertEquals("imported BAD from bad.csv: 3 bars (3 new or changed), 0 no-trade bars, "
                + "1 exact duplicates skipped, 13 rejected, 0 prices rounded to 1e-4\n", r.out());

        List<Map<String, Object>> quarantined = query(db(),
                "SELECT symbol, source, line, raw, reason FROM quarantine ORDER BY line");
        assertEquals(expected.size(), quarantined.size());
        for (int i = 0; i < expected.size(); i++) {
            int line = Integer.parseInt(expected.get(i)[0]);
            assertEquals(Map.of("symbol", "BAD", "source", "csv", "line", line, "raw", lines.get(line - 1),
                    "reason", expected.get(i)[1]), quarantined.get(i));
        }

        assertEquals(List.of(Map.of("ts", 1_734_964_200, "close", 1_005_000), Map.of("ts", 1_734_964_500,
                "close", 1_005_000), Map.of("ts", 1_734_966_300, "close", 1_005_000)),
                query(db(), "SELECT ts, close FROM bars_5m ORDER BY ts"),
                "09:30, 09:35 and 10:05 stored; the 09:30 bar keeps line 2's close, not line 14's");
        List<Map<String, Object>> events = query(db(), "SELECT kind, symbol, source, message FROM safety_events");
        assertEquals(1, events.size());
        assertEquals("rejected_rows", events.get(0).get("kind"));
        assertTrue(events.get(0).get("message").toString().startsWith("13 bad rows in "), events.toString());
    }

    @Test
    void importOfAMissingFileIsOneLineAndCreatesNoDatabase() {
        DbLocation blank = TestDatabases.blankLocation(dir, "trading_data.db");
        Path missing = dir.resolve("nowhere.csv");
        assertEquals("error: cannot read " + missing + ": no such file",
                runOn(blank.toString(), "import", missing.toString(), "--symbol", "AAPL").handledError());
        assertTrue(TestDatabases.untouched(blank));
    }

    @Test
    void importOfAFileLackingAColumnNamesTheColumnAndTheExpectedHeader() {
        Path file = write(dir.resolve("short.csv"), "timestamp,open,high,low,close\n"
                + "2024-12-23T09:30:00,100,101,99,100\n");
        assertEquals("error: short.csv: header on line 1 lacks column volume; expected "
                + "timestamp,open,high,low,close,volume[,count,session_vwap]",
                runOn(db(), "import", file.toString(), "--symbol", "AAPL").handledError());
        assertEquals(0, storedBars());
    }

    @Test
    void importOfAFileWithoutAHeaderSaysSo() {
        Path file = write(dir.resolve("noheader.csv"), "2024-12-23T09:30:00,100,101,99,100,1000\n");
        String line = runOn(db(), "import", file.toString(), "--symbol", "AAPL").handledError();
        assertTrue(line.startsWith("error: noheader.csv: no header: line 1 is '2024-12-23T09:30:00,"), line);
        Path empty = write(dir.resolve("empty.csv"), "");
        assertEquals("error: empty.csv: no header: the file is empty; expected "
                + "timestamp,open,high,low,close,volume[,count,session_vwap]",
                runOn(db(), "import", empty.toString(), "--symbol", "AAPL").handledError());
    }

    // ---- export ---------------------------------------------------------------------------------------------

    /** Two sessions in the export format, with a no-trade row and a row without count and vwap. */
    private String roundTripText() {
        List<Row> rows = rows(date("2024-12-23"), date("2024-12-24"));
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            String text = r.csv();
            if (text.startsWith("2024-12-23T12:00:00")) {
                text = "2024-12-23T12:00:00,0.0000,0.0000,0.0000,0.0000,0,0,101.2345";
            } else if (text.startsWith("2024-12-24T10:00:00")) {
                text = text.substring(0, text.lastIndexOf(',', text.lastIndexOf(',') - 1)) + ",,";
            }
            b.append(text).append('\n');
        }
        return b.toString();
    }

    @Test
    void exportWritesBackExactlyTheRowsImported() {
        String text = roundTripText();
        assertTrue(text.contains("\n2024-12-24T10:00:00,101.0600,101.1100,101.0300,101.0700,1006,,\n"), text);
        Path file = write(dir.resolve("in.csv"), text);
        Result imported = runOn(db(), "import", file.toString(), "--symbol", "RT").ok();
        assertTrue(imported.out().contains("119 bars (119 new or changed), 1 no-trade bars"), imported.out());

        assertEquals(text, runOn(db(), "export", "RT").ok().out());
    }

    @Test
    void exportToAFileWritesTheSameRowsAndSaysWhereOnStderr() throws Exception {
        String text = roundTripText();
        runOn(db(), "import", write(dir.resolve("in.csv"), text).toString(), "--symbol", "RT").ok();
        Path out = dir.resolve("out.csv");
        Result r = runOn(db(), "export", "RT", "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(List.of("exported 119 bars and 1 no-trade bars of RT to " + out), r.errLines());
        assertEquals(text, Files.readString(out, StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve("out.csv.partial")));

        // and the exported file imports into a fresh database unchanged
        String other = TestDatabases.dbArgument(dir, "other.db");
        runOn(other, "import", out.toString(), "--symbol", "RT").ok();
        assertEquals(text, runOn(other, "export", "RT").ok().out());
    }

    @Test
    void exportFromToKeepsOnlyThoseSessions() {
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"),
                date("2024-12-26")))).toString(), "--symbol", "RT").ok();
        List<String> lines = runOn(db(), "export", "RT", "--from", "2024-12-24", "--to", "2024-12-25").ok()
                .outLines();
        assertEquals(1 + 42, lines.size());
        assertEquals(HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("2024-12-24T09:30:00,"), lines.get(1));
        assertTrue(lines.get(42).startsWith("2024-12-24T12:55:00,"), lines.get(42));
    }

    @Test
    void exportOfASymbolWithNothingCachedIsAHandledError() {
        assertEquals("error: nothing cached for NOPE", runOn(db(), "export", "nope").handledError());
    }

    @Test
    void exportToAFolderThatDoesNotExistIsOneLine() {
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23")))).toString(), "--symbol",
                "AAPL").ok();
        Path out = dir.resolve("missing").resolve("out.csv");
        String line = runOn(db(), "export", "AAPL", "--output", out.toString()).handledError();
        assertEquals("error: cannot write " + out + ": no such folder", line);
    }

    @Test
    void otherTablesInTheDatabaseAreNeverTouched() throws Exception {
        try (Connection c = CliTestSupport.connect(db()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trades (symbol TEXT, qty INTEGER)");
            st.execute("INSERT INTO trades (symbol, qty) VALUES ('AAPL', 100), ('MSFT', -50)");
        }
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "AAPL").ok();
        runOn(db(), "watchlist", "add", "AAPL").ok();
        runOn(db(), "cleanup", "--retain-days", "1", "--yes").ok();
        assertEquals(List.of(Map.of("symbol", "AAPL", "qty", 100), Map.of("symbol", "MSFT", "qty", -50)),
                query(db(), "SELECT symbol, qty FROM trades ORDER BY symbol"));
    }

    @Test
    void exportOverAnExistingFileNeedsForce() throws IOException {
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "AAPL").ok();
        Path notes = write(dir.resolve("notes.csv"), "my own notes\n");

        assertEquals("error: " + notes + " already exists: add --force to replace it",
                runOn(db(), "export", "AAPL", "-o", notes.toString()).handledError());
        assertEquals("my own notes\n", Files.readString(notes));

        runOn(db(), "export", "AAPL", "-o", notes.toString(), "--force");
        assertEquals(78 + 42 + 1, Files.readAllLines(notes).size(), "replaced by the header and every bar");
    }
}
