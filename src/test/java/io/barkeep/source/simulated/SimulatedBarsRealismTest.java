package io.barkeep.source.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BarRules;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The invariants and statistics of three years of simulated bars for one liquid symbol. */
class SimulatedBarsRealismTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final LocalDate FROM = LocalDate.of(2021, 1, 1);
    private static final LocalDate TO = LocalDate.of(2023, 12, 31);
    private static final String SYMBOL = "IBM";

    private static SourceAnswer answer;
    private static List<Session> sessions;

    @BeforeAll
    static void fetchThreeYears() throws SourceException {
        SimulatedSource source = new SimulatedSource(CALENDAR,
                Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), Session.NEW_YORK),
                SimulatedSource.Options.defaults().withOutageRate(0));
        answer = source.fetch(SYMBOL, FROM, TO);
        sessions = CALENDAR.sessions(FROM, TO);
    }

    @Test
    void theTestSymbolIsAnOrdinaryLiquidOne() {
        assertFalse(SymbolProfile.of(SYMBOL).thin());
    }

    @Test
    void everySessionHasAllItsIntervalsAndNothingElse() {
        Map<LocalDate, Integer> intervals = new HashMap<>();
        answer.bars().forEach(b -> intervals.merge(dateOf(b.start()), 1, Integer::sum));
        answer.empties().forEach(e -> intervals.merge(dateOf(e.start()), 1, Integer::sum));
        assertEquals(sessions.size(), intervals.size());
        for (Session session : sessions) {
            assertEquals(session.expectedBars(), intervals.get(session.date()), session.date().toString());
        }
        assertTrue(sessions.stream().anyMatch(s -> s.kind() == SessionKind.EARLY_CLOSE));
    }

    @Test
    void everyBarPassesTheStoreRulesOnTheSessionGrid() {
        for (Bar bar : answer.bars()) {
            assertEquals(java.util.Optional.empty(), BarRules.check(bar, CALENDAR), bar.toString());
            Session session = CALENDAR.sessionAt(bar.start()).orElseThrow();
            assertTrue(session.holdsBarStart(bar.epochSecond()));
        }
        for (EmptyBar empty : answer.empties()) {
            assertEquals(java.util.Optional.empty(), BarRules.check(empty, CALENDAR), empty.toString());
        }
        Set<Instant> starts = new HashSet<>();
        answer.bars().forEach(b -> assertTrue(starts.add(b.start())));
        answer.empties().forEach(e -> assertTrue(starts.add(e.start())));
    }

    @Test
    void pricesArePositiveWholeCentsWithHighAndLowEnclosingOpenAndClose() {
        for (Bar bar : answer.bars()) {
            assertTrue(bar.low() > 0);
            assertTrue(bar.high() >= Math.max(bar.open(), bar.close()));
            assertTrue(bar.low() <= Math.min(bar.open(), bar.close()));
            for (long price : new long[] {bar.open(), bar.high(), bar.low(), bar.close()}) {
                assertEquals(0, price % 100, "not on a cent: " + bar);
            }
            assertTrue(bar.volume() > 0 && bar.trades() > 0 && bar.trades() <= bar.volume());
        }
    }

    @Test
    void theTradeCountIsAboutVolumeOverAHundred() {
        long volume = answer.bars().stream().mapToLong(Bar::volume).sum();
        long trades = answer.bars().stream().mapToLong(Bar::trades).sum();
        double sharesPerTrade = (double) volume / trades;
        assertTrue(sharesPerTrade > 80 && sharesPerTrade < 125, "shares per trade " + sharesPerTrade);
    }

    @Test
    void fiveMinuteMovesAreAFewTenthsOfAPercent() {
        double sumSquares = 0;
        for (Bar bar : answer.bars()) {
            double r = Math.log((double) bar.close() / bar.open());
            sumSquares += r * r;
        }
        double perBar = Math.sqrt(sumSquares / answer.bars().size());
        assertTrue(perBar > 0.0005 && perBar < 0.005, "5-minute volatility " + perBar);
    }

    @Test
    void sessionsJoinUpWithSmallOvernightGapsAndMoveAboutOnePercentADay() {
        TreeMap<Instant, Bar> byStart = new TreeMap<>();
        answer.bars().forEach(b -> byStart.put(b.start(), b));
        double gapSquares = 0;
        double daySquares = 0;
        for (int i = 1; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            Bar lastClose = byStart.lowerEntry(session.open()).getValue();
            Bar nextOpen = byStart.ceilingEntry(session.open()).getValue();
            Bar todaysClose = byStart.lowerEntry(session.close()).getValue();
            double gap = Math.log((double) nextOpen.open() / lastClose.close());
            double day = Math.log((double) todaysClose.close() / lastClose.close());
            assertTrue(Math.abs(gap) < 0.06, session.date() + " opened " + gap + " away from the last close");
            gapSquares += gap * gap;
            daySquares += day * day;
        }
        double gapSigma = Math.sqrt(gapSquares / (sessions.size() - 1));
        double daySigma = Math.sqrt(daySquares / (sessions.size() - 1));
        assertTrue(gapSigma < 0.01, "overnight gaps " + gapSigma);
        assertTrue(daySigma > 0.007 && daySigma < 0.03, "daily moves " + daySigma);
    }

    @Test
    void vwapIsTheSessionsRunningAverageInsideItsRange() {
        Map<LocalDate, long[]> range = new HashMap<>();
        TreeMap<Instant, Bar> byStart = new TreeMap<>();
        answer.bars().forEach(b -> byStart.put(b.start(), b));
        for (Bar bar : byStart.values()) {
            long[] lowHigh = range.computeIfAbsent(dateOf(bar.start()), d -> new long[] {Long.MAX_VALUE, 0});
            lowHigh[0] = Math.min(lowHigh[0], bar.low());
            lowHigh[1] = Math.max(lowHigh[1], bar.high());
            assertTrue(bar.vwap() >= lowHigh[0] && bar.vwap() <= lowHigh[1], bar.toString());
        }
        for (EmptyBar empty : answer.empties()) {
            Bar before = byStart.lowerEntry(empty.start()).getValue();
            assertEquals(dateOf(before.start()), dateOf(empty.start()));
            assertEquals(before.vwap(), empty.vwap(), "an empty interval carries the running vwap");
        }
    }

    @Test
    void volumeIsUShapedHeavyAtTheOpenAndCloseLightAtMidday() {
        double[] sum = new double[78];
        int[] count = new int[78];
        for (Bar bar : answer.bars()) {
            Session session = CALENDAR.sessionAt(bar.start()).orElseThrow();
            if (session.kind() == SessionKind.REGULAR) {
                int i = session.barIndex(bar.epochSecond());
                sum[i] += bar.volume();
                count[i]++;
            }
        }
        double open = mean(sum, count, 0, 6);
        double midday = mean(sum, count, 30, 48);
        double close = mean(sum, count, 72, 78);
        assertTrue(open > 2 * midday, "first 30 min " + open + " vs midday " + midday);
        assertTrue(close > 1.5 * midday, "last 30 min " + close + " vs midday " + midday);
    }

    @Test
    void noTradeIntervalsAreRareMostlyMiddayAndNeverTheOpeningBar() throws SourceException {
        SourceAnswer thinAnswer = fetch(firstThinSymbol());
        int intervals = thinAnswer.bars().size() + thinAnswer.empties().size();
        double rate = (double) thinAnswer.empties().size() / intervals;
        assertTrue(rate > 0.001 && rate < 0.05, "empty rate " + rate);
        int midday = 0;
        for (EmptyBar empty : thinAnswer.empties()) {
            Session session = CALENDAR.sessionAt(empty.start()).orElseThrow();
            int i = session.barIndex(empty.epochSecond());
            assertTrue(i > 0);
            if (i >= 12 && i < 66 && session.kind() == SessionKind.REGULAR) {
                midday++;
            }
        }
        assertTrue(midday > thinAnswer.empties().size() * 0.7, midday + " of " + thinAnswer.empties().size());
    }

    @Test
    void liquidNamesGoMonthsWithoutANoTradeBar() throws SourceException {
        for (String liquid : List.of("SPY", "AAPL", "QQQ")) {
            SourceAnswer three = fetch(liquid);
            // A real feed shows essentially none for these; a handful in three years (58,000 bars) is the most.
            assertTrue(three.empties().size() <= 5, liquid + ": " + three.empties().size() + " no-trade bars");
        }
    }

    @Test
    void aTickerOutsideTheUniverseIsNoSuchSymbol() {
        SimulatedSource source = new SimulatedSource(CALENDAR,
                Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), Session.NEW_YORK));
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class,
                () -> source.fetch("DROP", FROM, FROM.plusDays(7)));
        assertTrue(e.getMessage().contains("no such symbol"), e.getMessage());
        assertEquals(java.util.Optional.of(false), source.hasSymbol("TABLE"));
        assertEquals(java.util.Optional.of(true), source.hasSymbol("spy"));
    }

    private static SourceAnswer fetch(String symbol) throws SourceException {
        return new SimulatedSource(CALENDAR, Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), Session.NEW_YORK),
                SimulatedSource.Options.defaults().withOutageRate(0)).fetch(symbol, FROM, TO);
    }

    @Test
    void thinSymbolsHaveMoreNoTradeIntervals() throws SourceException {
        String thin = firstThinSymbol();
        SourceAnswer thinAnswer = new SimulatedSource(CALENDAR,
                Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), Session.NEW_YORK),
                SimulatedSource.Options.defaults().withOutageRate(0)).fetch(thin, FROM, TO);
        double thinRate = (double) thinAnswer.empties().size()
                / (thinAnswer.bars().size() + thinAnswer.empties().size());
        double liquidRate = (double) answer.empties().size() / (answer.bars().size() + answer.empties().size());
        assertTrue(thinRate > 3 * liquidRate, thin + " " + thinRate + " vs " + liquidRate);
    }

    static String firstThinSymbol() {
        for (String symbol : Universe.tickers()) {
            if (SymbolProfile.of(symbol).thin() && !List.of("SPY", "AAPL", "QQQ").contains(symbol)) {
                return symbol;
            }
        }
        throw new AssertionError("no thin symbol in the universe");
    }

    private static double mean(double[] sum, int[] count, int from, int to) {
        double total = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            total += sum[i];
            n += count[i];
        }
        return total / n;
    }

    private static LocalDate dateOf(Instant instant) {
        return instant.atZone(Session.NEW_YORK).toLocalDate();
    }
}
