package io.barkeep.domain;

import static io.barkeep.domain.TestSessions.at;
import static io.barkeep.domain.TestSessions.bar;
import static io.barkeep.domain.TestSessions.calendar;
import static io.barkeep.domain.TestSessions.concat;
import static io.barkeep.domain.TestSessions.earlyClose;
import static io.barkeep.domain.TestSessions.fullSession;
import static io.barkeep.domain.TestSessions.regular;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AggregatorTest {
    private static final Session FRI = regular("2024-01-05");
    private static final Session MON = regular("2024-01-08");
    private static final Session BLACK_FRIDAY = earlyClose("2024-11-29");

    private static List<AggregateBar> aggregate(List<Bar> bars, String interval, BucketAlignment alignment,
                                                Session... sessions) {
        return Aggregator.aggregate(bars, Interval.parse(interval), alignment, calendar(sessions));
    }

    private static void assertBucket(AggregateBar b, Session s, String from, String to, int bars, int expected,
                                     boolean partial) {
        assertEquals(at(s, from), b.start(), "start");
        assertEquals(at(s, to), b.end(), "end of bucket starting " + from);
        assertEquals(bars, b.bars(), "bars of bucket starting " + from);
        assertEquals(expected, b.expectedBars(), "expected bars of bucket starting " + from);
        assertEquals(partial, b.partial(), "partial of bucket starting " + from);
    }

    private static List<Bar> without(List<Bar> bars, Session s, Predicate<String> hhmm) {
        List<Bar> kept = new ArrayList<>();
        for (Bar b : bars) {
            String time = b.start().atZone(Session.NEW_YORK).toLocalTime().toString();
            if (!hhmm.test(time)) {
                kept.add(b);
            }
        }
        return kept;
    }

    @Test
    void volumeAndTradeSumsStopAtTheLargestLongAndSaySoInsteadOfWrappingAround() {
        Instant first = at(FRI, "09:30");
        List<Bar> huge = List.of(
                new Bar(first, 100, 100, 100, 100, Long.MAX_VALUE, Long.MAX_VALUE - 1, Bar.UNKNOWN),
                new Bar(first.plusSeconds(300), 100, 100, 100, 100, Long.MAX_VALUE, 5, Bar.UNKNOWN),
                new Bar(first.plusSeconds(600), 100, 100, 100, 100, 7, 5, Bar.UNKNOWN));

        AggregateBar day = aggregate(huge, "1d", BucketAlignment.SESSION_OPEN, FRI).get(0);

        assertEquals(Long.MAX_VALUE, day.volume());
        assertEquals(Long.MAX_VALUE, day.trades());
        assertTrue(day.capped());
        AggregateBar ordinary = aggregate(fullSession(FRI), "1d", BucketAlignment.SESSION_OPEN, FRI).get(0);
        assertFalse(ordinary.capped());
        assertEquals(fullSession(FRI).stream().mapToLong(Bar::volume).sum(), ordinary.volume());
    }

    @Test
    void oneHourAnchoredAtTheOpenGivesSixFullHoursAndAShortLastHalfHour() {
        List<AggregateBar> out = aggregate(fullSession(FRI), "1h", BucketAlignment.SESSION_OPEN, FRI);
        assertEquals(7, out.size());
        String[] starts = {"09:30", "10:30", "11:30", "12:30", "13:30", "14:30"};
        for (int i = 0; i < 6; i++) {
            String end = at(FRI, starts[i]).plusSeconds(3600).atZone(Session.NEW_YORK).toLocalTime().toString();
            assertBucket(out.get(i), FRI, starts[i], end, 12, 12, false);
        }
        assertBucket(out.get(6), FRI, "15:30", "16:00", 6, 6, true);
    }

    @Test
    void oneHourOnAnEarlyCloseEndsWithAShort1230To1300() {
        List<AggregateBar> out = aggregate(fullSession(BLACK_FRIDAY), "1h", BucketAlignment.SESSION_OPEN,
                BLACK_FRIDAY);
        assertEquals(4, out.size());
        assertBucket(out.get(0), BLACK_FRIDAY, "09:30", "10:30", 12, 12, false);
        assertBucket(out.get(1), BLACK_FRIDAY, "10:30", "11:30", 12, 12, false);
        assertBucket(out.get(2), BLACK_FRIDAY, "11:30", "12:30", 12, 12, false);
        assertBucket(out.get(3), BLACK_FRIDAY, "12:30", "13:00", 6, 6, true);
    }

    @Test
    void clockAlignedHoursStartWithAShortHalfHourThenFollowTheClock() {
        List<AggregateBar> out = aggregate(fullSession(FRI), "1h", BucketAlignment.CLOCK, FRI);
        assertEquals(7, out.size());
        assertBucket(out.get(0), FRI, "09:30", "10:00", 6, 6, true);
        assertBucket(out.get(1), FRI, "10:00", "11:00", 12, 12, false);
        assertBucket(out.get(6), FRI, "15:00", "16:00", 12, 12, false);

        List<AggregateBar> early = aggregate(fullSession(BLACK_FRIDAY), "1h", BucketAlignment.CLOCK, BLACK_FRIDAY);
        assertEquals(4, early.size());
        assertBucket(early.get(0), BLACK_FRIDAY, "09:30", "10:00", 6, 6, true);
        assertBucket(early.get(3), BLACK_FRIDAY, "12:00", "13:00", 12, 12, false);
    }

    @Test
    void clockAlignedMinuteBucketsFollowMultiplesOfTheIntervalFromMidnightClippedToTheSession() {
        // 45-minute marks from midnight: ... 09:00, 09:45, 10:30 ... 15:45, 16:30.
        List<AggregateBar> out = aggregate(fullSession(FRI), "45m", BucketAlignment.CLOCK, FRI);
        assertEquals(10, out.size());
        assertBucket(out.get(0), FRI, "09:30", "09:45", 3, 3, true);
        assertBucket(out.get(1), FRI, "09:45", "10:30", 9, 9, false);
        assertBucket(out.get(8), FRI, "15:00", "15:45", 9, 9, false);
        assertBucket(out.get(9), FRI, "15:45", "16:00", 3, 3, true);

        // The same interval anchored at the open: 8 full buckets and 15:30-16:00.
        List<AggregateBar> anchored = aggregate(fullSession(FRI), "45m", BucketAlignment.SESSION_OPEN, FRI);
        assertEquals(9, anchored.size());
        assertBucket(anchored.get(1), FRI, "10:15", "11:00", 9, 9, false);
        assertBucket(anchored.get(8), FRI, "15:30", "16:00", 6, 6, true);
    }

    @Test
    void fifteenAndThirtyMinuteBucketsTileTheSessionExactly() {
        for (BucketAlignment alignment : BucketAlignment.values()) {
            List<AggregateBar> q = aggregate(fullSession(FRI), "15m", alignment, FRI);
            assertEquals(26, q.size());
            assertBucket(q.get(0), FRI, "09:30", "09:45", 3, 3, false);
            assertBucket(q.get(25), FRI, "15:45", "16:00", 3, 3, false);

            List<AggregateBar> h = aggregate(fullSession(FRI), "30m", alignment, FRI);
            assertEquals(13, h.size());
            assertBucket(h.get(0), FRI, "09:30", "10:00", 6, 6, false);
            assertBucket(h.get(12), FRI, "15:30", "16:00", 6, 6, false);
        }
    }

    @Test
    void oneDayIsTheWholeSessionWhateverItsLength() {
        List<Bar> bars = concat(List.of(fullSession(BLACK_FRIDAY), fullSession(regular("2024-12-02"))));
        Session monday = regular("2024-12-02");
        for (BucketAlignment alignment : BucketAlignment.values()) {
            List<AggregateBar> out = aggregate(bars, "1d", alignment, BLACK_FRIDAY, monday);
            assertEquals(2, out.size());
            assertBucket(out.get(0), BLACK_FRIDAY, "09:30", "13:00", 42, 42, false);
            assertBucket(out.get(1), monday, "09:30", "16:00", 78, 78, false);
        }
    }

    @Test
    void fiveMinutesReturnsEachBarAsABucketOfOne() {
        List<Bar> bars = fullSession(FRI);
        List<AggregateBar> out = aggregate(bars, "5m", BucketAlignment.SESSION_OPEN, FRI);
        assertEquals(78, out.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            AggregateBar a = out.get(i);
            assertEquals(b.start(), a.start());
            assertEquals(b.start().plusSeconds(300), a.end());
            assertEquals(List.of(b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades(), b.vwap()),
                    List.of(a.open(), a.high(), a.low(), a.close(), a.volume(), a.trades(), a.vwap()));
            assertEquals(1, a.bars());
            assertEquals(1, a.expectedBars());
            assertFalse(a.partial());
        }
    }

    @Test
    void aMissingBarLeavesItsBucketShortAndNeverShiftsLaterBuckets() {
        List<Bar> bars = without(fullSession(FRI), FRI, t -> t.equals("10:35"));
        List<AggregateBar> out = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, FRI);
        assertEquals(7, out.size());
        assertBucket(out.get(0), FRI, "09:30", "10:30", 12, 12, false);
        assertBucket(out.get(1), FRI, "10:30", "11:30", 11, 12, false);
        assertEquals(1, out.get(1).missingBars());
        assertBucket(out.get(2), FRI, "11:30", "12:30", 12, 12, false);
        // The bucket after the hole opens with the 11:30 bar, not the one after it.
        assertEquals(bar(FRI, 24).open(), out.get(2).open());
    }

    @Test
    void aBucketWithHolesReportsHowManyBarsItHadAndKeepsItsCalendarBounds() {
        // 10:30 and 11:25 (the bucket's first and last bars) and 11:00 are missing.
        List<Bar> bars = without(fullSession(FRI), FRI, t -> t.equals("10:30") || t.equals("11:00")
                || t.equals("11:25"));
        AggregateBar b = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, FRI).get(1);
        assertBucket(b, FRI, "10:30", "11:30", 9, 12, false);
        assertEquals(bar(FRI, 13).open(), b.open());
        assertEquals(bar(FRI, 22).close(), b.close());
    }

    @Test
    void aBucketWithoutAnyBarIsNotProduced() {
        List<Bar> bars = without(fullSession(FRI), FRI, t -> t.compareTo("11:30") >= 0 && t.compareTo("12:30") < 0);
        List<AggregateBar> out = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, FRI);
        assertEquals(6, out.size());
        assertEquals(at(FRI, "10:30"), out.get(1).start());
        assertEquals(at(FRI, "12:30"), out.get(2).start());
    }

    @Test
    void valuesAreFirstOpenLastCloseExtremeHighLowSummedVolumeAndTradesAndTheLastVwap() {
        List<Bar> bars = fullSession(FRI);
        AggregateBar b = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, FRI).get(1);
        List<Bar> in = bars.subList(12, 24);
        assertEquals(in.get(0).open(), b.open());
        assertEquals(in.get(11).close(), b.close());
        assertEquals(in.stream().mapToLong(Bar::high).max().getAsLong(), b.high());
        assertEquals(in.stream().mapToLong(Bar::low).min().getAsLong(), b.low());
        assertEquals(in.stream().mapToLong(Bar::volume).sum(), b.volume());
        assertEquals(in.stream().mapToLong(Bar::trades).sum(), b.trades());
        assertEquals(in.get(11).vwap(), b.vwap());

        AggregateBar day = aggregate(bars, "1d", BucketAlignment.SESSION_OPEN, FRI).get(0);
        assertEquals(bars.stream().mapToLong(Bar::volume).sum(), day.volume());
        assertEquals(bars.get(77).vwap(), day.vwap());
    }

    @Test
    void extremesMayComeFromAnyBarOfTheBucket() {
        Instant t0 = FRI.open();
        List<Bar> bars = List.of(
                new Bar(t0, 100, 150, 90, 120, 5, 1, 110),
                new Bar(t0.plusSeconds(300), 120, 900, 115, 130, 7, 2, 111),
                new Bar(t0.plusSeconds(600), 130, 140, 20, 125, 9, 3, 112));
        AggregateBar b = aggregate(bars, "15m", BucketAlignment.SESSION_OPEN, FRI).get(0);
        assertEquals(List.of(100L, 900L, 20L, 125L, 21L, 6L, 112L),
                List.of(b.open(), b.high(), b.low(), b.close(), b.volume(), b.trades(), b.vwap()));
    }

    @Test
    void tradesAreUnknownWhenAnyBarsCountIsUnknownAndVwapFollowsTheLastBar() {
        Instant t0 = FRI.open();
        List<Bar> bars = List.of(
                new Bar(t0, 100, 150, 90, 120, 5, 4, 110),
                Bar.of(t0.plusSeconds(300), 120, 130, 115, 125, 7));
        AggregateBar b = aggregate(bars, "15m", BucketAlignment.SESSION_OPEN, FRI).get(0);
        assertEquals(Bar.UNKNOWN, b.trades());
        assertEquals(Bar.UNKNOWN, b.vwap());
        assertEquals(12, b.volume());
    }

    @Test
    void bucketsNeverCrossASessionBoundary() {
        // Friday's short last hour must not take in Monday's opening bars.
        List<Bar> bars = concat(List.of(fullSession(FRI), fullSession(MON)));
        List<AggregateBar> out = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, FRI, MON);
        assertEquals(14, out.size());
        assertBucket(out.get(6), FRI, "15:30", "16:00", 6, 6, true);
        assertBucket(out.get(7), MON, "09:30", "10:30", 12, 12, false);
    }

    @Test
    void bucketsFollowTheNewYorkClockAcrossTheMarchDaylightSavingChange() {
        Session before = regular("2024-03-08");
        Session after = regular("2024-03-11");
        assertEquals(Instant.parse("2024-03-08T14:30:00Z"), before.open());
        assertEquals(Instant.parse("2024-03-11T13:30:00Z"), after.open());
        assertSameShapeOnBothDays(before, after);
    }

    @Test
    void bucketsFollowTheNewYorkClockAcrossTheNovemberDaylightSavingChange() {
        Session before = regular("2024-11-01");
        Session after = regular("2024-11-04");
        assertEquals(Instant.parse("2024-11-01T13:30:00Z"), before.open());
        assertEquals(Instant.parse("2024-11-04T14:30:00Z"), after.open());
        assertSameShapeOnBothDays(before, after);
    }

    private static void assertSameShapeOnBothDays(Session before, Session after) {
        List<Bar> bars = concat(List.of(fullSession(before), fullSession(after)));
        List<AggregateBar> anchored = aggregate(bars, "1h", BucketAlignment.SESSION_OPEN, before, after);
        assertEquals(14, anchored.size());
        List<AggregateBar> clock = aggregate(bars, "1h", BucketAlignment.CLOCK, before, after);
        assertEquals(14, clock.size());
        List<AggregateBar> days = aggregate(bars, "1d", BucketAlignment.SESSION_OPEN, before, after);
        assertEquals(2, days.size());
        for (int d = 0; d < 2; d++) {
            Session s = d == 0 ? before : after;
            assertBucket(anchored.get(d * 7), s, "09:30", "10:30", 12, 12, false);
            assertBucket(anchored.get(d * 7 + 3), s, "12:30", "13:30", 12, 12, false);
            assertBucket(anchored.get(d * 7 + 6), s, "15:30", "16:00", 6, 6, true);
            assertBucket(clock.get(d * 7), s, "09:30", "10:00", 6, 6, true);
            assertBucket(clock.get(d * 7 + 1), s, "10:00", "11:00", 12, 12, false);
            assertBucket(clock.get(d * 7 + 6), s, "15:00", "16:00", 12, 12, false);
            assertBucket(days.get(d), s, "09:30", "16:00", 78, 78, false);
        }
    }

    @Test
    void barsOutsideEverySessionAreSkipped() {
        List<Bar> bars = new ArrayList<>();
        bars.add(Bar.of(at(FRI, "09:00"), 1, 1, 1, 1, 1));
        bars.addAll(fullSession(FRI));
        bars.add(Bar.of(at(FRI, "16:00"), 1, 1, 1, 1, 1));
        bars.add(Bar.of(at(regular("2024-01-06"), "10:00"), 1, 1, 1, 1, 1));
        List<AggregateBar> out = aggregate(bars, "1d", BucketAlignment.SESSION_OPEN, FRI, MON);
        assertEquals(1, out.size());
        assertEquals(78, out.get(0).bars());
        assertEquals(bar(FRI, 0).open(), out.get(0).open());
        assertEquals(bar(FRI, 77).close(), out.get(0).close());
    }

    @Test
    void noBarsGiveNoBuckets() {
        assertTrue(aggregate(List.of(), "1h", BucketAlignment.SESSION_OPEN, FRI).isEmpty());
    }

    @Test
    void unsortedOrDuplicateBarsAreRejected() {
        List<Bar> bars = fullSession(FRI);
        List<Bar> swapped = new ArrayList<>(bars);
        swapped.set(3, bars.get(4));
        swapped.set(4, bars.get(3));
        assertThrows(IllegalArgumentException.class,
                () -> aggregate(swapped, "1h", BucketAlignment.SESSION_OPEN, FRI));
        List<Bar> doubled = new ArrayList<>(bars);
        doubled.add(5, bars.get(5));
        assertThrows(IllegalArgumentException.class,
                () -> aggregate(doubled, "1h", BucketAlignment.SESSION_OPEN, FRI));
    }
}
