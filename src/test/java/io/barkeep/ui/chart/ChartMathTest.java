package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pixel arithmetic of the chart: index and x, zoom and pan, folding slots into pixel columns, axis steps. */
class ChartMathTest {
    private static final double WIDTH = 1000;

    @Test
    void indexAndXMapBothWays() {
        Viewport v = new Viewport(100, 200);
        assertEquals(5, v.slotWidth(WIDTH));
        assertEquals(0, v.x(100, WIDTH));
        assertEquals(500, v.x(200, WIDTH));
        for (int i = 100; i < 300; i++) {
            assertEquals(i, v.slotAt(v.x(i + 0.5, WIDTH), WIDTH));
        }
        assertEquals(100, v.from());
        assertEquals(300, v.to(1_000));
        assertEquals(250, v.to(250), "never past the data");
    }

    @Test
    void zoomKeepsTheSlotUnderTheAnchorInPlace() {
        Viewport v = new Viewport(1_000, 400);
        double anchor = 0.25;
        double before = v.first() + anchor * v.count();
        Viewport in = v.zoom(0.5, anchor, 10_000);
        assertEquals(200, in.count(), 1e-9);
        assertEquals(before, in.first() + anchor * in.count(), 1e-9);
        Viewport out = in.zoom(4, anchor, 10_000);
        assertEquals(800, out.count(), 1e-9);
        assertEquals(before, out.first() + anchor * out.count(), 1e-9);
    }

    @Test
    void zoomAndPanStayWithinTheData() {
        int size = 1_000;
        assertEquals(Viewport.MIN_COUNT, new Viewport(500, 50).zoom(0.001, 0.5, size).count());
        Viewport all = new Viewport(0, 100).zoom(1_000, 0.5, size);
        assertEquals(Viewport.maxCount(size), all.count(), 1e-9, "zooming out stops at everything");
        assertTrue(all.x(0, WIDTH) >= 0 && all.x(0, WIDTH) < WIDTH * 0.02, "the oldest slot at the left edge");
        assertTrue(all.x(size, WIDTH) <= WIDTH && all.x(size, WIDTH) > WIDTH * 0.9, "the newest at the right");
        Viewport left = new Viewport(0, 100).pan(-10_000, size);
        assertEquals(-100 * Viewport.LEFT_MARGIN, left.first(), 1e-9, "no drag pushes the data off the right");
        Viewport right = new Viewport(0, 100).pan(10_000, size);
        assertEquals(size - 100 * (1 - Viewport.RIGHT_MARGIN), right.first(), 1e-9,
                "no drag pushes the data off the left: the newest slot stays at the right edge");
        assertEquals(List.of(0, size), List.of(Viewport.fit(size).from(), Viewport.fit(size).to(size)));
        Viewport end = Viewport.atEnd(size, 100);
        assertTrue(end.showsEnd(size));
        assertEquals(size, end.to(size));
        assertTrue(end.x(size, WIDTH) < WIDTH, "a margin after the last candle");
    }

    @Test
    void zoomingOutAtTheCursorFillsThePlotWithData() {
        // Three years of 5-minute slots, zoomed out with the cursor a quarter in from the left: the data used to
        // fill just over half the width.
        int size = 58_500;
        Viewport v = Viewport.atEnd(size, 234);
        for (int i = 0; i < 200; i++) {
            v = v.zoom(1.25, 0.25, size);
        }
        double filled = (Math.min(WIDTH, v.x(size, WIDTH)) - Math.max(0, v.x(0, WIDTH))) / WIDTH;
        assertTrue(filled > 0.94, "data fills the plot, was " + filled);
        assertTrue(v.showsEnd(size), "the newest bar at the right edge");
    }

    @Test
    void fewerSlotsThanTheViewHoldsSitAtTheRight() {
        Viewport v = Viewport.atEnd(4, 100);
        assertEquals(4, v.to(4));
        assertTrue(v.x(4, WIDTH) > WIDTH * 0.9, "the newest slot at the right edge, not in the middle");
    }

