package io.barkeep.store;

import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean answer (a backfill's month) goes through the one-pass triage; the same rows in any other order through
 * the general one. Both store the same bars and the same ledger, a repeat changes nothing, and a corrected bar is
 * logged as a revision.
 */
class CleanAnswerStoreTest {
    /** Five weeks of weekdays from Monday 2024-07-01. */
    private static final List<Session> SESSIONS = TestBars.weekdays(LocalDate.of(2024, 7, 1), 25);
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-08-12T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCleanAnswerStoresTheSameBarsAndLedgerAsTheSameRowsShuffled() {
        List<Bar> bars = withHole(TestBars.sessions(SESSIONS, 1));
        List<Bar> shuffled = new ArrayList<>(bars);
        Collections.shuffle(shuffled, new Random(3));
        try (CacheEngine clean = open("clean.db"); CacheEngine general = open("general.db")) {
            AnswerStore.Result a = new AnswerStore(clean).store(answer(bars));
            AnswerStore.Result b = new AnswerStore(general).store(answer(shuffled));
            assertEquals(List.of(bars.size(), bars.size(), 1), List.of(a.barsWritten(), a.barsChanged(),
                    a.sessionsLeftMissing()));
            assertEquals(List.of(b.barsWritten(), b.barsChanged(), b.sessionsLeftMissing()),
                    List.of(a.barsWritten(), a.barsChanged(), a.sessionsLeftMissing()));
            assertEquals(bars, stored(clean));
            assertEquals(stored(general), stored(clean));
            assertEquals(ledger(general), ledger(clean));
            assertEquals(SESSIONS.size() - 1, ledger(clean).size(), "one ledger row a held session");
        }
    }

    @Test
    void aRepeatedCleanAnswerChangesNothingAndACorrectedBarIsARevision() {
        List<Bar> bars = TestBars.sessions(SESSIONS, 2);
        try (CacheEngine engine = open("repeat.db")) {
            AnswerStore answers = new AnswerStore(engine);
            answers.store(answer(bars));
            List<List<Object>> ledger = ledger(engine);
            AnswerStore.Result again = answers.store(answer(bars));
            assertEquals(List.of(0, 0), List.of(again.barsChanged(), again.revisions()));
            assertEquals(bars, stored(engine));
            assertEquals(ledger, ledger(engine));
            assertEquals(0, engine.revisions().count("AAPL"));

            List<Bar> corrected = new ArrayList<>(bars);
            Bar old = bars.get(500);
            Bar fixed = new Bar(old.start(), old.open(), old.high(), old.low(), old.close() + 1, old.volume() + 10,
                    old.trades(), old.vwap());
            corrected.set(500, fixed);
            AnswerStore.Result correction = answers.store(answer(corrected));
            assertEquals(List.of(1, 1), List.of(correction.barsChanged(), correction.revisions()));
            assertEquals(1, engine.revisions().count("AAPL"));
            assertEquals(corrected, stored(engine));
            assertNotEquals(bars, stored(engine));
            assertEquals(ledger, ledger(engine), "the same bars held: the same ledger rows");
        }
    }

    /** The bars without the fourth session's: an answer that leaves one session out. */
    private static List<Bar> withHole(List<Bar> bars) {
        Session gone = SESSIONS.get(3);
        return bars.stream().filter(b -> !gone.contains(b.start())).toList();
    }

    private CacheEngine open(String name) {
        return CacheEngine.open(TestDatabases.location(dir, name), CALENDAR, 0, NOW);
    }

    private static VendorAnswer answer(List<Bar> bars) {
        return new VendorAnswer("AAPL", "test", "AAPL month", SESSIONS.get(0).date(),
                SESSIONS.get(SESSIONS.size() - 1).date(), bars, List.of(), List.of(), false);
    }

    private static List<Bar> stored(CacheEngine engine) {
        return engine.bars().bars("AAPL", SESSIONS.get(0).open(), SESSIONS.get(SESSIONS.size() - 1).close());
    }

    /** Every ledger row, every column, by session. */
    private static List<List<Object>> ledger(CacheEngine engine) {
        return engine.database().read(dsl -> dsl.selectFrom(SESSION_COVERAGE)
                .orderBy(SESSION_COVERAGE.SESSION_DATE).fetch().map(r -> java.util.Arrays.asList(r.intoArray())));
    }
}
