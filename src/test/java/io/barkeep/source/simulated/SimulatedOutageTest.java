package io.barkeep.source.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The feed's simulated hiccups: a stretch missing from the first answer for a day, there in every later one. */
class SimulatedOutageTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock LATER = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), Session.NEW_YORK);
    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2023, 12, 31);

    @Test
    void aFewDaysLoseOneStretchOfThreeToFifteenBarsOnTheFirstFetch() throws SourceException {
        SourceAnswer first = new SimulatedSource(CALENDAR, LATER).fetch("MSFT", FROM, TO);
        List<Session> sessions = CALENDAR.sessions(FROM, TO);
        int withOutage = 0;
        for (Session session : sessions) {
            TreeSet<Integer> missing = missingIndices(session, first);
            if (missing.isEmpty()) {
                continue;
            }
            withOutage++;
            int length = missing.size();
            assertTrue(length >= 3 && length <= 15, session.date() + " misses " + missing);
            assertEquals(length - 1, missing.last() - missing.first(), session.date() + " misses " + missing);
        }
        double rate = (double) withOutage / sessions.size();
        assertTrue(rate > 0.01 && rate < 0.06, "outage rate " + rate);
    }

    @Test
    void theSecondFetchOfADayWithAnOutageIsCompleteAndAgreesWithTheFirst() throws SourceException {
        SimulatedSource source = new SimulatedSource(CALENDAR, LATER);
        Session day = firstSessionWithOutage("MSFT", 0);
        LocalDate next = CALENDAR.nextSessionAfter(day.date()).orElseThrow().date();
        SourceAnswer first = source.fetch("MSFT", day.date(), next);
        SourceAnswer second = source.fetch("MSFT", day.date(), next);
        SourceAnswer third = source.fetch("MSFT", day.date(), next);

        assertFalse(missingIndices(day, first).isEmpty());
        assertTrue(missingIndices(day, second).isEmpty());
        assertEquals(second, third);
        Set<Bar> complete = new HashSet<>(second.bars());
        assertTrue(complete.containsAll(first.bars()), "the bars the first answer had are unchanged");
        assertTrue(new HashSet<>(second.empties()).containsAll(first.empties()));
    }

    @Test
    void aMonthlyBackfillThenADailyRepairFillsTheGap() throws SourceException {
        SimulatedSource source = new SimulatedSource(CALENDAR, LATER);
        Session day = firstSessionWithOutage("MSFT", 0);
        LocalDate monthStart = day.date().withDayOfMonth(1);
        SourceAnswer month = source.fetch("MSFT", monthStart, monthStart.plusMonths(1).minusDays(1));
        assertFalse(missingIndices(day, month).isEmpty());
        assertTrue(missingIndices(day, source.fetch("MSFT", day.date(), day.date())).isEmpty());
    }

    @Test
    void anOutageWaitsForTheFirstAnswerThatReachesItsStretch() throws SourceException {
        Session day = firstSessionWithOutage("MSFT", 12);
        SessionGenerator.Outage outage = SessionGenerator.outage(SymbolProfile.of("MSFT"), day,
                SimulatedSource.Options.DEFAULT_OUTAGE_RATE);
        Instant stretchStart = day.open().plusSeconds((long) outage.from() * Session.BAR_SECONDS);
        MutableClock clock = new MutableClock(stretchStart);
        SimulatedSource source = new SimulatedSource(CALENDAR, clock);

        SourceAnswer beforeTheStretch = source.fetch("MSFT", day.date(), day.date());
        assertEquals(outage.from(), intervals(beforeTheStretch), "everything up to the stretch");

        // Five minutes after the stretch's last bar ends: still a live hiccup.
        clock.now = day.open().plusSeconds((long) outage.to() * Session.BAR_SECONDS + 300);
        TreeSet<Integer> missing = new TreeSet<>(missingIndices(day, source.fetch("MSFT", day.date(), day.date()))
                .headSet(outage.to() + 1));  // later bars have not happened yet
        assertEquals(outage.from(), missing.first());
        assertEquals(outage.to() - 1, missing.last());
        assertTrue(missingIndices(day, source.fetch("MSFT", day.date(), day.date())).headSet(outage.to() + 1)
                .isEmpty());
    }

    @Test
    void aSingleDayRepairOfAnOldSessionIsWholeEvenFromANewProcess() throws SourceException {
        Session day = firstSessionWithOutage("MSFT", 0);
        SourceAnswer repair = new SimulatedSource(CALENDAR, LATER).fetch("MSFT", day.date(), day.date());
        assertTrue(missingIndices(day, repair).isEmpty());
    }

    @Test
    void eachSymbolHasItsOwnOutageDays() throws SourceException {
        assertFalse(firstSessionWithOutage("MSFT", 0).equals(firstSessionWithOutage("ORCL", 0)));
    }

    @Test
    void aRateOfOneDropsAStretchFromEverySessionOnce() throws SourceException {
        SimulatedSource source = new SimulatedSource(CALENDAR, LATER,
                SimulatedSource.Options.defaults().withOutageRate(1));
        LocalDate from = LocalDate.of(2024, 1, 2);
        LocalDate to = LocalDate.of(2024, 1, 31);
        SourceAnswer first = source.fetch("AAPL", from, to);
        SourceAnswer second = source.fetch("AAPL", from, to);
        for (Session session : CALENDAR.sessions(from, to)) {
            assertFalse(missingIndices(session, first).isEmpty(), session.date().toString());
            assertTrue(missingIndices(session, second).isEmpty(), session.date().toString());
        }
    }

    /** The first session from 2021 on whose outage starts at or after bar {@code minFrom}. */
    private static Session firstSessionWithOutage(String symbol, int minFrom) {
        SymbolProfile profile = SymbolProfile.of(symbol);
        for (Session session : CALENDAR.sessions(FROM, TO)) {
            SessionGenerator.Outage outage = SessionGenerator.outage(profile, session,
                    SimulatedSource.Options.DEFAULT_OUTAGE_RATE);
            if (outage != null && outage.from() >= minFrom) {
                return session;
            }
        }
        throw new AssertionError("no outage for " + symbol);
    }

    private static TreeSet<Integer> missingIndices(Session session, SourceAnswer answer) {
        Set<Integer> present = new HashSet<>();
        for (Bar bar : answer.bars()) {
            if (session.contains(bar.start())) {
                present.add(session.barIndex(bar.epochSecond()));
            }
        }
        for (EmptyBar empty : answer.empties()) {
            if (session.contains(empty.start())) {
                present.add(session.barIndex(empty.epochSecond()));
            }
        }
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 0; i < session.expectedBars(); i++) {
            if (!present.contains(i)) {
                missing.add(i);
            }
        }
        return missing;
    }

    private static int intervals(SourceAnswer answer) {
        return answer.bars().size() + answer.empties().size();
    }

    /** A clock a test moves by hand: time passes without sleeping. */
    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return Session.NEW_YORK;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
