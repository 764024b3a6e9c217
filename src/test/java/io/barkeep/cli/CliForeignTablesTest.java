package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.connect;
import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.runOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database where another program's tables carry two of Barkeep's names, on either engine: every command refuses
 * it in one line and changes nothing, not even a migration history. (The SQLite file's schema text and journal
 * mode are {@link CliFileSafetyTest}'s.)
 */
class CliForeignTablesTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseHoldingAnotherProgramsTablesWithOurNamesIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        DbLocation location = TestDatabases.blankLocation(dir, "other.db");
        String db = location.toString();
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE symbols (ticker TEXT PRIMARY KEY, sector TEXT)");
            st.execute("CREATE TABLE quarantine (id INTEGER PRIMARY KEY, note TEXT)");
            st.execute("INSERT INTO symbols VALUES ('AAPL', 'tech'), ('XOM', 'energy')");
            st.execute("INSERT INTO quarantine VALUES (1, 'a row of theirs')");
        }

        String line = runOn(db, "bars", "AAPL").handledError();

        assertTrue(line.startsWith("error: database " + location.display() + " already has tables of another program"
                + " with Barkeep's names (quarantine, symbols); nothing was changed: use another database"), line);
        assertEquals(List.of("quarantine", "symbols"), tables(db), "no table of Barkeep's, no flyway_schema_history");
        assertEquals(List.of(Map.of("ticker", "AAPL", "sector", "tech"), Map.of("ticker", "XOM", "sector", "energy")),
                query(db, "SELECT ticker, sector FROM symbols ORDER BY ticker"));
        assertEquals(1, queryLong(db, "SELECT count(*) FROM quarantine"));
        assertEquals(line, runOn(db, "gaps").handledError(), "the same line every time");
    }

    /** The tables a person sees in the database, by name. */
    private static List<String> tables(String db) throws SQLException {
        String sql = DbLocation.parse(db).postgres()
                ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        return query(db, sql).stream().map(r -> String.valueOf(r.get("name"))).toList();
    }
}
