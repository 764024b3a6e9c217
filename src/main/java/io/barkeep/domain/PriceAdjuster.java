package io.barkeep.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Back-adjusts raw 5-minute bars for the actions after them, to the basis of the newest action: a bar before a
 * 10:1 split is divided by 10 (volume multiplied by 10, so dollar volume is unchanged); with {@link Adjustment#ALL}
 * a bar before a cash dividend D is also multiplied by {@code 1 - D / C}, C the raw close before the ex-date (the
 * CRSP and Yahoo convention). Split factors are exact rationals; prices come out in units of
 * 10^-{@value #ADJUSTED_DECIMALS} dollars, enough for any product of common ratios (1:50 of a 1e-4 price needs 6).
 * When nothing applies the bars come back untouched, at the store's four decimals.
 */
public final class PriceAdjuster {
    /** Decimals of an adjusted price. */
    public static final int ADJUSTED_DECIMALS = 8;
    private static final BigDecimal RESCALE = BigDecimal.TEN.pow(ADJUSTED_DECIMALS - 4);
    private static final MathContext PRECISE = MathContext.DECIMAL128;

    private final Adjustment mode;
    private final List<LocalDate> exDates = new ArrayList<>();
    /** Price factor of the bars before exDates[i] and on/after exDates[i-1] (index exDates.size(): after all). */
    private final List<Segment> segments = new ArrayList<>();
    private final List<AppliedFactor> factors = new ArrayList<>();
    private final boolean identity;

    /**
     * @param actions     the symbol's actions (any order, any kind)
     * @param firstDate   the first session of the bars to adjust: only actions after it matter
     * @param closeBefore raw close (ticks) of the last bar before each dividend's ex-date; a dividend without one
     *                    is listed but not applied
     */
    public PriceAdjuster(List<CorporateAction> actions, Adjustment mode, LocalDate firstDate,
                         Map<LocalDate, Long> closeBefore) {
        this.mode = mode;
        List<CorporateAction> relevant = actions.stream()
                .filter(a -> a.isSplit() ? mode.splits() : mode.dividends())
                .filter(a -> a.exDate().isAfter(firstDate))
                .sorted(Comparator.comparing(CorporateAction::exDate)).toList();
        Segment running = Segment.ONE;
        List<Segment> reversed = new ArrayList<>();
        reversed.add(running);
        for (int i = relevant.size() - 1; i >= 0; i--) {
            CorporateAction a = relevant.get(i);
            Segment own = own(a, closeBefore.get(a.exDate()));
            factors.add(0, own == null
                    ? new AppliedFactor(a, BigDecimal.ONE, BigDecimal.ONE, false, "no close before the ex-date held")
                    : new AppliedFactor(a, own.price(), own.volume(), true, null));
            if (own != null) {
                running = running.times(own);
            }
            reversed.add(0, running);
        }
        relevant.forEach(a -> exDates.add(a.exDate()));
        segments.addAll(reversed);
        identity = segments.stream().allMatch(Segment::isOne);
    }

    /** Adjusts {@code raw} (oldest first) with the actions after its first bar. */
    public static AdjustedBars adjust(List<Bar> raw, List<CorporateAction> actions, Adjustment mode,
                                      Map<LocalDate, Long> closeBefore) {
        if (raw.isEmpty()) {
            return new AdjustedBars(raw, 4, mode, List.of());
        }
        PriceAdjuster adjuster = new PriceAdjuster(actions, mode, dateOf(raw.get(0)), closeBefore);
        return adjuster.apply(raw);
    }

    public AdjustedBars apply(List<Bar> raw) {
        if (identity) {
            return new AdjustedBars(raw, 4, mode, List.copyOf(factors));
        }
        List<Bar> out = new ArrayList<>(raw.size());
        for (Bar b : raw) {
            Segment s = segmentAt(dateOf(b));
            out.add(new Bar(b.start(), s.scale(b.open()), s.scale(b.high()), s.scale(b.low()), s.scale(b.close()),
                    s.volume(b.volume()), b.trades(), b.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN : s.scale(b.vwap())));
        }
        return new AdjustedBars(out, ADJUSTED_DECIMALS, mode, List.copyOf(factors));
    }

    /** Whether no price changes (no action after the first date, or none of the kinds asked). */
    public boolean identity() {
        return identity;
    }

    /** A raw price (ticks) of a bar on {@code date}, adjusted, in units of 10^-{@link #decimals()} dollars. */
    public long price(long rawTicks, LocalDate date) {
        return identity ? rawTicks : segmentAt(date).scale(rawTicks);
    }

    public int decimals() {
        return identity ? 4 : ADJUSTED_DECIMALS;
    }

    public List<AppliedFactor> factors() {
        return List.copyOf(factors);
    }

    private Segment segmentAt(LocalDate date) {
        int i = 0;
        while (i < exDates.size() && !date.isBefore(exDates.get(i))) {
            i++;
        }
        return segments.get(i);
    }

    private static Segment own(CorporateAction a, Long closeTicks) {
        if (a.isSplit()) {
            return new Segment(BigInteger.valueOf(a.splitOld()), BigInteger.valueOf(a.splitNew()), BigDecimal.ONE);
        }
        if (closeTicks == null || closeTicks <= 0) {
            return null;
        }
        // 1 - D / C with D in micro-dollars and C in 1e-4 ticks
        BigDecimal ratio = BigDecimal.valueOf(a.dividendMicros())
                .divide(BigDecimal.valueOf(closeTicks).multiply(BigDecimal.valueOf(100)), PRECISE);
        BigDecimal factor = BigDecimal.ONE.subtract(ratio);
        return factor.signum() > 0 ? new Segment(BigInteger.ONE, BigInteger.ONE, factor) : null;
    }

    static LocalDate dateOf(Bar b) {
        return b.start().atZone(Session.NEW_YORK).toLocalDate();
    }

    /** A price factor {@code num / den * cash}: the split part exact, the dividend part to 34 digits. */
    private record Segment(BigInteger num, BigInteger den, BigDecimal cash) {
        static final Segment ONE = new Segment(BigInteger.ONE, BigInteger.ONE, BigDecimal.ONE);

        Segment times(Segment o) {
            BigInteger n = num.multiply(o.num);
            BigInteger d = den.multiply(o.den);
            BigInteger g = n.gcd(d);
            return new Segment(n.divide(g), d.divide(g), cash.multiply(o.cash, PRECISE));
        }

        boolean isOne() {
            return num.equals(den) && cash.compareTo(BigDecimal.ONE) == 0;
        }

        BigDecimal price() {
            return new BigDecimal(num).multiply(cash).divide(new BigDecimal(den), PRECISE).stripTrailingZeros();
        }

        BigDecimal volume() {
            return new BigDecimal(den).divide(new BigDecimal(num), PRECISE).stripTrailingZeros();
        }

        /** Raw ticks (1e-4) to adjusted units (1e-8). */
        long scale(long ticks) {
            BigDecimal v = BigDecimal.valueOf(ticks).multiply(RESCALE).multiply(new BigDecimal(num)).multiply(cash);
            return v.divide(new BigDecimal(den), 0, RoundingMode.HALF_EVEN).longValueExact();
        }

        long volume(long shares) {
            return new BigDecimal(BigInteger.valueOf(shares).multiply(den))
                    .divide(new BigDecimal(num), 0, RoundingMode.HALF_EVEN).longValueExact();
        }
    }

    /**
     * One action's part in an adjustment.
     *
     * @param priceFactor  what it multiplies the prices before its ex-date by
     * @param volumeFactor what it multiplies the volumes before its ex-date by
     * @param applied      false when it could not be applied ({@code note} says why)
     */
    public record AppliedFactor(CorporateAction action, BigDecimal priceFactor, BigDecimal volumeFactor,
                                boolean applied, String note) {
    }

    /**
     * Bars after adjustment.
     *
     * @param bars     oldest first; prices in units of 10^-{@code decimals} dollars
     * @param decimals 4 when nothing changed (the store's scale), {@link #ADJUSTED_DECIMALS} otherwise
     * @param factors  every action that applies to the bars, oldest first
     */
    public record AdjustedBars(List<Bar> bars, int decimals, Adjustment adjustment, List<AppliedFactor> factors) {
        /** A price of these bars as a decimal. */
        public BigDecimal price(long units) {
            return BigDecimal.valueOf(units, decimals);
        }

        /** Plain text with all {@code decimals} digits. */
        public String format(long units) {
            return price(units).toPlainString();
        }

        public boolean changed() {
            return decimals != 4;
        }
    }
}
