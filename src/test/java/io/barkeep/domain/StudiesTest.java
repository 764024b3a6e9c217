package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each study against values worked out by hand on a short series (the working is in the comments). */
class StudiesTest {
    private static final double NAN = Double.NaN;
    private static final double EPS = 1e-9;
    /** Up three, down two: small enough to work every study by hand. */
    private static final double[] CLOSES = {10, 11, 12, 13, 12, 11};

    @Test
    void smaIsTheMeanOfTheLastPeriodCloses() {
        // (10+11+12)/3, (11+12+13)/3, (12+13+12)/3, (13+12+11)/3
        assertArrayEquals(new double[] {NAN, NAN, 11, 12, 37.0 / 3, 12}, Studies.sma(CLOSES, 3), EPS);
    }

    @Test
    void emaStartsAtTheSmaThenWeighsEachCloseByTwoOverPeriodPlusOne() {
        // k = 0.5; seed 11; 13*.5 + 11*.5 = 12; 12*.5 + 12*.5 = 12; 11*.5 + 12*.5 = 11.5
        assertArrayEquals(new double[] {NAN, NAN, 11, 12, 12, 11.5}, Studies.ema(CLOSES, 3), EPS);
    }

    @Test
    void bollingerBandsAreTwoPopulationDeviationsFromTheMean() {
        // The textbook set: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, /8 = 4, deviation 2.
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        Studies.Bands b = Studies.bollinger(values, 8, 2);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, NAN, NAN, NAN, 5}, b.middle(), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, NAN, NAN, NAN, 9}, b.upper(), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, NAN, NAN, NAN, 1}, b.lower(), EPS);
    }

    @Test
    void rsiUsesWildersSmoothing() {
        // Changes +1 +1 +1 -1 -1, period 2. After two changes: gain 1, loss 0 -> 100.
        // Then gain (1*1+1)/2 = 1, loss 0 -> 100; gain (1+0)/2 = .5, loss (0+1)/2 = .5 -> 50;
        // gain .25, loss (.5+1)/2 = .75 -> RS 1/3 -> 100 - 100/(4/3) = 25.
        assertArrayEquals(new double[] {NAN, NAN, 100, 100, 50, 25}, Studies.rsi(CLOSES, 2), EPS);
    }

    @Test
    void macdIsFastEmaMinusSlowEmaWithAnEmaSignal() {
        // EMA(2), k = 2/3: 10.5, 11.5, 12.5, 36.5/3, 102.5/9. EMA(3): 11, 12, 12, 11.5 (from index 2).
        // Line: .5, .5, 1/6, -1/9. Signal EMA(2) from index 2: seed (.5+.5)/2 = .5 at index 3,
        // then (1/6)(2/3) + .5/3 = 5/18, then (-1/9)(2/3) + (5/18)/3 = 1/54. Histogram: line - signal.
        Studies.Macd m = Studies.macd(CLOSES, 2, 3, 2);
        assertArrayEquals(new double[] {NAN, NAN, 0.5, 0.5, 1.0 / 6, -1.0 / 9}, m.line(), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 0.5, 5.0 / 18, 1.0 / 54}, m.signal(), EPS);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 0, 1.0 / 6 - 5.0 / 18, -7.0 / 54}, m.histogram(), EPS);
    }

    @Test
    void aSeriesShorterThanThePeriodHasNoValues() {
        assertArrayEquals(new double[] {NAN, NAN}, Studies.sma(new double[] {1, 2}, 3), EPS);
        assertArrayEquals(new double[] {NAN, NAN}, Studies.rsi(new double[] {1, 2}, 3), EPS);
        assertThrows(IllegalArgumentException.class, () -> Studies.ema(CLOSES, 0));
    }
}
