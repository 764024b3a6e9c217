package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Interval;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Day separators, the log price scale and the session VWAP line, against figures worked out by hand. */
class ChartAxesTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 11);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);
    /** A 1072-pixel-wide chart has a 1000-pixel plot beside the 72-pixel price axis. */
    private static final ChartLayout LAYOUT = ChartLayout.of(1072, 500);

    @Test
    void oneDaySeparatorAtEachSessionOpenInView() {
        // Five sessions of 78 five-minute slots: sessions open at slots 0, 78, 156, 234 and 312.
        ChartData d = ChartData.build(SyntheticChart.full(MONDAY, FRIDAY), Interval.FIVE_MINUTES);
        // Slots 40..240 over 1000 px: 5 px a slot. Tuesday's open at (78 - 40) * 5 = 190, Wednesday's at
        // (156 - 40) * 5 = 580, Thursday's at (234 - 40) * 5 = 970; Monday's open is left of the view.
        ChartPainter.Frame f = frame(new Viewport(40, 200), false);
        assertEquals(List.of(190.0, 580.0, 970.0), ChartAxes.separators(d, f, 8));
        // A session is 78 * 5 = 390 px wide here: asked for wider sessions, no separators (they would crowd).
        assertEquals(List.of(), ChartAxes.separators(d, f, 400));
        // Daily candles: each candle is a session, no separators.
        ChartData days = ChartData.build(SyntheticChart.full(MONDAY, FRIDAY), Interval.ONE_DAY);
        assertEquals(List.of(), ChartAxes.separators(days, frame(new Viewport(0, 5), false), 8));
    }

    @Test
    void onALogScaleEqualRatiosAreEqualDistances() {
        ChartPainter.Frame log = frame(new Viewport(0, 100), true);
        double tenToTwenty = log.y(dollars(10)) - log.y(dollars(20));
        double twentyToForty = log.y(dollars(20)) - log.y(dollars(40));
        double fortyToEighty = log.y(dollars(40)) - log.y(dollars(80));
        assertTrue(tenToTwenty > 1, "higher prices higher up: " + tenToTwenty);
        assertEquals(tenToTwenty, twentyToForty, 1e-9);
        assertEquals(tenToTwenty, fortyToEighty, 1e-9);
        assertEquals(dollars(30), log.price(log.y(dollars(30))), 1e-6, "y and price map both ways");
        // On the linear scale the same doublings take twice the room each time.
        ChartPainter.Frame linear = frame(new Viewport(0, 100), false);
        assertEquals(2 * (linear.y(dollars(10)) - linear.y(dollars(20))),
                linear.y(dollars(20)) - linear.y(dollars(40)), 1e-9);
    }

    @Test
    void theVwapLineIsTheStoredSessionVwapAndHasNoPointWhereTheVendorGaveNone() {
        ChartSnapshot plain = SyntheticChart.full(MONDAY, MONDAY);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < plain.bars().size(); i++) {
            Bar b = plain.bars().get(i);
            // $50.00 + i cents, except bar 5 whose VWAP the vendor did not give
            long vwap = i == 5 ? Bar.UNKNOWN : 500_000 + 100L * i;
            bars.add(new Bar(b.start(), b.open(), b.high(), b.low(), b.close(), b.volume(), Bar.UNKNOWN, vwap));
        }
        ChartSnapshot s = new ChartSnapshot("TEST", MONDAY, MONDAY, plain.sessions(), bars, plain.calendar());
        ChartData d = ChartData.build(s, Interval.FIVE_MINUTES);
        StudyLines lines = StudyLines.compute(d, ChartOptions.DEFAULTS.withVwap(true));
        assertEquals(500_000, lines.vwap[0], 0);
        assertEquals(500_400, lines.vwap[4], 0);
        assertTrue(Double.isNaN(lines.vwap[5]), "no VWAP stored, no point: " + lines.vwap[5]);
        assertEquals(507_700, lines.vwap[77], 0, "the session's last bar: $50.00 + 77 cents");
        // An hour bucket ends on its last five-minute bar: 10:30-11:30 ends with slot 23 (11:25), $50.23.
        ChartData hours = ChartData.build(s, Interval.ONE_HOUR);
        StudyLines hourly = StudyLines.compute(hours, ChartOptions.DEFAULTS.withVwap(true));
        assertEquals(502_300, hourly.vwap[1], 0);
    }

    private static ChartPainter.Frame frame(Viewport v, boolean log) {
        return ChartPainter.frame(LAYOUT, v, new long[] {dollars(10), dollars(80)}, 0, log, List.of());
    }

    private static long dollars(double d) {
        return Math.round(d * 10_000);
    }
}
