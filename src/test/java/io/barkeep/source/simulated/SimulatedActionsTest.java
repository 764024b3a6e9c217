package io.barkeep.source.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.PriceAdjuster;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.Session;
import io.barkeep.domain.SplitDetector;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo feed's splits and dividends: realistic, answered like the vendor's, and visible in its raw bars. */
class SimulatedActionsTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-01T17:00:00Z"), Session.NEW_YORK);
    private static final List<String> SAMPLE = List.of("AAPL", "MSFT", "NVDA", "SPY", "TSLA");
    private static final LocalDate JUNE_10 = LocalDate.of(2024, 6, 10);

    private static SimulatedSource source(Clock clock) {
        return new SimulatedSource(CALENDAR, clock, SimulatedSource.Options.defaults().withOutageRate(0));
    }

    @Test
    void nvdaSplitsTenForOneOnJuneTenth2024AndItsRawBarsJumpThere() throws SourceException {
        SimulatedActions actions = new SimulatedActions(CALENDAR, DEC_2026);
        List<CorporateAction> nvda = actions.actions("NVDA", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                DEC_2026.instant());
        assertTrue(nvda.stream().anyMatch(a -> a.isSplit() && a.exDate().equals(JUNE_10) && a.value().equals("10:1")),
                nvda.toString());
        List<Bar> raw = source(DEC_2026).fetch("NVDA", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 14)).bars();
        assertEquals(0.1, overnight(raw, JUNE_10), 0.02, "as traded: a vendor's 10:1 cliff");
        assertEquals(List.of(JUNE_10), SplitDetector.scan("NVDA", raw, Set.of()).stream()
                .map(SplitDetector.SuspectedSplit::date).toList(), "the jump is the only split-like move");
        AdjustedBars adjusted = PriceAdjuster.adjust(raw, nvda, Adjustment.SPLITS, Map.of());
        assertEquals(1, overnight(adjusted.bars(), JUNE_10), 0.05, "adjusted: continuous");
    }

    @Test
    void theSampleWatchlistHasAForwardSplitInsideTheDefaultNinetyDaysWhateverTheDate() {
        for (String day : List.of("2026-12-01", "2027-03-15", "2027-07-31", "2028-02-29", "2029-10-10")) {
            Clock clock = Clock.fixed(Instant.parse(day + "T17:00:00Z"), Session.NEW_YORK);
            LocalDate today = LocalDate.parse(day);
            SimulatedActions actions = new SimulatedActions(CALENDAR, clock);
            long splits = SAMPLE.stream().flatMap(s -> actions.actions(s, today.minusDays(90), today,
                    clock.instant()).stream()).filter(a -> a.isSplit() && a.splitNew() > a.splitOld()).count();
            assertTrue(splits >= 1, "no forward split in the 90 days to " + day);
        }
    }

    @Test
    void dividendsAreQuarterlyAndOnlyPastActionsAreReported() {
        SimulatedActions actions = new SimulatedActions(CALENDAR, DEC_2026);
        Map<String, Long> perYear = SAMPLE.stream().collect(Collectors.toMap(s -> s, s -> actions.actions(s,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), DEC_2026.instant()).stream()
                .filter(a -> !a.isSplit()).count()));
        assertEquals(Map.of("AAPL", 4L, "MSFT", 4L, "NVDA", 4L, "SPY", 4L, "TSLA", 0L), perYear);
        assertTrue(actions.actions("TSLA", LocalDate.of(2026, 12, 2), LocalDate.of(2030, 1, 1), DEC_2026.instant())
                .isEmpty(), "nothing after today");
    }

    @Test
    void aSessionsRawBarsNeverDependOnTheClock() throws SourceException {
        LocalDate day = LocalDate.of(2026, 11, 16);
        List<Bar> early = source(DEC_2026).fetch("TSLA", day, day).bars();
        List<Bar> late = source(Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), Session.NEW_YORK))
                .fetch("TSLA", day, day).bars();
        assertEquals(early, late, "later splits never rewrite history the cache holds");
    }

    private static double overnight(List<Bar> bars, LocalDate day) {
        Bar last = bars.stream().filter(b -> date(b).isBefore(day)).reduce((a, b) -> b).orElseThrow();
        Bar first = bars.stream().filter(b -> date(b).equals(day)).findFirst().orElseThrow();
        return (double) first.open() / last.close();
    }

    private static LocalDate date(Bar b) {
        return b.start().atZone(Session.NEW_YORK).toLocalDate();
    }
}
