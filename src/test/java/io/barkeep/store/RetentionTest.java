package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sliding retention window: cleanup removes what is older than it, and only that. */
class RetentionTest {
    private static final Session OLD = TestBars.regular("2021-03-01");
    private static final Session TUE = TestBars.regular("2024-01-02");
    private static final Session WED = TestBars.regular("2024-01-03");
    private static final Session THU = TestBars.regular("2024-01-04");
    private static final TradingCalendar CALENDAR = TestBars.calendar(OLD, TUE, WED, THU);
    /** Friday 2024-01-05, noon in New York. */
    private static final Instant FRIDAY_NOON = Instant.parse("2024-01-05T17:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private BarStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, "trading_data.db");
        store = new BarStore(db, CALENDAR, 16L * 1024 * 1024, Clock.fixed(FRIDAY_NOON, ZoneOffset.UTC));
        for (String symbol : List.of("AAPL", "MSFT")) {
            for (Session s : CALENDAR.allSessions()) {
                List<Bar> bars = new ArrayList<>(TestBars.session(s, 1));
                bars.remove(5);
                store.write(TestBars.batch(symbol, List.of(s), bars, List.of(TestBars.empty(s, 5)), true));
            }
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void cleanupRemovesBarsEmptiesAndLedgerRowsBeforeTheWindowAndKeepsTheRest() {
        // Warm the hot cache, so that the test also sees it forget what cleanup removed.
        assertEquals(2 * 77, store.bars("AAPL", TUE.open(), WED.close()).size());

        // Two days back from Friday: Wednesday is the first day kept.
        int removed = new Retention(store).cleanup(2, FRIDAY_NOON);

        assertEquals(2 * (77 + 77), removed, "OLD and TUE bars of both symbols");
        for (String symbol : List.of("AAPL", "MSFT")) {
            assertEquals(List.of(), store.bars(symbol, OLD.open(), TUE.close()));
            assertEquals(List.of(), store.emptyBars(symbol, OLD.open(), TUE.close()));
            assertEquals(expectedBars(List.of(WED, THU)), store.bars(symbol, OLD.open(), THU.close()));
            assertEquals(List.of(TestBars.empty(WED, 5), TestBars.empty(THU, 5)),
                    store.emptyBars(symbol, OLD.open(), THU.close()));
        }
        assertEquals(List.of((long) WED.dateKey(), (long) WED.dateKey(), (long) THU.dateKey(),
                (long) THU.dateKey()), ledgerDates());
        assertEquals(store.bars("AAPL", THU.open(), THU.close()).get(76), store.latest("AAPL").orElseThrow());
    }

    @Test
    void theFirstDayOfTheWindowIsKeptFromItsOpeningBar() {
        new Retention(store).cleanup(1, FRIDAY_NOON);

        assertEquals(TestBars.bar(THU, 0, 1), store.bars("AAPL", OLD.open(), THU.close()).get(0));
        assertEquals(List.of((long) THU.dateKey(), (long) THU.dateKey()), ledgerDates());
    }

    @Test
    void theDefaultThreeYearWindowDropsOnlyWhatIsOlder() {
        assertEquals(LocalDate.of(2021, 1, 5), Retention.cutoff(FRIDAY_NOON, Retention.DEFAULT_DAYS));

        int removed = new Retention(store).cleanup(Retention.DEFAULT_DAYS, FRIDAY_NOON);

        assertEquals(0, removed, "2021-03-01 is inside three years");
        assertEquals(2 * 4, ledgerDates().size());

        removed = new Retention(store).cleanup(Retention.DEFAULT_DAYS, Instant.parse("2024-03-05T12:00:00Z"));

        assertEquals(2 * 77, removed);
        assertEquals(List.of(), store.bars("AAPL", OLD.open(), OLD.close()));
        assertEquals(expectedBars(List.of(TUE, WED, THU)), store.bars("AAPL", OLD.open(), THU.close()));
    }

    @Test
    void cleanupTwiceRemovesNothingMore() {
        Retention retention = new Retention(store);
        retention.cleanup(2, FRIDAY_NOON);
        List<Bar> after = store.bars("AAPL", OLD.open(), THU.close());

        assertEquals(0, retention.cleanup(2, FRIDAY_NOON));
        assertEquals(after, store.bars("AAPL", OLD.open(), THU.close()));
    }

    @Test
    void aWindowOfLessThanOneDayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Retention(store).cleanup(0, FRIDAY_NOON));
        assertEquals(2 * 4, ledgerDates().size(), "nothing removed");
    }

    private static List<Bar> expectedBars(List<Session> sessions) {
        List<Bar> out = new ArrayList<>();
        for (Session s : sessions) {
            List<Bar> bars = new ArrayList<>(TestBars.session(s, 1));
            bars.remove(5);
            out.addAll(bars);
        }
        return out;
    }

    private List<Long> ledgerDates() {
        return db.read(dsl -> dsl.select(SESSION_COVERAGE.SESSION_DATE).from(SESSION_COVERAGE)
                .orderBy(SESSION_COVERAGE.SESSION_DATE, SESSION_COVERAGE.SYMBOL_ID)
                .fetch(SESSION_COVERAGE.SESSION_DATE));
    }
}
