package io.barkeep.ui.chart;

import io.barkeep.domain.Bar;
import io.barkeep.domain.GapDetector;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/** Snapshots of made-up bars on the real NYSE calendar, for the pure chart tests and the frame benchmark. */
final class SyntheticChart {
    static final TradingCalendar CALENDAR = NyseCalendar.load();

    private SyntheticChart() {
    }

    /** Every 5-minute bar of every session from..to, a seeded random walk around $100. */
    static ChartSnapshot full(LocalDate from, LocalDate to) {
        return withHoles(from, to, slot -> false, slot -> false);
    }

    /**
     * Bars from..to, numbering every 5-minute slot from 0: {@code missing} slots are absent from the cache,
     * {@code empty} ones the vendor confirmed without trade.
     */
    static ChartSnapshot withHoles(LocalDate from, LocalDate to, IntPredicate missing, IntPredicate empty) {
        SplittableRandom random = new SplittableRandom(42);
        List<Bar> bars = new ArrayList<>();
        List<SessionCoverage> coverage = new ArrayList<>();
        long price = 1_000_000;
        int slot = 0;
        for (Session s : CALENDAR.sessions(from, to)) {
            long[] held = new long[s.expectedBars()];
            long[] empties = new long[s.expectedBars()];
            int h = 0;
            int e = 0;
            for (int k = 0; k < s.expectedBars(); k++, slot++) {
                long t = s.open().getEpochSecond() + (long) k * Session.BAR_SECONDS;
                long open = price;
                price = Math.max(10_000, price + random.nextLong(-2_000, 2_001));
                long high = Math.max(open, price) + random.nextLong(0, 1_000);
                long low = Math.min(open, price) - random.nextLong(0, 1_000);
                if (missing.test(slot)) {
                    continue;
                }
                if (empty.test(slot)) {
                    empties[e++] = t;
                    continue;
                }
                held[h++] = t;
                bars.add(Bar.of(java.time.Instant.ofEpochSecond(t), open, high, low, price,
                        random.nextLong(1_000, 100_000)));
            }
            coverage.add(GapDetector.coverage(s, Arrays.copyOf(held, h), Arrays.copyOf(empties, e)));
        }
        return new ChartSnapshot("TEST", from, to, coverage, bars, CALENDAR);
    }
}
