package io.barkeep.store;

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

/**
 * A ledger with every shape of session a gap report tells apart, on a real SQLite file: for the tests of the reads
 * that skip the wholly held sessions ({@link LedgerTotalsTest}, {@link LedgerSessionsTest}).
 */
final class EveryShapeLedger {
    /** Ten weekdays, the seventh an early close; the clock stands inside the tenth, 18 of its bars closed. */
    static final List<Session> SESSIONS = sessions();
    static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);
    static final Instant NOW = TestBars.at(SESSIONS.get(9), "11:00");

    private EveryShapeLedger() {
    }

    static CacheEngine open(Path dir, String file) {
        return CacheEngine.open(TestDatabases.location(dir, file), CALENDAR, 0, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * AAPL: a partial session, one the vendor said it has no data for, the early close whole, the session in
     * progress so far;
     * MSFT: every session whole, one with two no-trade slots; IBM: every session whole (no row leaves the database);
     * NVDA: on the watchlist, never fetched.
     */
    static void write(CacheEngine engine) {
        List<Bar> aapl = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Session s = SESSIONS.get(i);
            if (i == 2) {
                aapl.addAll(TestBars.session(s, 1).subList(0, 40));
            } else if (i != 4) {
                aapl.addAll(TestBars.session(s, 1));
            }
        }
        engine.bars().write(TestBars.batch("AAPL", SESSIONS.subList(0, 9), aapl, List.of(), true));
        Session nothing = SESSIONS.get(4);
        engine.bars().write(new BarBatch("AAPL", nothing.open(), nothing.close(), List.of(), List.of(), true, true));
        Session today = SESSIONS.get(9);
        engine.bars().write(new BarBatch("AAPL", today.open(), TestBars.start(today, 18),
                TestBars.session(today, 1).subList(0, 18), List.of(), true));
        List<Bar> msft = new ArrayList<>(TestBars.sessions(SESSIONS.subList(0, 9), 2));
        Session quiet = SESSIONS.get(3);
        msft.removeIf(b -> b.start().equals(TestBars.start(quiet, 10)) || b.start().equals(TestBars.start(quiet, 11)));
        engine.bars().write(TestBars.batch("MSFT", SESSIONS.subList(0, 9), msft,
                List.of(TestBars.empty(quiet, 10), TestBars.empty(quiet, 11)), true));
        engine.bars().write(TestBars.batch("IBM", SESSIONS.subList(0, 9), TestBars.sessions(SESSIONS.subList(0, 9), 3),
                List.of(), true));
        engine.watchlist().add("NVDA", 0, null, NOW);
    }

    private static List<Session> sessions() {
        List<Session> out = new ArrayList<>(TestBars.weekdays(LocalDate.of(2024, 3, 4), 10));
        out.set(6, TestBars.earlyClose(out.get(6).date().toString()));
        return List.copyOf(out);
    }
}
