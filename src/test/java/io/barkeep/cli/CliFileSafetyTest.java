package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.connect;
import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.SqliteOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the command line must not damage: the database under {@code export -o}, an SQLite file given to export,
 * the .db file copied alone after a command, and a file that holds another program's tables with our names. A
 * file of the user's given to export is {@link CliImportExportTest}'s, on either engine.
 */
@SqliteOnly("the database file itself, its WAL and sqlite_master under export -o, a plain copy and another program")
class CliFileSafetyTest {
    /** Two sessions: 12-23 (78 bars) and 12-24, an early close (42). */
    private static final int BARS = 78 + 42;

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("cache.db");
    }

    private void importTwoSessions() {
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "AAPL").ok();
    }

    // ---- export -o --------------------------------------------------------------------------------------------

    @Test
    void exportOverTheOpenDatabaseIsRefusedAndTheDatabaseKeepsEveryBar() throws IOException {
        importTwoSessions();
        byte[] before = Files.readAllBytes(db());

        String line = runOn(db(), "export", "AAPL", "-o", db().toString()).handledError();

        assertEquals("error: refusing to write over the database " + db() + ": choose another file", line);
        assertArrayEquals(before, Files.readAllBytes(db()), "the database file is untouched");
        assertEquals(BARS, queryLong(db(), "SELECT count(*) FROM market_data_bars"));
    }

    @Test
    void exportOverTheDatabaseByAnotherPathOrItsWalIsRefusedEvenWithForce() {
        importTwoSessions();
        Path roundabout = dir.resolve("sub").resolve("..").resolve("cache.db");
        assertTrue(runOn(db(), "export", "AAPL", "-o", roundabout.toString(), "--force").handledError()
                .startsWith("error: refusing to write over the database "));
        assertTrue(runOn(db(), "export", "AAPL", "-o", db() + "-wal", "--force").handledError()
                .startsWith("error: refusing to write over the database "));
        assertEquals(BARS, queryLong(db(), "SELECT count(*) FROM market_data_bars"));
    }

    @Test
    void exportOverAnotherSqliteFileIsRefusedEvenWithForce() throws IOException {
        importTwoSessions();
        Path other = dir.resolve("other.sqlite");
        runOn(other, "watchlist", "add", "MSFT").ok();
        byte[] before = Files.readAllBytes(other);

        assertEquals("error: refusing to write over " + other + ": it is an SQLite database",
                runOn(db(), "export", "AAPL", "-o", other.toString(), "--force").handledError());
        assertArrayEquals(before, Files.readAllBytes(other));
    }

    // ---- the .db file alone -----------------------------------------------------------------------------------

    @Test
    void afterACommandExitsTheDbFileAloneHoldsEveryBar() throws IOException {
        importTwoSessions();
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("cache.db");
        Files.copy(db(), copy);

        assertFalse(Files.exists(dir.resolve("copy").resolve("cache.db-wal")));
        assertEquals(BARS, queryLong(copy, "SELECT count(*) FROM market_data_bars"));
        assertEquals(BARS + 1, runOn(copy, "export", "AAPL").ok().outLines().size());
    }

    // ---- another program's tables with our names ----------------------------------------------------------------

    /**
     * Another program's file whose tables happen to carry two of Barkeep's names. (A file with the original
     * design's tables is not refused: it is migrated, see OriginalDesignMigrationTest.)
     */
    private Path anotherProgramsFile() throws SQLException {
        Path file = dir.resolve("other.db");
        try (Connection c = connect(file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE symbols (ticker TEXT PRIMARY KEY, sector TEXT)");
            st.execute("CREATE TABLE quarantine (id INTEGER PRIMARY KEY, note TEXT)");
            st.execute("CREATE INDEX idx_symbols_sector ON symbols(sector)");
            st.execute("INSERT INTO symbols VALUES ('AAPL', 'tech'), ('XOM', 'energy')");
            st.execute("INSERT INTO quarantine (note) VALUES ('a row of theirs')");
        }
        return file;
    }

    /** sqlite_master in full, then each table's row count: the whole of what a person sees in the file. */
    private static List<String> contents(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                if ("table".equals(rs.getString(1))) {
                    tables.add(rs.getString(2));
                }
            }
        }
        for (String t : tables) {
            out.add(t + ": " + queryLong(file, "SELECT count(*) FROM \"" + t + "\"") + " rows");
        }
        return out;
    }

    @Test
    void aFileHoldingAnotherProgramsTablesWithOurNamesIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        Path file = anotherProgramsFile();
        List<String> before = contents(file);
        String journal = CliTestSupport.query(file, "PRAGMA journal_mode").get(0).values().iterator().next()
                .toString();

        String line = runOn(file, "bars", "AAPL").handledError();

        assertEquals("error: database " + file + " already has tables of another program with Barkeep's names "
                + "(quarantine, symbols); nothing was changed: use another database file", line);
        assertEquals(before, contents(file), "tables, indexes and rows as they were; no flyway_schema_history");
        assertEquals(journal, CliTestSupport.query(file, "PRAGMA journal_mode").get(0).values().iterator().next()
                .toString(), "not even switched to WAL");
        assertEquals(line, runOn(file, "gaps").handledError(), "the same line every time");
    }
}
