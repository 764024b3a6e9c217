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
import io.barkeep.store.TestDatabases;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} of hostile files: a flood of bad rows stays bounded, and the file's text cannot drive the terminal. */
class CliImportFloodTest {
    private static final int BAD_ROWS = 200_000;

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

    @Test
    void aFileOfTwoHundredThousandBadRowsKeepsAThousandPrintsAScreenfulAndCountsTheRest() throws IOException {
        Path file = dir.resolve("flood.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(csv(rows(date("2024-12-23"))));
            for (int i = 0; i < BAD_ROWS; i++) {
                out.write("2024-12-23T09:30:00,abc" + i + ",1,1,1,1,1,1\n");
            }
        }

        Result r = runOn(db(), "import", file.toString(), "--symbol", "FLOOD");

        assertEquals(1, r.code(), r::toString);
        List<String> err = r.errLines();
        assertEquals(21, err.size(), "twenty rejects and a summary");
        assertEquals("flood.csv line 80: bad open 'abc0'", err.get(0));
        assertEquals("flood.csv: 199980 more rejected rows not shown (200000 in all; the first 1000 are kept in "
                + "the quarantine)", err.get(20));
        assertTrue(r.out().contains(": 78 bars (78 new or changed), ") && r.out().contains(" 200000 rejected, "),
                r.out());
        assertEquals(1_001, queryLong(db(), "SELECT count(*) FROM quarantine WHERE symbol = 'FLOOD'"));
        assertEquals(List.of(Map.of("reason", "199000 more rejected rows not kept (the first 1000 of one import or "
                + "answer are)")), query(db(), "SELECT reason FROM quarantine WHERE line IS NULL"));
        assertEquals(1_079, queryLong(db(), "SELECT max(line) FROM quarantine"), "the first thousand bad lines");
        assertEquals(78, queryLong(db(), "SELECT count(*) FROM market_data_bars"));
        String event = query(db(), "SELECT message FROM safety_events").get(0).get("message").toString();
        assertTrue(event.startsWith("200000 bad rows in "), event);
    }

    @Test
    void escapeSequencesInTheFileArePrintedEscaped() {
        Path file = write(dir.resolve("evil.csv"), HEADER + "\n"
                + "2024-12-23T09:30:00,1\u001b]0;pwned\u0007\u001b[2J,1,1,1,1,1,1\n");

        Result r = runOn(db(), "import", file.toString(), "--symbol", "EVIL");

        assertEquals(1, r.code(), r::toString);
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
        assertEquals(List.of("evil.csv line 2: bad open '1\\x1B]0;pwned\\x07\\x1B[2J'"), r.errLines());
        assertEquals(List.of(Map.of("raw", "2024-12-23T09:30:00,1\u001b]0;pwned\u0007\u001b[2J,1,1,1,1,1,1")),
                query(db(), "SELECT raw FROM quarantine"), "the quarantine keeps the text as it was");
    }
}
