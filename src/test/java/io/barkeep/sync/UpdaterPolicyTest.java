package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.sync.UpdaterSchedule.PassKind;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * What the updater does next, on the real NYSE calendar of March 2024 (Monday 11th to Monday 18th, all regular
 * sessions; the 16th and 17th a weekend). Every expectation is a concrete New York time read off that calendar.
 */
class UpdaterPolicyTest {
    private final UpdaterPolicy policy = new UpdaterPolicy(new UpdaterSchedule(NyseCalendar.load(),
            Duration.ofSeconds(60)));

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Session.NEW_YORK).toInstant();
    }

    private static Planned backfill(String at) {
        return new Planned(ny(at), PassKind.BACKFILL);
    }

    @Test
    void anIdleSaturdayIsOnePassAnHourNotOneASecond() {
        assertEquals(backfill("2024-03-16T12:00:01"), policy.first(ny("2024-03-16T12:00:00")));
        assertEquals(backfill("2024-03-16T13:00:03"),
                policy.afterSuccess(backfill("2024-03-16T12:00:01"), false, ny("2024-03-16T12:00:03")));
    }

    @Test
    void anIdleWeekdayNightRechecksHourlyThenUpdatesAfterTheOpen() {
        assertEquals(backfill("2024-03-13T03:00:01"), policy.first(ny("2024-03-13T03:00:00")));
        assertEquals(backfill("2024-03-13T04:00:02"),
                policy.afterSuccess(backfill("2024-03-13T03:00:01"), false, ny("2024-03-13T03:00:02")));
        // 08:30 + 1 h is past the 09:00 end of the window: the next pass is the first update, 09:35 + 60 s.
        assertEquals(new Planned(ny("2024-03-13T09:36:00"), PassKind.UPDATE),
                policy.afterSuccess(backfill("2024-03-13T07:30:00"), false, ny("2024-03-13T08:30:00")));
    }

    @Test
    void aSundayMorningIsStillInsideTheWeekendWindow() {
        assertEquals(backfill("2024-03-17T09:30:00"),
                policy.afterSuccess(backfill("2024-03-17T08:30:00"), false, ny("2024-03-17T08:30:00")));
    }

    @Test
    void aBackfillPassStoppedAtItsBudgetIsFollowedAtOnce() {
        assertEquals(backfill("2024-03-16T12:04:10"),
                policy.afterSuccess(backfill("2024-03-16T12:00:01"), true, ny("2024-03-16T12:04:10")));
    }

    @Test
    void theSessionUpdatesEveryBarThenRevisesThenBackfillsAtTen() {
        assertEquals(new Planned(ny("2024-03-12T16:01:00"), PassKind.UPDATE), policy.afterSuccess(
                new Planned(ny("2024-03-12T15:56:00"), PassKind.UPDATE), false, ny("2024-03-12T15:56:04")));
        assertEquals(new Planned(ny("2024-03-12T16:30:00"), PassKind.REVISION), policy.afterSuccess(
                new Planned(ny("2024-03-12T16:01:00"), PassKind.UPDATE), false, ny("2024-03-12T16:01:03")));
        assertEquals(backfill("2024-03-12T22:00:00"), policy.afterSuccess(
                new Planned(ny("2024-03-12T16:30:00"), PassKind.REVISION), false, ny("2024-03-12T16:30:20")));
    }

    @Test
    void aFailedPassIsTriedAgainAMinuteLater() {
        assertEquals(new Planned(ny("2024-03-12T10:02:05"), PassKind.UPDATE),
                policy.afterFailure(new Planned(ny("2024-03-12T10:01:00"), PassKind.UPDATE),
                        ny("2024-03-12T10:01:05")));
        assertEquals(backfill("2024-03-16T12:01:30"),
                policy.afterFailure(backfill("2024-03-16T12:00:01"), ny("2024-03-16T12:00:30")));
    }

    @Test
    void aBackfillFailingAtTheEndOfTheNightGivesWayToTheSession() {
        assertEquals(new Planned(ny("2024-03-18T09:36:00"), PassKind.UPDATE),
                policy.afterFailure(backfill("2024-03-18T08:59:00"), ny("2024-03-18T08:59:30")));
    }
}
