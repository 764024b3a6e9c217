package io.barkeep.domain;

import static io.barkeep.domain.TestSessions.at;
import static io.barkeep.domain.TestSessions.earlyClose;
import static io.barkeep.domain.TestSessions.regular;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GapDetectorTest {
    private static final Session MON = regular("2024-01-08");
    private static final long[] NONE = {};

    /** Starts of the session's bars with index in [from, to). */
    private static LongStream slots(Session s, int from, int to) {
        long open = s.open().getEpochSecond();
        return LongStream.range(from, to).map(k -> open + k * Session.BAR_SECONDS);
    }

    private static long[] allBut(Session s, int... missingIndexes) {
        Set<Integer> missing = IntStream.of(missingIndexes).boxed()
                .collect(Collectors.toSet());
        return IntStream.range(0, s.expectedBars()).filter(k -> !missing.contains(k))
                .mapToLong(k -> s.open().getEpochSecond() + (long) k * Session.BAR_SECONDS).toArray();
    }

    @Test
    void aSessionWithEveryBarIsComplete() {
        SessionCoverage c = GapDetector.coverage(MON, slots(MON, 0, 78).toArray(), NONE);
        assertEquals(78, c.expected());
        assertEquals(78, c.held());
        assertEquals(0, c.vendorEmpty());
        assertTrue(c.missing().isEmpty());
        assertTrue(c.isComplete());
        assertEquals(CoverageState.COMPLETE, c.state());
        assertEquals(0, c.missingBars());
    }

    @Test
    void contiguousMissingBarsInsideASessionMergeIntoOneRangeEach() {
        // 10:00, 10:05, 10:10 missing (indexes 6-8), then 15:50, 15:55 (76, 77).
        SessionCoverage c = GapDetector.coverage(MON, allBut(MON, 6, 7, 8, 76, 77), NONE);
        assertEquals(CoverageState.PARTIAL, c.state());
        assertFalse(c.isComplete());
        assertEquals(73, c.held());
        assertEquals(5, c.missingBars());
        assertEquals(List.of(
                new MissingRange(at(MON, "10:00"), at(MON, "10:15"), MON.date(), MON.date(), 3),
                new MissingRange(at(MON, "15:50"), MON.close(), MON.date(), MON.date(), 2)), c.missing());
    }

    @Test
    void aHoleAtTheOpenStartsAtTheOpen() {
        SessionCoverage c = GapDetector.coverage(MON, slots(MON, 2, 78).toArray(), NONE);
        assertEquals(List.of(new MissingRange(MON.open(), at(MON, "09:40"), MON.date(), MON.date(), 2)),
                c.missing());
    }

    @Test
    void vendorEmptyBarsAreCoveredNotMissing() {
        long[] empty = {at(MON, "12:00").getEpochSecond(), at(MON, "12:05").getEpochSecond()};
        SessionCoverage c = GapDetector.coverage(MON, allBut(MON, 30, 31), empty);
        assertEquals(76, c.held());
        assertEquals(2, c.vendorEmpty());
        assertTrue(c.missing().isEmpty());
        assertEquals(CoverageState.COMPLETE, c.state());
    }

    @Test
    void aSessionTheVendorConfirmedWhollyEmptyIsComplete() {
        SessionCoverage c = GapDetector.coverage(MON, NONE, slots(MON, 0, 78).toArray());
        assertEquals(CoverageState.COMPLETE, c.state());
        assertEquals(78, c.vendorEmpty());
    }

    @Test
    void aSessionWithNothingHeldIsMissingAsOneRangeOpenToClose() {
        SessionCoverage c = GapDetector.coverage(MON, NONE, NONE);
        assertEquals(CoverageState.MISSING, c.state());
        assertEquals(List.of(new MissingRange(MON.open(), MON.close(), MON.date(), MON.date(), 78)), c.missing());
        assertEquals(c, GapDetector.wholeMissing(MON));
    }

    @Test
    void startsOutsideTheSessionOrOffItsGridAreIgnored() {
        long open = MON.open().getEpochSecond();
        long[] held = LongStream.concat(LongStream.of(open - 300, open + 1),
                LongStream.concat(slots(MON, 1, 78), LongStream.of(MON.close().getEpochSecond()))).toArray();
        SessionCoverage c = GapDetector.coverage(MON, held, NONE);
        assertEquals(77, c.held());
        assertEquals(List.of(new MissingRange(MON.open(), at(MON, "09:35"), MON.date(), MON.date(), 1)),
                c.missing());
    }

    @Test
    void anEarlyCloseExpectsFortyTwoBarsAndEndsItsRangesAtOneOClock() {
        Session blackFriday = earlyClose("2024-11-29");
        SessionCoverage c = GapDetector.coverage(blackFriday, slots(blackFriday, 0, 40).toArray(), NONE);
        assertEquals(42, c.expected());
        assertEquals(List.of(new MissingRange(at(blackFriday, "12:50"), at(blackFriday, "13:00"),
                blackFriday.date(), blackFriday.date(), 2)), c.missing());
        assertEquals(42, GapDetector.wholeMissing(blackFriday).missingBars());
        assertEquals(CoverageState.COMPLETE, GapDetector.complete(blackFriday, 40, 2).state());
    }

    @Test
    void theLedgerFastPathsNeedNoTimestamps() {
        SessionCoverage c = GapDetector.complete(MON, 75, 3);
        assertEquals(new SessionCoverage(MON, 78, 75, 3, List.of()), c);
        assertThrows(IllegalArgumentException.class, () -> GapDetector.complete(MON, 70, 3));
        SessionCoverage m = GapDetector.wholeMissing(MON);
        assertEquals(CoverageState.MISSING, m.state());
        assertEquals(78, m.missingBars());
    }

    @Test
    void wholeMissingSessionsMergeIntoOneRangeAcrossTheWeekend() {
        List<Session> week = List.of(regular("2024-01-04"), regular("2024-01-05"), MON, regular("2024-01-09"),
                regular("2024-01-10"));
        List<SessionCoverage> coverages = week.stream().map(GapDetector::wholeMissing).toList();
        List<MissingRange> merged = GapDetector.merge(coverages);
        assertEquals(List.of(new MissingRange(week.get(0).open(), week.get(4).close(), LocalDate.parse("2024-01-04"),
                LocalDate.parse("2024-01-10"), 5 * 78)), merged);
        assertTrue(merged.get(0).spansSessions());
    }

    @Test
    void rangesMergeOnlyWhenOneReachesTheCloseAndTheNextStartsAtTheNextOpen() {
        Session thu = regular("2024-01-04");
        Session fri = regular("2024-01-05");
        Session tue = regular("2024-01-09");
        Session wed = regular("2024-01-10");
        List<SessionCoverage> coverages = List.of(
                GapDetector.coverage(thu, slots(thu, 0, 70).toArray(), NONE),      // 15:20-16:00 missing
                GapDetector.coverage(fri, slots(fri, 3, 78).toArray(), NONE),      // 09:30-09:45 missing
                GapDetector.complete(MON, 78, 0),                                  // nothing to bridge
                GapDetector.coverage(tue, slots(tue, 0, 77).toArray(), NONE),      // 15:55-16:00 missing
                GapDetector.coverage(wed, slots(wed, 1, 78).toArray(), slots(wed, 0, 1).toArray())); // open empty
        assertEquals(List.of(
                new MissingRange(at(thu, "15:20"), at(fri, "09:45"), thu.date(), fri.date(), 11),
                new MissingRange(at(tue, "15:55"), tue.close(), tue.date(), tue.date(), 1)),
                GapDetector.merge(coverages));
    }

    @Test
    void aRangeEndingBeforeTheCloseIsNotJoinedWithTheNextSession() {
        Session fri = regular("2024-01-05");
        List<SessionCoverage> coverages = List.of(
                GapDetector.coverage(fri, allBut(fri, 76), NONE),
                GapDetector.wholeMissing(MON));
        assertEquals(2, GapDetector.merge(coverages).size());
    }

    @Test
    void holesInsideOneSessionStaySeparateWhenMerging() {
        SessionCoverage c = GapDetector.coverage(MON, allBut(MON, 0, 10, 77), NONE);
        assertEquals(c.missing(), GapDetector.merge(List.of(c)));
    }

    @Test
    void mergeRejectsCoveragesOutOfDateOrder() {
        List<SessionCoverage> coverages = List.of(GapDetector.wholeMissing(MON),
                GapDetector.wholeMissing(regular("2024-01-05")));
        assertThrows(IllegalArgumentException.class, () -> GapDetector.merge(coverages));
    }
}