    @Test
    void pixelColumnsKeepEveryColumnsExtremesAndSumTheVolume() {
        ChartData d = ChartData.build(SyntheticChart.full(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 6, 28)),
                Interval.FIVE_MINUTES);
        Viewport v = new Viewport(333.3, d.size() - 700);
        int width = 731;
        PixelColumns c = PixelColumns.fold(d, v, width);
        long[] high = new long[width];
        long[] low = new long[width];
        long[] volume = new long[width];
        java.util.Arrays.fill(high, Long.MIN_VALUE);
        java.util.Arrays.fill(low, Long.MAX_VALUE);
        for (int i = 0; i < d.size(); i++) {
            int col = (int) Math.floor(v.x(i, width));
            if (col >= 0 && col < width) {
                high[col] = Math.max(high[col], d.high[i]);
                low[col] = Math.min(low[col], d.low[i]);
                volume[col] += d.volume[i];
            }
        }
        for (int col = 0; col < width; col++) {
            assertEquals(high[col], c.high[col], "high of column " + col);
            assertEquals(low[col], c.low[col], "low of column " + col);
            assertEquals(volume[col], c.volume[col], "volume of column " + col);
        }
        long[] range = c.priceRange();
        long[] direct = d.priceRange(v.from(), v.to(d.size()));
        assertTrue(range[0] >= direct[0] && range[1] <= direct[1]);
    }

    @Test
    void aOneSlotHoleStillMarksItsColumnWhenZoomedOut() {
        ChartData d = ChartData.build(SyntheticChart.withHoles(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 12, 31),
                i -> i == 5_000, i -> false), Interval.FIVE_MINUTES);
        PixelColumns c = PixelColumns.fold(d, Viewport.fit(d.size()), 500);
        int marked = 0;
        for (int col = 0; col < c.columns; col++) {
            marked += c.has(col, ChartData.MISSING) ? 1 : 0;
        }
        assertEquals(1, marked);
    }

    @Test
    void priceStepsAreRoundAndFewEnough() {
        assertEquals(1, PriceTicks.step(8.3, 10), 1e-12);
        assertEquals(2, PriceTicks.step(15, 10), 1e-12);
        assertEquals(0.25, PriceTicks.step(2.2, 10), 1e-12);
        assertEquals(50, PriceTicks.step(420, 10), 1e-12);
        assertEquals(2, PriceTicks.decimals(0.5));
        assertEquals(3, PriceTicks.decimals(0.025));
    }

    @Test
    void timeLabelsCoarsenWithTheZoom() {
        ChartData d = ChartData.build(SyntheticChart.full(LocalDate.of(2023, 1, 3), LocalDate.of(2025, 12, 31)),
                Interval.FIVE_MINUTES);
        assertEquals(TimeAxis.Unit.SESSION, TimeAxis.unit(400, 80));
        assertEquals(TimeAxis.Unit.MONTH, TimeAxis.unit(5, 80));
        List<TimeAxis.Tick> years = TimeAxis.ticks(d, Viewport.fit(d.size()), 1_200, 80);
        assertTrue(years.stream().anyMatch(t -> t.text().equals("2024")), years.toString());
        List<TimeAxis.Tick> day = TimeAxis.ticks(d, Viewport.atEnd(d.size(), 100), 1_200, 80);
        assertTrue(day.stream().anyMatch(t -> t.text().contains(":")), "clock times when zoomed into a session");
        for (int i = 1; i < day.size(); i++) {
            assertTrue(day.get(i).x() - day.get(i - 1).x() >= TimeAxis.textWidth(day.get(i - 1).text()),
                    "labels never overlap: " + day);
        }
    }

    @Test
    void dailyCandlesOverAYearLabelEveryMonthByNameAndTheYearOnlyInJanuary() {
        ChartData d = ChartData.build(SyntheticChart.full(LocalDate.of(2024, 9, 3), LocalDate.of(2025, 8, 29)),
                Interval.ONE_DAY);
        List<String> labels = TimeAxis.ticks(d, Viewport.fit(d.size()), 900, ChartPainter.LABEL_SPACING).stream()
                .map(TimeAxis.Tick::text).toList();
        assertEquals("Sep", labels.get(0), "the first label names its month, not the year: " + labels);
        assertTrue(labels.contains("2025"), "January 2025 shows the year: " + labels);
        assertTrue(labels.containsAll(List.of("Oct", "Nov", "Dec", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug")),
                "no month skipped: " + labels);
    }
}
