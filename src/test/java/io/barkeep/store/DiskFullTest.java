package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk mid-write: one clear line, and what was stored before stays whole. */
@SqliteOnly("a full disk under the SQLite file (SQLITE_FULL); a server's disk is not ours to fill")
class DiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFillsTheDiskFailsWithOneLineAndLosesNothingStoredBefore() {
        List<Session> sessions = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 1, 1); sessions.size() < 60; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                sessions.add(Session.of(d, SessionKind.REGULAR));
            }
        }
        TradingCalendar calendar = new TradingCalendar("test", sessions.get(0).date(),
                sessions.get(sessions.size() - 1).date(), sessions);
        try (Database db = Database.open(dir.resolve("full.db"))) {
            Clock afterTheSessions = Clock.fixed(Instant.parse("2024-06-03T12:00:00Z"), ZoneOffset.UTC);
            BarStore store = new BarStore(db, calendar, 0, afterTheSessions);
            List<Bar> first = bars(sessions.subList(0, 2));
            store.write(BarBatch.of("AAPL", first));
            long pages = db.writer().run(dsl -> dsl.fetchOne("PRAGMA page_count").get(0, Long.class));
            // SQLite answers SQLITE_FULL once the file may not grow: the same code path as a full disk.
            db.writer().run(dsl -> dsl.fetch("PRAGMA max_page_count = " + (pages + 2)));

            StoreException e = assertThrows(StoreException.class,
                    () -> store.write(BarBatch.of("AAPL", bars(sessions.subList(2, 60)))));

            assertTrue(e.getMessage().startsWith("the disk is full: could not write "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
            var all = store.bars("AAPL", sessions.get(0).open(), sessions.get(59).close());
            assertEquals(first, all, "the earlier range is whole and the failed one absent");
        }
    }

    /**
     * On a real full disk the write of the WAL fails while the transaction runs and SQLite rolls the whole
     * transaction back itself; the job then fails with SQLITE_FULL and the driver's closing commit with "no
     * transaction is active". Here the job rolls back as SQLite does, then meets the full disk.
     */
    @Test
    void aFullDiskThatRolledTheTransactionBackIsStillSaidInPlainWords() {
        try (Database db = Database.open(dir.resolve("full.db"))) {
            db.writer().run(dsl -> dsl.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('AAPL', 0)"));
            long pages = db.writer().run(dsl -> dsl.fetchOne("PRAGMA page_count").get(0, Long.class));
            db.writer().run(dsl -> dsl.fetch("PRAGMA max_page_count = " + (pages + 1)));

            StoreException e = assertThrows(StoreException.class, () -> db.writer().run(dsl -> {
                dsl.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('MSFT', 0)");
                dsl.execute("ROLLBACK");
                return dsl.execute("INSERT INTO watchlist (symbol, added_at, notes) VALUES ('NVDA', 0, ?)",
                        "x".repeat(1 << 20));
            }));

            assertEquals("the disk is full: could not write " + db.file() + "; nothing was half-written, free some"
                    + " space and try again", e.getMessage());
            assertEquals(List.of("AAPL"), db.read(dsl -> dsl.fetch("SELECT symbol FROM watchlist").getValues(0,
                    String.class)), "what was stored before is there, the failed transaction is not");
        }
    }

    private static List<Bar> bars(List<Session> sessions) {
        List<Bar> out = new ArrayList<>();
        for (Session s : sessions) {
            for (int k = 0; k < s.expectedBars(); k++) {
                long p = 1_000_000 + k;
                out.add(Bar.of(s.open().plusSeconds(300L * k), p, p + 100, p - 100, p + 50, 1000 + k));
            }
        }
        return out;
    }
}
