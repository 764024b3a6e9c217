package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.connect;
import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.list;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.cli.CliTestSupport.Result;
import io.barkeep.store.SqliteOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup}, and what every command says about a corrupt or locked database file: one line on stderr,
 * exit 1, never a stack trace. What happens to other tables on either engine, and export's own failures, are in
 * {@link CliImportExportTest}.
 */
@SqliteOnly("backups beside the file, corrupt pages, file locks and unusable paths are SQLite files' own failures")
class CliFailureTest {
    private static final String BACKUP_NAME = "trading_data-\\d{8}-\\d{6}(-\\d+)?\\.db";

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("trading_data.db");
    }

    private Path backups() {
        return dir.resolve("backups");
    }

    private void importTwoSessions() {
        runOn(db(), "import", write(dir.resolve("in.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "AAPL").ok();
    }

    /** Runs {@code backup} and returns the file it says it wrote. */
    private Path backup() {
        Result r = runOn(db(), "backup").ok();
        assertTrue(r.out().startsWith("backup written: "), r.out());
        assertEquals(1, r.outLines().size(), r.out());
        return Path.of(r.outLines().get(0).substring("backup written: ".length()));
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Overwrites the database with garbage and drops its WAL, as a disk fault or a bad copy would. */
    private void replaceWithGarbage() throws IOException {
        Files.write(db(), garbage(64 * 1024));
        Files.deleteIfExists(dir.resolve("trading_data.db-wal"));
        Files.deleteIfExists(dir.resolve("trading_data.db-shm"));
    }

    // ---- backup ---------------------------------------------------------------------------------------------

    @Test
    void backupWritesAConsistentCopyIntoBackupsBesideTheDatabase() {
        importTwoSessions();
        Path file = backup();
        assertEquals(backups(), file.getParent());
        assertTrue(file.getFileName().toString().matches(BACKUP_NAME), file.toString());
        assertTrue(Files.isRegularFile(file));
        assertEquals(120, queryLong(file, "SELECT count(*) FROM bars_5m"));
        assertEquals("ok", CliTestSupport.query(file, "PRAGMA quick_check").get(0).values().iterator().next());
        // the copy is a working database: the command line reads it
        assertEquals(120 + 1, runOn(file, "export", "AAPL").ok().outLines().size());
    }

    @Test
    void backupKeepsTheNewestSevenAfterNineRuns() {
        importTwoSessions();
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            written.add(backup());
        }
        assertEquals(9, new HashSet<>(written).size(), () -> "every run writes its own file: " + written);
        List<Path> kept = list(backups());
        assertEquals(7, kept.size(), kept::toString);
        kept.forEach(p -> assertTrue(p.getFileName().toString().matches(BACKUP_NAME), p.toString()));
        assertEquals(new HashSet<>(written.subList(2, 9)), new HashSet<>(kept), "the two oldest are pruned");
    }

    @Test
    void backupKeepRefusesZero() {
        assertEquals("error: --keep must be at least 1, got 0", runOn(db(), "backup", "--keep", "0").usageError().strip());
    }

    // ---- corrupt --------------------------------------------------------------------------------------------

    @Test
    void aGarbageFileIsReportedCorruptInOneLineWhenNoBackupExists() throws IOException {
        Files.write(db(), garbage(16 * 1024));
        String line = runOn(db(), "freshness").handledError();
        assertEquals("error: database " + db() + " is corrupt; no backup found beside it", line);
    }

    @Test
    void aCorruptDatabaseNamesTheNewestBackupForEveryCommand() throws IOException {
        importTwoSessions();
        backup();
        Path newest = backup();
        replaceWithGarbage();
        List<String[]> commands = List.of(
                new String[] {"freshness", "--json"},
                new String[] {"watchlist", "list"},
                new String[] {"watchlist", "add", "MSFT"},
                new String[] {"bars", "AAPL", "--from", "2024-12-23", "--to", "2024-12-24"},
                new String[] {"gaps"},
                new String[] {"export", "AAPL"},
                new String[] {"import", dir.resolve("in.csv").toString(), "--symbol", "AAPL"},
                new String[] {"cleanup"},
                new String[] {"backup"});
        for (String[] command : commands) {
            String line = runOn(db(), command).handledError();
            assertTrue(line.contains("corrupt"), () -> String.join(" ", command) + ": " + line);
            assertEquals("error: database " + db() + " is corrupt; newest backup: " + newest, line,
                    String.join(" ", command));
        }
    }

    @Test
    void damagedPagesBehindAGoodHeaderAreReportedCorrupt() throws IOException {
        importTwoSessions();
        long size = Files.size(db());
        assertTrue(size > 3 * 4096, "a few pages to damage: " + size);
        // keep page 1 (the header and schema) and overwrite every later page
        try (FileChannel ch = FileChannel.open(db(), StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(garbage((int) size - 4096)), 4096);
        }
        String line = runOn(db(), "freshness").handledError();
        assertEquals("error: database " + db() + " is corrupt; no backup found beside it", line);
    }

    // ---- locked ---------------------------------------------------------------------------------------------

    @Test
    void aDatabaseLockedByAnotherProgramIsReportedInOneLineAndReadersStillRead() throws Exception {
        runOn(db(), "watchlist", "add", "AAPL").ok();
        try (Connection other = connect(db()); Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('HELD', 0)");

            // WAL: a reader is not blocked by the other program's write transaction, nor sees it
            assertEquals(1, runOn(db(), "watchlist", "list", "--json").ok().json().size());

            // a writer waits for the lock (busy timeout, 5 s) and then gives up with one line
            String line = runOn(db(), "watchlist", "add", "MSFT").handledError();
            assertEquals("error: database " + db() + " is locked by another program; close it (or wait) and try "
                    + "again", line);
            st.execute("ROLLBACK");
        }
        assertEquals(1, queryLong(db(), "SELECT count(*) FROM watchlist"), "nothing was written");
        runOn(db(), "watchlist", "add", "MSFT").ok();
    }

    // ---- files the command line cannot use ------------------------------------------------------------------

    @Test
    void aDatabasePathThatIsAFolderIsOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder.db"));
        String line = runOn(folder, "watchlist", "list").handledError();
        assertTrue(line.startsWith("error: ") && line.contains(folder.toString()), line);
    }

    @Test
    void aDatabaseFolderThatCannotBeCreatedIsOneLine() throws IOException {
        Path file = write(dir.resolve("plain-file"), "not a folder");
        String line = runOn(file.resolve("trading_data.db"), "watchlist", "list").handledError();
        assertTrue(line.startsWith("error: cannot create folder for "), line);
    }

    @Test
    void otherTablesInTheFileAreInItsBackupAndStayAsTheyWere() throws Exception {
        try (Connection c = connect(db()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trades (id INTEGER PRIMARY KEY, symbol TEXT, qty INTEGER)");
            st.execute("INSERT INTO trades (symbol, qty) VALUES ('AAPL', 100), ('MSFT', -50)");
        }
        importTwoSessions();
        Path file = backup();
        for (Path db : List.of(db(), file)) {
            assertEquals(List.of(java.util.Map.of("symbol", "AAPL", "qty", 100), java.util.Map.of("symbol", "MSFT",
                    "qty", -50)), CliTestSupport.query(db, "SELECT symbol, qty FROM trades ORDER BY id"), db::toString);
        }
    }
}
