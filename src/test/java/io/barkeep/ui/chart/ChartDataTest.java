package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChartDataTest {
    // 2024-03-11..15: five regular sessions, 390 five-minute slots
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);

    @Test
    void oneSlotPerExpectedBucketSkippingNightsAndTheWeekend() {
        ChartSnapshot week = SyntheticChart.full(LocalDate.of(2024, 3, 8), MONDAY);
        ChartData fiveMinutes = ChartData.build(week, Interval.FIVE_MINUTES);
        assertEquals(2 * 78, fiveMinutes.size());
        // Friday's close and Monday's open are neighbours on the ordinal axis.
        assertEquals(78, fiveMinutes.sessionFirst[1]);
        assertEquals(7, ChartData.build(week, Interval.ONE_HOUR).size() / 2);
        assertEquals(2, ChartData.build(week, Interval.ONE_DAY).size());
    }

    @Test
    void anEarlyCloseHasFortyTwoFiveMinuteSlotsAndAShortLastHour() {
        LocalDate dayAfterThanksgiving = LocalDate.of(2024, 11, 29);
        ChartSnapshot day = SyntheticChart.full(dayAfterThanksgiving, dayAfterThanksgiving);
        assertEquals(42, ChartData.build(day, Interval.FIVE_MINUTES).size());
        ChartData hours = ChartData.build(day, Interval.ONE_HOUR);
        assertEquals(4, hours.size());
        assertTrue(hours.has(3, ChartData.SHORT), "12:30-13:00 is a short bucket");
        assertFalse(hours.has(2, ChartData.SHORT));
    }

    @Test
    void missingSlotsAreFlaggedApartFromVendorEmptyOnesAndIncompleteCandlesAreMarked() {
        // Slots 10-21 missing (10:20-11:20 on Monday), slot 30 vendor-empty.
        ChartSnapshot s = SyntheticChart.withHoles(MONDAY, FRIDAY, i -> i >= 10 && i < 22, i -> i == 30);
        ChartData d = ChartData.build(s, Interval.FIVE_MINUTES);
        assertEquals(390, d.size());
        assertEquals(12, count(d, ChartData.MISSING));
        assertTrue(d.has(10, ChartData.MISSING) && d.has(21, ChartData.MISSING) && d.has(22, ChartData.HAS_BAR));
        assertTrue(d.has(30, ChartData.EMPTY));
        assertEquals(d.close[29], d.close[30], "a no-trade slot sits at the last close");
        assertEquals(0, count(d, ChartData.INCOMPLETE));

        ChartData hours = ChartData.build(s, Interval.ONE_HOUR);
        // 09:30-10:30 holds slots 0-11: two missing; 10:30-11:30 holds 12-23: ten missing.
        assertTrue(hours.has(0, ChartData.INCOMPLETE));
        assertEquals(10, hours.bars[0]);
        assertEquals(2, hours.missing[0]);
        assertEquals(10, hours.missing[1]);
        assertTrue(hours.has(1, ChartData.HAS_BAR) && hours.has(1, ChartData.INCOMPLETE));
        // The 10:30 bucket with 2 held, 10 missing is still a candle; a wholly missing bucket is not.
        ChartData fifteen = ChartData.build(s, Interval.FIFTEEN_MINUTES);
        assertTrue(fifteen.has(4, ChartData.MISSING), "10:30-10:45 is wholly missing");
        assertFalse(fifteen.has(4, ChartData.HAS_BAR));
    }

    @Test
    void slotLookupsByTimeAndDate() {
        ChartData d = ChartData.build(SyntheticChart.full(MONDAY, FRIDAY), Interval.FIVE_MINUTES);
        assertEquals(78, d.slotAt(d.time[78]));
        assertEquals(78, d.slotAt(d.time[78] + 299));
        assertEquals(77, d.slotAt(d.time[78] - 1), "the night belongs to the last slot before it");
        assertEquals(2, d.sessionOf(2 * 78 + 5));
        assertEquals(1, d.sessionOnOrAfter(LocalDate.of(2024, 3, 12)));
        assertEquals(0, d.sessionOnOrAfter(LocalDate.of(2024, 3, 9)));
        assertEquals(9 * 60 + 30, d.localMinute(0, 0), "slots read in New York time");
    }

    private static int count(ChartData d, byte flag) {
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            n += d.has(i, flag) ? 1 : 0;
        }
        return n;
    }
}
