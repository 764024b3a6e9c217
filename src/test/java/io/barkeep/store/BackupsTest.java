package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Online backups into backups/ beside the database: readable copies, the newest few kept. */
@SqliteOnly("backups are VACUUM INTO copies of the file; on PostgreSQL pg_dump is the server's business")
class BackupsTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final Session TUE = TestBars.regular("2024-07-02");
    private static final Session EARLY = TestBars.earlyClose("2024-07-03");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE, EARLY);
    private static final Instant NOON = Instant.parse("2024-07-10T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aBackupIsAReadableCopyWithTheSameBarsEmptiesAndLedger() {
        Path file = dir.resolve("trading_data.db");
        List<Bar> bars = new ArrayList<>(TestBars.sessions(List.of(MON, TUE, EARLY), 1));
        bars.remove(100);
        List<EmptyBar> empties = List.of(TestBars.empty(TUE, 22));
        Path backup;
        List<Record> ledger;
        try (Database db = Database.open(file)) {
            BarStore store = new BarStore(db, CALENDAR, 0, Clock.fixed(NOON, ZoneOffset.UTC));
            store.write(TestBars.batch("AAPL", List.of(MON, TUE, EARLY), bars, empties, true));
            ledger = ledger(db);

            backup = db.backups().take(db, Backups.DEFAULT_KEEP, Clock.fixed(NOON, ZoneOffset.UTC));

            assertEquals(dir.resolve("backups").resolve("trading_data-20240710-120000-000.db"), backup);
            assertEquals(List.of(backup), db.backups().list());
            store.write(BarBatch.of("MSFT", TestBars.session(MON, 2)));
            assertEquals(TestBars.session(MON, 2), store.bars("MSFT", MON.open(), MON.close()),
                    "the database carries on after a backup");
        }

        try (Database copy = Database.open(backup)) {
            BarStore store = new BarStore(copy, CALENDAR, 0, Clock.fixed(NOON, ZoneOffset.UTC));
            assertEquals(bars, store.bars("AAPL", MON.open(), EARLY.close()));
            assertEquals(empties, store.emptyBars("AAPL", MON.open(), EARLY.close()));
            assertEquals(ledger, ledger(copy));
            assertEquals(List.of(), store.bars("MSFT", MON.open(), EARLY.close()), "taken before MSFT came");
        }
    }

    @Test
    void keepingTheNewestSevenPrunesOlderOnes() {
        Clock advancing = new AdvancingClock(NOON);
        List<Path> taken = new ArrayList<>();
        try (Database db = Database.open(dir.resolve("trading_data.db"))) {
            new BarStore(db, CALENDAR, 0, advancing).write(BarBatch.of("AAPL", TestBars.session(MON, 1)));
            for (int i = 0; i < 10; i++) {
                taken.add(db.backups().take(db, 7, advancing));
            }

            List<Path> newestFirst = new ArrayList<>(taken.subList(3, 10));
            java.util.Collections.reverse(newestFirst);
            assertEquals(newestFirst, db.backups().list());
            assertEquals(taken.get(9), db.backups().newest().orElseThrow());
            for (Path old : taken.subList(0, 3)) {
                assertFalse(Files.exists(old), old + " was pruned");
            }
            for (Path kept : taken.subList(3, 10)) {
                assertTrue(Files.exists(kept), kept + " was kept");
            }
        }
    }

    @Test
    void backupsOfAnotherDatabaseBesideItAreNeitherListedNorPruned() {
        Clock advancing = new AdvancingClock(NOON);
        List<Path> simulated = new ArrayList<>();
        try (Database sim = Database.open(dir.resolve("market-sim.db"))) {
            for (int i = 0; i < 3; i++) {
                simulated.add(sim.backups().take(sim, 7, advancing));
            }
        }
        try (Database db = Database.open(dir.resolve("market.db"))) {
            Path own = null;
            for (int i = 0; i < 3; i++) {
                own = db.backups().take(db, 1, advancing);
            }

            assertEquals(List.of(own), db.backups().list());
            assertEquals(own, db.backups().newest().orElseThrow());
        }
        for (Path p : simulated) {
            assertTrue(Files.exists(p), p + " belongs to another database and stays");
        }
    }

    @Test
    void aLeftoverPartialCopyIsNeverTakenForABackup() throws IOException {
        try (Database db = Database.open(dir.resolve("trading_data.db"))) {
            Path good = db.backups().take(db, 7, Clock.fixed(NOON, ZoneOffset.UTC));
            Path partial = good.resolveSibling("trading_data-20991231-235959-999.db.partial");
            Files.writeString(partial, "half a copy");

            assertEquals(List.of(good), db.backups().list());
            assertEquals(good, db.backups().newest().orElseThrow());
        }
    }

    @Test
    // Only a guard against a hang; no assertion depends on time.
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aBackupTakenWhileTheWriterWritesHoldsEachBatchWholeOrAbsent() throws Exception {
        List<Session> sessions = TestBars.weekdays(LocalDate.of(2023, 1, 2), 20 * 10);
        TradingCalendar calendar = TestBars.calendar(sessions);
        List<List<Session>> batches = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batches.add(sessions.subList(i * 20, (i + 1) * 20));
        }
        Path backup;
        try (Database db = Database.open(dir.resolve("trading_data.db"))) {
            BarStore store = new BarStore(db, calendar, 0, Clock.fixed(NOON, ZoneOffset.UTC));
            CountDownLatch firstCommitted = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < batches.size(); i++) {
                        List<Session> b = batches.get(i);
                        store.write(TestBars.batch("SPY", b, TestBars.sessions(b, i), List.of(), true));
                        firstCommitted.countDown();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                    firstCommitted.countDown();
                }
            }, "test-writer");
            writer.start();
            firstCommitted.await();

            backup = db.backups().take(db, 7, Clock.fixed(NOON, ZoneOffset.UTC));

            writer.join();
            if (failure.get() != null) {
                fail("the writer failed", failure.get());
            }
        }
        try (Database copy = Database.open(backup)) {
            BarStore store = new BarStore(copy, calendar, 0, Clock.fixed(NOON, ZoneOffset.UTC));
            int whole = 0;
            for (int i = 0; i < batches.size(); i++) {
                List<Session> b = batches.get(i);
                List<Bar> held = store.bars("SPY", b.get(0).open(), b.get(b.size() - 1).close());
                if (!held.isEmpty()) {
                    assertEquals(TestBars.sessions(b, i), held, "batch " + i);
                    whole++;
                }
            }
            assertTrue(whole >= 1, "the first batch had committed before the backup");
        }
    }

    private static List<Record> ledger(Database db) {
        return db.read(dsl -> List.copyOf(dsl.selectFrom(SESSION_COVERAGE)
                .orderBy(SESSION_COVERAGE.SYMBOL_ID, SESSION_COVERAGE.SESSION_DATE).fetch()));
    }

    /** A clock one second further on at every look, so that each backup gets its own name. */
    private static final class AdvancingClock extends Clock {
        private Instant next;

        AdvancingClock(Instant first) {
            this.next = first;
        }

        @Override
        public synchronized Instant instant() {
            Instant now = next;
            next = next.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
