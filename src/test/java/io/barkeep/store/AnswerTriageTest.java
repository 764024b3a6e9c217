package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass triage of a clean answer ({@link AnswerTriage#ofClean}) sorts an answer exactly as the general one
 * ({@link AnswerTriage#sorted}) does, and declines every answer it cannot take whole.
 */
class AnswerTriageTest {
    /** Three weeks of weekdays from Monday 2024-07-01. */
    private static final List<Session> SESSIONS = TestBars.weekdays(LocalDate.of(2024, 7, 1), 15);
    private static final TradingCalendar CALENDAR = TestBars.calendar(SESSIONS);

    @Test
    void aCleanAnswerTakesTheOnePassAndMatchesTheGeneralTriage() {
        List<Bar> bars = TestBars.sessions(SESSIONS, 1);
        assertSame(answer(bars, List.of()), SESSIONS.get(SESSIONS.size() - 1).close(), true);
    }

    @Test
    void sessionsLeftOutAndPartOfASessionAreTheSameEitherWay() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < SESSIONS.size(); i++) {
            if (i % 4 != 1) {
                List<Bar> day = TestBars.session(SESSIONS.get(i), 2);
                bars.addAll(i % 3 == 0 ? day.subList(5, 40) : day);
            }
        }
        assertSame(answer(bars, List.of()), SESSIONS.get(SESSIONS.size() - 1).close(), true);
        assertSame(answer(List.of(), List.of()), SESSIONS.get(SESSIONS.size() - 1).close(), true);
    }

    @Test
    void anAnswerCutBySessionInProgressIsTheSameEitherWay() {
        Session last = SESSIONS.get(SESSIONS.size() - 1);
        List<Bar> bars = TestBars.sessions(SESSIONS, 3);
        // The range ends after the last session's 10th bar: the 68 later bars are outside it.
        assertSame(answer(bars, List.of()), TestBars.start(last, 10), false);
        assertSame(answer(bars.subList(0, bars.size() - 68), List.of()), TestBars.start(last, 10), true);
    }

    @Test
    void everyAnswerTheOnePassDeclinesIsLeftToTheGeneralTriage() {
        List<Bar> clean = TestBars.sessions(SESSIONS, 4);
        Instant end = SESSIONS.get(SESSIONS.size() - 1).close();
        List<Bar> shuffled = new ArrayList<>(clean);
        Collections.shuffle(shuffled, new Random(7));
        assertSame(answer(shuffled, List.of()), end, false);
        List<Bar> repeated = new ArrayList<>(clean);
        repeated.add(200, clean.get(199));
        assertSame(answer(repeated, List.of()), end, false);
        List<Bar> conflicting = new ArrayList<>(clean);
        Bar b = clean.get(199);
        conflicting.add(200, new Bar(b.start(), b.open(), b.high(), b.low(), b.close(), b.volume() + 1, b.trades(),
                b.vwap()));
        assertSame(answer(conflicting, List.of()), end, false);
        List<Bar> bad = new ArrayList<>(clean);
        Bar d = clean.get(300);
        bad.set(300, new Bar(d.start(), d.open(), d.low() - 1, d.low(), d.close(), 1, -1, -1)); // high < low
        assertSame(answer(bad, List.of()), end, false);
        List<Bar> offGrid = new ArrayList<>(clean);
        Bar c = clean.get(400);
        offGrid.set(400, new Bar(c.start().plusSeconds(60), c.open(), c.high(), c.low(), c.close(), 1, -1, -1));
        assertSame(answer(offGrid, List.of()), end, false);
        List<Bar> early = new ArrayList<>(clean);
        early.add(0, new Bar(SESSIONS.get(0).open().minusSeconds(300), c.open(), c.high(), c.low(), c.close(), 1,
                -1, -1));
        assertSame(answer(early, List.of()), end, false);
        List<EmptyBar> empties = List.of(TestBars.empty(SESSIONS.get(2), 5));
        List<Bar> withEmpty = new ArrayList<>(clean);
        withEmpty.remove(2 * 78 + 5);
        assertSame(answer(withEmpty, empties), end, false);
    }

    @Test
    void anAnswerForNoSessionIsLeftToTheGeneralTriage() {
        VendorAnswer bars = answer(TestBars.session(SESSIONS.get(0), 5), List.of());
        Instant start = SESSIONS.get(0).open();
        Instant end = SESSIONS.get(0).close();
        assertNull(AnswerTriage.ofClean(bars, List.of(), start, end));
        assertEquals(describe(AnswerTriage.sorted(bars, List.of(), start, end, CALENDAR)),
                describe(AnswerTriage.of(bars, List.of(), start, end, CALENDAR)));
    }

    /** Both triages of {@code answer} agree; {@code onePass}: the one-pass triage takes it. */
    private static void assertSame(VendorAnswer answer, Instant end, boolean onePass) {
        List<Session> sessions = CALENDAR.sessions(answer.from(), answer.to());
        Instant start = sessions.get(0).open();
        AnswerTriage general = AnswerTriage.sorted(answer, sessions, start, end, CALENDAR);
        AnswerTriage clean = AnswerTriage.ofClean(answer, sessions, start, end);
        if (onePass) {
            assertNotNull(clean, "a clean answer takes the one pass");
            assertEquals(describe(general), describe(clean));
        } else {
            assertNull(clean, "declined: the general triage decides");
        }
        assertEquals(describe(general), describe(AnswerTriage.of(answer, sessions, start, end, CALENDAR)));
    }

    private static List<Object> describe(AnswerTriage t) {
        return List.of(t.bars, t.empties, t.rejected, t.answered, t.conflicted, t.absent, t.allZero, t.withheld);
    }

    private static VendorAnswer answer(List<Bar> bars, List<EmptyBar> empties) {
        return new VendorAnswer("AAPL", "test", "AAPL", SESSIONS.get(0).date(),
                SESSIONS.get(SESSIONS.size() - 1).date(), bars, empties, List.of(), false);
    }
}
