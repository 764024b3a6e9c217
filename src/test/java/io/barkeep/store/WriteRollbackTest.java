package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static io.barkeep.store.schema.Tables.SYMBOLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails, on either engine, loses nothing stored: the whole batch rolls back, hot cache included. */
class WriteRollbackTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final Session TUE = TestBars.regular("2024-07-02");
    private static final Session WED = TestBars.regular("2024-07-03");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE, WED);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-10T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aBatchThatFailsValidationLosesNothingStored() {
        try (Database db = TestDatabases.open(dir, "trading_data.db")) {
            BarStore store = new BarStore(db, CALENDAR, 0, CLOCK);
            store.write(BarBatch.of("AAPL", TestBars.sessions(List.of(MON, TUE), 1)));
            Snapshot before = Snapshot.of(db);
            List<Bar> bad = new ArrayList<>(TestBars.sessions(List.of(MON, TUE), 2));
            bad.add(Bar.of(TestBars.at(TUE, "16:00"), 1, 1, 1, 1, 1));

            assertThrows(IllegalArgumentException.class, () -> store.write(BarBatch.of("AAPL", bad)));

            assertEquals(before, Snapshot.of(db));
        }
    }

    @Test
    void aFailureInsideTheWriteTransactionRollsBackTheWholeBatchAndLosesNothingStored() {
        try (Database db = TestDatabases.open(dir, "trading_data.db")) {
            BarStore store = new BarStore(db, CALENDAR, 1024 * 1024, CLOCK);
            List<Bar> stored = TestBars.session(MON, 1);
            store.write(BarBatch.of("AAPL", stored));
            assertEquals(stored, store.bars("AAPL", MON.open(), WED.close()));
            Snapshot before = Snapshot.of(db);
            // Fails the insert of one bar deep in the batch, after the corrections before it were written.
            long poisoned = TestBars.start(TUE, 50).getEpochSecond();
            injectFailure(db, poisoned);
            BarBatch corrections = BarBatch.of("AAPL", TestBars.sessions(List.of(MON, TUE, WED), 2));

            StoreException e = assertThrows(StoreException.class, () -> store.write(corrections));

            assertOneLine(e.getMessage());
            assertEquals(before, Snapshot.of(db));
            assertEquals(stored, store.bars("AAPL", MON.open(), WED.close()), "the hot cache too");

            StoreException newSymbol = assertThrows(StoreException.class,
                    () -> store.write(BarBatch.of("MSFT", TestBars.session(TUE, 3))));
            assertOneLine(newSymbol.getMessage());
            assertEquals(before, Snapshot.of(db), "a new symbol's id rolls back with its batch");

            db.writer().run(dsl -> dsl.execute(TestDatabases.postgres()
                    ? "DROP TRIGGER injected_failure ON bars_5m" : "DROP TRIGGER injected_failure"));
            store.write(corrections);
            store.write(BarBatch.of("MSFT", TestBars.session(TUE, 3)));
            assertEquals(corrections.bars(), store.bars("AAPL", MON.open(), WED.close()));
            assertEquals(TestBars.session(TUE, 3), store.bars("MSFT", MON.open(), WED.close()));
        }
    }

    @Test
    void aJobThatThrowsOnTheWriterRollsBackWhatItDid() {
        try (Database db = TestDatabases.open(dir, "trading_data.db")) {
            BarStore store = new BarStore(db, CALENDAR, 0, CLOCK);
            store.write(BarBatch.of("AAPL", TestBars.sessions(List.of(MON, TUE), 1)));
            Snapshot before = Snapshot.of(db);

            assertThrows(IllegalStateException.class, () -> db.writer().run(dsl -> {
                dsl.deleteFrom(BARS_5M).execute();
                dsl.deleteFrom(SESSION_COVERAGE).execute();
                throw new IllegalStateException("failed halfway");
            }));

            assertEquals(before, Snapshot.of(db));
        }
    }

    /** Every Barkeep row that a failed write could touch. */
    private record Snapshot(List<Record> bars, List<Record> ledger, List<Record> symbols) {
        static Snapshot of(Database db) {
            return db.read(dsl -> new Snapshot(
                    List.copyOf(dsl.selectFrom(BARS_5M).orderBy(BARS_5M.SYMBOL_ID,
                            BARS_5M.TS).fetch()),
                    List.copyOf(dsl.selectFrom(SESSION_COVERAGE).orderBy(SESSION_COVERAGE.SYMBOL_ID,
                            SESSION_COVERAGE.SESSION_DATE).fetch()),
                    List.copyOf(dsl.selectFrom(SYMBOLS).orderBy(SYMBOLS.ID).fetch())));
        }
    }

    /** A trigger that fails the insert of the bar at {@code ts}, in the engine's own trigger language. */
    private static void injectFailure(Database db, long ts) {
        if (TestDatabases.postgres()) {
            db.writer().run(dsl -> {
                dsl.execute("CREATE FUNCTION injected_failure() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.ts = " + ts + " THEN RAISE EXCEPTION 'injected failure'; END IF;"
                        + " RETURN NEW; END $$");
                dsl.execute("CREATE TRIGGER injected_failure AFTER INSERT ON bars_5m FOR EACH ROW"
                        + " EXECUTE FUNCTION injected_failure()");
                return null;
            });
        } else {
            db.writer().run(dsl -> dsl.execute("CREATE TRIGGER injected_failure AFTER INSERT ON bars_5m"
                    + " WHEN NEW.ts = " + ts + " BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message.isBlank());
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }
}
