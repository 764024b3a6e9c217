package io.barkeep.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds overnight moves that look like a split nobody told Barkeep about: a session whose first bar opens at close
 * to 1/k (or k) times the previous session's last close, for a common ratio k, with no known split between the two.
 * Ordinary gaps (a few percent, even 20%) are far from every ratio. Suspicions are reported, never applied.
 */
public final class SplitDetector {
    /** The common split ratios; each is also checked as a reverse split. */
    public static final int[] COMMON_RATIOS = {2, 3, 4, 5, 8, 10, 15, 20, 50};
    /** How far (relative) an overnight ratio may be from 1/k or k and still look like that split. */
    static final double TOLERANCE = 0.08;
    /**
     * Every ratio strictly between these is far from all the common ones (the smallest ratio's split and reverse
     * split bound them): the usual overnight move is settled by two comparisons instead of eighteen.
     */
    private static final double NO_SPLIT_ABOVE = (1 + TOLERANCE) / COMMON_RATIOS[0];
    private static final double NO_SPLIT_BELOW = (1 - TOLERANCE) * COMMON_RATIOS[0];

    private SplitDetector() {
    }

    /**
     * @param bars            raw bars of one symbol, oldest first (any number of sessions)
     * @param knownSplitDates ex-dates of the symbol's known splits
     */
    public static List<SuspectedSplit> scan(String symbol, List<Bar> bars, Set<LocalDate> knownSplitDates) {
        List<SuspectedSplit> out = new ArrayList<>();
        for (int i = 1; i < bars.size(); i++) {
            Bar prev = bars.get(i - 1);
            Bar next = bars.get(i);
            if (prev.close() <= 0 || next.open() <= 0) {
                continue;
            }
            double ratio = (double) next.open() / prev.close();
            // The ratio first: almost every pair is far from all of them, and the dates cost a time-zone lookup.
            if (!nearCommonRatio(ratio)) {
                continue;
            }
            LocalDate prevDate = PriceAdjuster.dateOf(prev);
            LocalDate date = PriceAdjuster.dateOf(next);
            if (!date.isAfter(prevDate)) {
                continue;
            }
            boolean known = knownSplitDates.stream().anyMatch(d -> d.isAfter(prevDate) && !d.isAfter(date));
            if (known) {
                continue;
            }
            for (int k : COMMON_RATIOS) {
                if (Math.abs(ratio * k - 1) <= TOLERANCE) {
                    out.add(new SuspectedSplit(symbol, date, prev.close(), next.open(), k, 1, ratio));
                } else if (Math.abs(ratio / k - 1) <= TOLERANCE) {
                    out.add(new SuspectedSplit(symbol, date, prev.close(), next.open(), 1, k, ratio));
                }
            }
        }
        return out;
    }

    private static boolean nearCommonRatio(double ratio) {
        if (ratio > NO_SPLIT_ABOVE && ratio < NO_SPLIT_BELOW) {
            return false;
        }
        for (int k : COMMON_RATIOS) {
            if (Math.abs(ratio * k - 1) <= TOLERANCE || Math.abs(ratio / k - 1) <= TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    /**
     * A jump that looks like a {@code splitNew:splitOld} split on {@code date}.
     *
     * @param previousClose the last raw close before, in ticks
     * @param open          the session's first raw open, in ticks
     * @param observed      open / previous close
     */
    public record SuspectedSplit(String symbol, LocalDate date, long previousClose, long open, int splitNew,
                                 int splitOld, double observed) {
        /** {@code NVDA 2024-06-10 opened at 0.100x the previous close: a 10:1 split?} */
        public String message() {
            return String.format(Locale.ROOT, "%s %s opened at %.3fx the previous close: a %d:%d split?", symbol, date,
                    observed, splitNew, splitOld);
        }
    }
}
