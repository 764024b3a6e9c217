package io.barkeep.source.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Determinism, the clock, the calendar and the request contract of the demo feed. */
class SimulatedSourceTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    /** Long after every date these tests ask for, so the clock cuts nothing. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), Session.NEW_YORK);
    private static final SimulatedSource.Options NO_OUTAGES = SimulatedSource.Options.defaults().withOutageRate(0);

    private static SimulatedSource source(Clock clock, SimulatedSource.Options options) {
        return new SimulatedSource(CALENDAR, clock, options);
    }

    private static Clock at(String newYorkLocal) {
        return Clock.fixed(ZonedDateTime.of(LocalDateTime.parse(newYorkLocal), Session.NEW_YORK).toInstant(),
                Session.NEW_YORK);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void isTheSimulatedDemoSourceAndAlwaysReady() throws SourceException {
        SimulatedSource source = new SimulatedSource();
        assertEquals("demo", source.name());
        assertTrue(source.simulated());
        source.checkReady();
    }

    @Test
    void theSameDayFetchedTwiceGivesTheSameBars() throws SourceException {
        SimulatedSource source = source(LATER, NO_OUTAGES);
        SourceAnswer first = source.fetch("AAPL", date("2024-03-04"), date("2024-03-04"));
        SourceAnswer second = source.fetch("AAPL", date("2024-03-04"), date("2024-03-04"));
        assertFalse(first.bars().isEmpty());
        assertEquals(first, second);
    }

    @Test
    void aMonthEqualsItsDaysFetchedOneByOne() throws SourceException {
        SimulatedSource source = source(LATER, NO_OUTAGES);
        SourceAnswer month = source.fetch("XLK", date("2024-02-01"), date("2024-02-29"));
        List<Bar> bars = new ArrayList<>();
        List<EmptyBar> empties = new ArrayList<>();
        for (LocalDate day = date("2024-02-01"); !day.isAfter(date("2024-02-29")); day = day.plusDays(1)) {
            SourceAnswer answer = source.fetch("XLK", day, day);
            bars.addAll(answer.bars());
            empties.addAll(answer.empties());
        }
        assertEquals(month.bars(), bars);
        assertEquals(month.empties(), empties);
    }

    @Test
    void twoInstancesAgreeIncludingTheirFirstFetchOutages() throws SourceException {
        SourceAnswer one = source(LATER, SimulatedSource.Options.defaults())
                .fetch("MSFT", date("2023-01-01"), date("2023-12-31"));
        SourceAnswer other = source(LATER, SimulatedSource.Options.defaults())
                .fetch("MSFT", date("2023-01-01"), date("2023-12-31"));
        assertEquals(one, other);
    }

    @Test
    void symbolsAreCaseInsensitiveAndDifferFromEachOther() throws SourceException {
        SimulatedSource source = source(LATER, NO_OUTAGES);
        SourceAnswer upper = source.fetch("IBM", date("2024-03-04"), date("2024-03-04"));
        assertEquals(upper, source.fetch(" ibm ", date("2024-03-04"), date("2024-03-04")));
        assertNotEquals(upper.bars(), source.fetch("IBN", date("2024-03-04"), date("2024-03-04")).bars());
    }

    @Test
    void wellKnownTickersTradeNearTheirRealLevel() throws SourceException {
        Bar first = source(LATER, NO_OUTAGES).fetch("AAPL", date("2024-01-02"), date("2024-01-02")).bars().get(0);
        double open = first.open() / 10_000.0;
        assertTrue(open > 170 && open < 200, "AAPL opened 2024-01-02 at " + open);
    }

    @Test
    void weekendsAndHolidaysHaveNoBarsAndSayNoData() throws SourceException {
        SimulatedSource source = source(LATER, SimulatedSource.Options.defaults().withOutageRate(1));
        SourceAnswer weekend = source.fetch("AAPL", date("2024-01-06"), date("2024-01-07"));
        assertTrue(weekend.bars().isEmpty() && weekend.empties().isEmpty());
        assertTrue(weekend.noData());
        SourceAnswer christmas = source.fetch("AAPL", date("2023-12-25"), date("2023-12-25"));
        assertTrue(christmas.noData());

        SourceAnswer weekendAndMonday = source.fetch("AAPL", date("2024-01-06"), date("2024-01-08"));
        assertFalse(weekendAndMonday.noData());
        Session monday = CALENDAR.session(date("2024-01-08")).orElseThrow();
        assertTrue(weekendAndMonday.bars().stream().allMatch(b -> monday.contains(b.start())));
    }

    @Test
    void anEarlyCloseHasFortyTwoIntervalsEndingAtOnePm() throws SourceException {
        Session dayAfterThanksgiving = CALENDAR.session(date("2023-11-24")).orElseThrow();
        assertEquals(SessionKind.EARLY_CLOSE, dayAfterThanksgiving.kind());
        SourceAnswer answer = source(LATER, NO_OUTAGES).fetch("AAPL", date("2023-11-24"), date("2023-11-24"));
        assertEquals(42, answer.bars().size() + answer.empties().size());
        assertEquals(dayAfterThanksgiving.close().minusSeconds(Session.BAR_SECONDS), latestStart(answer));
    }

    @Test
    void todaysSessionStopsAtTheLastBarThatHasEnded() throws SourceException {
        SimulatedSource source = source(at("2024-01-03T11:02:30"), NO_OUTAGES);
        SourceAnswer answer = source.fetch("AAPL", date("2024-01-02"), date("2024-01-05"));
        Instant lastStart = latestStart(answer);
        assertEquals(ZonedDateTime.of(LocalDateTime.parse("2024-01-03T10:55"), Session.NEW_YORK).toInstant(),
                lastStart);
        // yesterday is whole, today has 09:30..10:55 (18 intervals), tomorrow nothing
        assertEquals(78 + 18, answer.bars().size() + answer.empties().size());
    }

    @Test
    void aPublishDelayHoldsBackTheRecentBars() throws SourceException {
        SimulatedSource source = source(at("2024-01-03T11:02:30"),
                NO_OUTAGES.withPublishDelay(Duration.ofMinutes(15)));
        Instant lastStart = latestStart(source.fetch("AAPL", date("2024-01-03"), date("2024-01-03")));
        assertEquals(ZonedDateTime.of(LocalDateTime.parse("2024-01-03T10:40"), Session.NEW_YORK).toInstant(),
                lastStart);
    }

    @Test
    void theBarsOfAGrowingDayNeverChange() throws SourceException {
        SourceAnswer morning = source(at("2024-01-03T11:02:30"), NO_OUTAGES)
                .fetch("AAPL", date("2024-01-03"), date("2024-01-03"));
        SourceAnswer evening = source(at("2024-01-03T18:00"), NO_OUTAGES)
                .fetch("AAPL", date("2024-01-03"), date("2024-01-03"));
        assertEquals(morning.bars(), evening.bars().subList(0, morning.bars().size()));
    }

    @Test
    void beforeTheOpenAndForFutureDaysThereIsNoData() throws SourceException {
        SimulatedSource source = source(at("2024-01-03T09:33"), NO_OUTAGES);
        assertTrue(source.fetch("AAPL", date("2024-01-03"), date("2024-01-05")).noData());
        assertFalse(source.fetch("AAPL", date("2024-01-02"), date("2024-01-05")).noData());
    }

    @Test
    void aBadSymbolOrReversedRangeFailsTheRequest() {
        SimulatedSource source = source(LATER, NO_OUTAGES);
        SourceException badSymbol = assertThrows(SourceException.class,
                () -> source.fetch("NOT A TICKER", date("2024-01-02"), date("2024-01-02")));
        assertEquals(SourceException.Kind.REQUEST_FAILED, badSymbol.kind());
        SourceException reversed = assertThrows(SourceException.class,
                () -> source.fetch("AAPL", date("2024-01-03"), date("2024-01-02")));
        assertEquals(SourceException.Kind.REQUEST_FAILED, reversed.kind());
    }

    @Test
    void anInterruptedArtificialLatencyFailsRetryablyAndKeepsTheInterrupt() {
        SimulatedSource slow = source(LATER, NO_OUTAGES.withLatency(Duration.ofHours(1)));
        Thread.currentThread().interrupt();
        try {
            SourceException e = assertThrows(SourceException.class,
                    () -> slow.fetch("AAPL", date("2024-01-02"), date("2024-01-02")));
            assertEquals(SourceException.Kind.RETRYABLE, e.kind());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void optionsRejectNegativeDelaysAndRatesOutsideZeroToOne() {
        SimulatedSource.Options defaults = SimulatedSource.Options.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withPublishDelay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withLatency(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> defaults.withOutageRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> defaults.withOutageRate(Double.NaN));
    }

    private static Instant latestStart(SourceAnswer answer) {
        Instant latest = Instant.MIN;
        for (Bar bar : answer.bars()) {
            latest = bar.start().isAfter(latest) ? bar.start() : latest;
        }
        for (EmptyBar empty : answer.empties()) {
            latest = empty.start().isAfter(latest) ? empty.start() : latest;
        }
        return latest;
    }
}
