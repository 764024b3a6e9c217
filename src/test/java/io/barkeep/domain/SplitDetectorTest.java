package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.SplitDetector.SuspectedSplit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Overnight jumps near a common split ratio are suspected; ordinary gaps and known splits are not. */
class SplitDetectorTest {
    private static final Session FRI = TestSessions.regular("2024-06-07");
    private static final Session MON = TestSessions.regular("2024-06-10");

    private static List<Bar> closeThenOpen(long close, long open) {
        return List.of(Bar.of(FRI.open(), close, close, close, close, 10), Bar.of(MON.open(), open, open, open, open, 10));
    }

    @Test
    void anUnknownTenForOneJumpIsSuspected() {
        List<SuspectedSplit> s = SplitDetector.scan("NVDA", closeThenOpen(1_200_000, 121_000), Set.of());
        assertEquals(1, s.size());
        assertEquals(10, s.get(0).splitNew());
        assertEquals(1, s.get(0).splitOld());
        assertEquals("NVDA 2024-06-10 opened at 0.101x the previous close: a 10:1 split?", s.get(0).message());
    }

    @Test
    void anOrdinaryEightPercentGapIsNot() {
        assertTrue(SplitDetector.scan("X", closeThenOpen(1_000_000, 1_080_000), Set.of()).isEmpty());
        assertTrue(SplitDetector.scan("X", closeThenOpen(1_000_000, 920_000), Set.of()).isEmpty());
    }

    @Test
    void aReverseJumpIsSuspectedAsOneForTen() {
        List<SuspectedSplit> s = SplitDetector.scan("X", closeThenOpen(10_000, 99_000), Set.of());
        assertEquals(List.of(1, 10), List.of(s.get(0).splitNew(), s.get(0).splitOld()));
    }

    @Test
    void aKnownSplitExplainsItsJump() {
        assertTrue(SplitDetector.scan("NVDA", closeThenOpen(1_200_000, 121_000), Set.of(MON.date())).isEmpty());
    }
}
