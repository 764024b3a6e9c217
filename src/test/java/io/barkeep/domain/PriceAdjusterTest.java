package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adjusting on read: reverse and odd ratios, exact decimals, factors that only look forward. */
class PriceAdjusterTest {
    private static final Instant LEARNT = Instant.parse("2024-07-01T00:00:00Z");
    private static final Session MON = TestSessions.regular("2024-06-03");
    private static final Session TUE = TestSessions.regular("2024-06-04");
    private static final Session WED = TestSessions.regular("2024-06-05");

    private static Bar bar(Session s, long price, long volume) {
        return new Bar(s.open(), price, price, price, price, volume, 5, price);
    }

    private static CorporateAction split(Session on, int n, int o) {
        return CorporateAction.split("X", on.date(), n, o, "manual", LEARNT);
    }

    @Test
    void aReverseSplitMultipliesEarlierPricesAndDividesVolume() {
        List<Bar> raw = List.of(bar(MON, 12_345, 1_000), bar(TUE, 123_450, 100));
        AdjustedBars a = PriceAdjuster.adjust(raw, List.of(split(TUE, 1, 10)), Adjustment.SPLITS, Map.of());
        assertEquals(new BigDecimal("12.34500000"), a.price(a.bars().get(0).open()), "1.2345 x 10");
        assertEquals(100, a.bars().get(0).volume());
        assertEquals(new BigDecimal("12.34500000"), a.price(a.bars().get(1).open()), "after the split: as traded");
    }

    @Test
    void anOddRatioRoundsOnlyPastTheEighthDecimal() {
        List<Bar> raw = List.of(bar(MON, 1_046_000, 1_000), bar(TUE, 1_000_000, 1_046));
        AdjustedBars a = PriceAdjuster.adjust(raw, List.of(split(TUE, 1046, 1000)), Adjustment.SPLITS, Map.of());
        assertEquals(new BigDecimal("100.00000000"), a.price(a.bars().get(0).close()), "104.6 / 1.046");
        assertEquals(1_046, a.bars().get(0).volume(), "1000 shares become 1046");
        BigDecimal expected = new BigDecimal("1.2345").multiply(new BigDecimal(1000))
                .divide(new BigDecimal(1046), 8, RoundingMode.HALF_EVEN);
        AdjustedBars b = PriceAdjuster.adjust(List.of(bar(MON, 12_345, 7), bar(TUE, 1, 1)),
                List.of(split(TUE, 1046, 1000)), Adjustment.SPLITS, Map.of());
        assertEquals(expected, b.price(b.bars().get(0).open()));
    }

    @Test
    void eightDecimalsKeepAOneToFiftyOfTheSmallestTickExact() {
        AdjustedBars a = PriceAdjuster.adjust(List.of(bar(MON, 1, 1), bar(TUE, 1, 1)), List.of(split(TUE, 50, 1)),
                Adjustment.SPLITS, Map.of());
        assertEquals(new BigDecimal("0.00000200"), a.price(a.bars().get(0).open()), "0.0001 / 50");
        assertEquals(50, a.bars().get(0).volume());
    }

    @Test
    void factorsCompoundForEveryActionAfterTheBarIncludingThoseAfterTheRange() {
        List<Bar> raw = List.of(bar(MON, 400_000, 10));
        List<CorporateAction> actions = List.of(split(TUE, 2, 1), split(WED, 5, 1));
        AdjustedBars a = PriceAdjuster.adjust(raw, actions, Adjustment.SPLITS, Map.of());
        assertEquals(new BigDecimal("4.00000000"), a.price(a.bars().get(0).open()), "40 / 10");
        assertEquals(100, a.bars().get(0).volume());
        assertEquals(2, a.factors().size());
    }

    @Test
    void allAppliesTheDividendFactorToEarlierBarsOnly() {
        CorporateAction dividend = CorporateAction.dividend("X", TUE.date(), new BigDecimal("0.5"), "manual", LEARNT);
        List<Bar> raw = List.of(bar(MON, 500_000, 10), bar(TUE, 495_000, 10));
        AdjustedBars a = PriceAdjuster.adjust(raw, List.of(dividend), Adjustment.ALL,
                Map.of(TUE.date(), 500_000L));
        // 50 x (1 - 0.5 / 50) = 49.5
        assertEquals(0, new BigDecimal("49.5").compareTo(a.price(a.bars().get(0).close())));
        assertEquals(10, a.bars().get(0).volume(), "a dividend leaves volume alone");
        AdjustedBars splitsOnly = PriceAdjuster.adjust(raw, List.of(dividend), Adjustment.SPLITS, Map.of());
        assertSame(raw, splitsOnly.bars(), "splits ignores dividends: nothing to change");
        assertFalse(splitsOnly.changed());
    }

    @Test
    void aDividendWithoutAPreviousCloseIsListedNotApplied() {
        CorporateAction dividend = CorporateAction.dividend("X", TUE.date(), new BigDecimal("0.5"), "manual", LEARNT);
        AdjustedBars a = PriceAdjuster.adjust(List.of(bar(MON, 500_000, 10)), List.of(dividend), Adjustment.ALL,
                Map.of());
        assertFalse(a.changed());
        assertFalse(a.factors().get(0).applied());
        assertTrue(a.factors().get(0).note().contains("close"));
    }

    @Test
    void dividendAmountsAreExactMicroDollars() {
        CorporateAction d = CorporateAction.dividend("X", LocalDate.of(2024, 1, 2), new BigDecimal("0.240000"),
                "csv", LEARNT);
        assertEquals(240_000, d.dividendMicros());
        assertEquals("0.24", d.value());
    }
}
