package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a person sees when the SQLite file is corrupt or locked, and what survives beside it. What a failed write
 * leaves behind, on either engine, is {@link WriteRollbackTest}.
 */
@SqliteOnly("corrupt headers, file locks and other programs' tables in the same file are SQLite files' own troubles")
class DatabaseFailureTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final Session TUE = TestBars.regular("2024-07-02");
    private static final Session WED = TestBars.regular("2024-07-03");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE, WED);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCorruptFileIsRefusedWithOneLineNamingItAndItsNewestBackup() throws IOException {
        Path file = dir.resolve("trading_data.db");
        Path newest;
        try (Database db = Database.open(file)) {
            new BarStore(db, CALENDAR, 0, CLOCK).write(BarBatch.of("AAPL", TestBars.sessions(List.of(MON, TUE), 1)));
            db.backups().take(db, 7, Clock.fixed(Instant.parse("2024-07-09T12:00:00Z"), ZoneOffset.UTC));
            newest = db.backups().take(db, 7, CLOCK);
        }
        // Garbage over every page but the first (the header and the schema): the tables' pages are gone.
        overwrite(file, 4096);

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file).close());

        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(newest.toString()), e.getMessage());
        try (Database backup = Database.open(newest)) {
            assertEquals(TestBars.sessions(List.of(MON, TUE), 1),
                    new BarStore(backup, CALENDAR, 0, CLOCK).bars("AAPL", MON.open(), TUE.close()),
                    "the backup it names is good");
        }
    }

    @Test
    void aFileWhoseHeaderIsGarbageIsRefusedAsCorruptNamingTheNewestBackup() throws IOException {
        Path file = dir.resolve("trading_data.db");
        Path newest;
        try (Database db = Database.open(file)) {
            new BarStore(db, CALENDAR, 0, CLOCK).write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
            newest = db.backups().take(db, 7, CLOCK);
        }
        overwrite(file, 0);

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file).close());

        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(newest.toString()), e.getMessage());
    }

    @Test
    void aTextFileNamedDotDbIsRefusedAsCorruptAndSaysThereIsNoBackup() throws IOException {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database\n".repeat(200));

        StoreException e = assertThrows(StoreException.class, () -> Database.open(file).close());

        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("no backup"), e.getMessage());
        assertEquals("these are my notes, not a database\n".repeat(200), Files.readString(file),
                "the file is left as it was");
    }

    @Test
    void aWriteWhileAnotherProgramHoldsTheWriteLockFailsWithOneLineSayingLocked() throws SQLException {
        Path file = dir.resolve("trading_data.db");
        try (Database db = Database.open(file, 200)) {
            BarStore store = new BarStore(db, CALENDAR, 0, CLOCK);
            List<Bar> stored = TestBars.session(MON, 1);
            store.write(BarBatch.of("AAPL", stored));

            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                st.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('MSFT', 0)");

                StoreException e = assertThrows(StoreException.class,
                        () -> store.write(BarBatch.of("AAPL", TestBars.session(TUE, 1))));

                assertOneLine(e.getMessage());
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                assertTrue(e.getMessage().contains("locked"), e.getMessage());
                assertEquals(stored, store.bars("AAPL", MON.open(), WED.close()), "readers still read (WAL)");
                st.execute("ROLLBACK");
            }

            store.write(BarBatch.of("AAPL", TestBars.session(TUE, 1)));
            assertEquals(TestBars.sessions(List.of(MON, TUE), 1), store.bars("AAPL", MON.open(), WED.close()),
                    "once the lock is gone the writer writes again");
        }
    }

    @Test
    void openingAFileAnotherProgramHoldsExclusivelyFailsWithOneLineSayingLocked() throws SQLException {
        Path file = dir.resolve("trading_data.db");
        try (Database db = Database.open(file)) {
            new BarStore(db, CALENDAR, 0, CLOCK).write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = other.createStatement()) {
            // A program that keeps the file to itself: in WAL mode only EXCLUSIVE locking mode shuts readers out.
            st.execute("PRAGMA locking_mode = EXCLUSIVE");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('MSFT', 0)");

            StoreException e = assertThrows(StoreException.class, () -> Database.open(file, 200).close());

            assertOneLine(e.getMessage());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            st.execute("ROLLBACK");
        }
        try (Database db = Database.open(file)) {
            assertEquals(TestBars.session(MON, 1),
                    new BarStore(db, CALENDAR, 0, CLOCK).bars("AAPL", MON.open(), MON.close()));
        }
    }

    @Test
    void aTableThatIsNotBarkeepsSurvivesOpenMigrateWritesCleanupAndBackup() throws SQLException {
        Path file = dir.resolve("trading_data.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE trades (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL,"
                    + " executed_at TEXT NOT NULL, qty INTEGER NOT NULL, price REAL NOT NULL)");
            st.execute("CREATE INDEX idx_trades_symbol ON trades (symbol)");
            for (int i = 0; i < 50; i++) {
                st.execute("INSERT INTO trades (symbol, executed_at, qty, price) VALUES ('AAPL',"
                        + " '2020-01-02T10:" + (10 + i) + ":00', " + (i + 1) + ", " + (190.25 + i) + ")");
            }
        }
        List<String> schemaBefore = query(file, "SELECT type || ' ' || name || ' ' || sql FROM sqlite_master"
                + " WHERE tbl_name = 'trades' ORDER BY name");
        List<String> rowsBefore = query(file, "SELECT id || '|' || symbol || '|' || executed_at || '|' || qty"
                + " || '|' || price FROM trades ORDER BY id");

        Path backup;
        try (Database db = Database.open(file)) {
            BarStore store = new BarStore(db, CALENDAR, 1024 * 1024, CLOCK);
            store.write(BarBatch.of("AAPL", TestBars.sessions(List.of(MON, TUE, WED), 1)));
            store.write(BarBatch.of("AAPL", TestBars.session(TUE, 2)));
            // Keeps one day back from Thursday: Wednesday stays, Monday and Tuesday go.
            new Retention(store).cleanup(1, TestBars.at(TestBars.regular("2024-07-04"), "12:00"));
            backup = db.backups().take(db, 7, CLOCK);
            db.checkpoint();
        }
        try (Database db = Database.open(file)) {
            assertEquals(TestBars.session(WED, 1),
                    new BarStore(db, CALENDAR, 0, CLOCK).bars("AAPL", MON.open(), WED.close()));
        }

        assertEquals(schemaBefore, query(file, "SELECT type || ' ' || name || ' ' || sql FROM sqlite_master"
                + " WHERE tbl_name = 'trades' ORDER BY name"));
        assertEquals(rowsBefore, query(file, "SELECT id || '|' || symbol || '|' || executed_at || '|' || qty"
                + " || '|' || price FROM trades ORDER BY id"));
        assertEquals(rowsBefore, query(backup, "SELECT id || '|' || symbol || '|' || executed_at || '|' || qty"
                + " || '|' || price FROM trades ORDER BY id"), "the backup carries it too");
    }

    private static void assertOneLine(String message) {
        assertFalse(message.isBlank());
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    /** Seeded garbage over the file from {@code offset} to its end. */
    private static void overwrite(Path file, long offset) throws IOException {
        byte[] garbage = new byte[(int) (Files.size(file) - offset)];
        new Random(42).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(garbage);
        }
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
