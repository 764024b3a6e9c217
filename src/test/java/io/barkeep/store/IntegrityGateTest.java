package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When opening a SQLite file runs {@code PRAGMA quick_check} ({@link IntegrityGate}): not after a clean close, but
 * after a process that held the file was killed, after another program changed it, and never so that a corrupt
 * file is used. The other process is a real one ({@link HoldOpenChild}).
 */
// Only a guard against a hang (a child that never starts); no assertion depends on time.
@SqliteOnly("when SQLite's quick_check runs over the file on open")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IntegrityGateTest {
    static final Session MON = TestBars.regular("2024-07-01");
    static final Session TUE = TestBars.regular("2024-07-02");
    static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCleanCloseLetsTheNextOpenSkipTheCheck() {
        Path file = dir.resolve("trading_data.db");
        try (Database db = Database.open(file)) {
            assertEquals(Optional.empty(), db.integrityCheckedBecause(), "a new file has nothing to check");
            store(db).write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.empty(), db.integrityCheckedBecause());
            assertEquals(TestBars.session(MON, 1), store(db).bars("AAPL", MON.open(), MON.close()));
        }
    }

    @Test
    void aFileWithNoRecordOfACleanCloseIsCheckedOnce() throws IOException {
        Path file = dir.resolve("trading_data.db");
        Database.open(file).close();
        // As a file from elsewhere or from a version before the rule: no record beside it.
        Files.delete(dir.resolve("trading_data.db.closed"));

        try (Database db = Database.open(file)) {
            assertEquals(Optional.of("no record of a clean close"), db.integrityCheckedBecause());
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.empty(), db.integrityCheckedBecause());
        }
    }

    @Test
    void aFileAnotherProgramChangedAfterACleanCloseIsChecked() throws Exception {
        Path file = dir.resolve("trading_data.db");
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('OTHER', 0)");
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.of("it changed since Barkeep last closed it"), db.integrityCheckedBecause());
        }
    }

    @Test
    void aKilledProcessMakesTheNextOpenCheckAndAPassedCheckIsNotRepeated() throws Exception {
        Path file = dir.resolve("trading_data.db");
        try (Database db = Database.open(file)) {
            store(db).write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
        }
        Process child = holdOpen(file);
        assertEquals("OPEN skipped", readLine(child), "the child found a clean close");
        kill(child);

        try (Database db = Database.open(file)) {
            assertTrue(db.integrityCheckedBecause().orElseThrow().startsWith("a Barkeep process did not close it"),
                    db.integrityCheckedBecause().toString());
            assertEquals(TestBars.session(TUE, 2), store(db).bars("AAPL", TUE.open(), TUE.close()),
                    "the killed process's committed write is there");
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.empty(), db.integrityCheckedBecause(), "checked once, then closed cleanly");
        }
    }

    @Test
    void whileAnotherLiveProcessHoldsTheFileItIsNotCheckedAgainAndItsCleanCloseCounts() throws Exception {
        Path file = dir.resolve("trading_data.db");
        Database.open(file).close();
        Process child = holdOpen(file);
        try {
            assertEquals("OPEN skipped", readLine(child));
            try (Database db = Database.open(file)) {
                assertEquals(Optional.empty(), db.integrityCheckedBecause(), "the live process answers for it");
            }
            try (Writer w = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                w.write("close\n");
            }
            assertEquals("CLOSED", readLine(child));
            assertEquals(0, child.waitFor());
        } finally {
            kill(child);
        }
        try (Database db = Database.open(file)) {
            assertEquals(Optional.empty(), db.integrityCheckedBecause(), "both closed cleanly");
        }
    }

    @Test
    void aFileDamagedAfterAKilledProcessIsRefusedBeforeAnythingIsWrittenToItEveryTime() throws Exception {
        Path file = dir.resolve("trading_data.db");
        try (Database db = Database.open(file)) {
            store(db).write(BarBatch.of("AAPL", TestBars.sessions(List.of(MON), 1)));
        }
        Process child = holdOpen(file);
        assertEquals("OPEN skipped", readLine(child));
        kill(child);
        // Garbage over every page but the first (the header and the schema), as a crash on a bad disk may leave.
        byte[] garbage = new byte[(int) (Files.size(file) - 4096)];
        new Random(7).nextBytes(garbage);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(4096);
            raf.write(garbage);
        }
        StoreException first = assertThrows(StoreException.class, () -> Database.open(file).close());
        assertEquals("database " + file + " is corrupt; no backup found beside it", first.getMessage());
        // The first refusal may fold the killed process's committed log into the file (SQLite does that when its
        // last connection closes); Barkeep itself writes nothing: the file stays as it was, refused each time.
        byte[] before = Files.readAllBytes(file);
        for (int attempt = 0; attempt < 2; attempt++) {
            StoreException e = assertThrows(StoreException.class, () -> Database.open(file).close());
            assertEquals(first.getMessage(), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "nothing was written to the corrupt file");
        }
    }

    private static BarStore store(Database db) {
        return new BarStore(db, CALENDAR, 0, CLOCK);
    }

    private static Process holdOpen(Path file) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldOpenChild.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static String readLine(Process child) throws IOException {
        // One reader per line is enough: the child prints a line and then waits for the test.
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        return out.readLine();
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        child.waitFor();
    }
}
