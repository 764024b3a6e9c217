package io.barkeep.ui.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Lag in 5-minute bars behind the last closed bar, on the real NYSE calendar at fixed instants. */
class FreshnessLagTest {
    private static final TradingCalendar NYSE = NyseCalendar.load();

    private static Instant ny(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), Session.NEW_YORK).toInstant();
    }

    private static long lag(String newestBar, String now) {
        FreshnessLag.Reference ref = FreshnessLag.reference(NYSE, ny(now)).orElseThrow();
        return FreshnessLag.barsBehind(NYSE, ny(newestBar), ref.lastClosedBar());
    }

    @Test
    void inASessionTheReferenceIsTheLastBarThatHasEnded() {
        // Wednesday 10:07: the 10:00 bar ended at 10:05, the 10:05 bar is still running.
        FreshnessLag.Reference ref = FreshnessLag.reference(NYSE, ny("2024-06-05T10:07:00")).orElseThrow();
        assertEquals(ny("2024-06-05T10:00:00"), ref.lastClosedBar());
        assertTrue(ref.inSession());
        assertEquals(0, lag("2024-06-05T10:00:00", "2024-06-05T10:07:00"));
        assertEquals(2, lag("2024-06-05T09:50:00", "2024-06-05T10:07:00"));
    }

    @Test
    void lagCountsAcrossTheOvernightToTheOpeningBars() {
        // Tuesday's last bar, Wednesday 10:07: 09:30 .. 10:00 are 7 bars.
        assertEquals(7, lag("2024-06-04T15:55:00", "2024-06-05T10:07:00"));
    }

    @Test
    void beforeTheOpeningBarEndsTheReferenceIsThePreviousClose() {
        FreshnessLag.Reference ref = FreshnessLag.reference(NYSE, ny("2024-06-05T09:32:00")).orElseThrow();
        assertEquals(ny("2024-06-04T15:55:00"), ref.lastClosedBar());
        assertEquals(0, lag("2024-06-04T15:55:00", "2024-06-05T09:32:00"));
    }

    @Test
    void afterTheCloseTheReferenceIsTheSessionsLastBar() {
        FreshnessLag.Reference ref = FreshnessLag.reference(NYSE, ny("2024-06-05T16:30:00")).orElseThrow();
        assertEquals(ny("2024-06-05T15:55:00"), ref.lastClosedBar());
        assertFalse(ref.inSession());
        assertEquals(11, lag("2024-06-05T15:00:00", "2024-06-05T16:30:00"));
        assertEquals(0, lag("2024-06-05T15:55:00", "2024-06-05T16:30:00"));
    }

    @Test
    void onAWeekendTheReferenceIsFridaysClose() {
        String saturday = "2024-06-08T12:00:00";
        assertEquals(ny("2024-06-07T15:55:00"), FreshnessLag.reference(NYSE, ny(saturday)).orElseThrow()
                .lastClosedBar());
        assertEquals(0, lag("2024-06-07T15:55:00", saturday));
        assertEquals(47, lag("2024-06-07T12:00:00", saturday));
        assertEquals(78, lag("2024-06-06T15:55:00", saturday), "one whole session behind");
        assertEquals(0, lag("2024-06-07T15:55:00", "2024-06-10T08:00:00"), "Monday before the open");
    }

    @Test
    void earlyClosesAndHolidaysFollowTheCalendar() {
        // 2024-07-03 closed at 13:00 (42 bars); 2024-07-04 was a holiday.
        assertEquals(ny("2024-07-03T12:55:00"), FreshnessLag.reference(NYSE, ny("2024-07-04T12:00:00"))
                .orElseThrow().lastClosedBar());
        assertEquals(42, lag("2024-07-02T15:55:00", "2024-07-04T12:00:00"));
        assertEquals(42 + 7, lag("2024-07-02T15:55:00", "2024-07-05T10:07:00"));
    }

    @Test
    void aBarNewerThanTheReferenceIsNotBehind() {
        assertEquals(0, FreshnessLag.barsBehind(NYSE, ny("2024-06-05T10:05:00"), ny("2024-06-05T10:00:00")));
    }
}
