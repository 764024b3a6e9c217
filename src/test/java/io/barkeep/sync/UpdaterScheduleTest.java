package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.sync.UpdaterSchedule.PassKind;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The updater's timetable on the real NYSE calendar, walked pass by pass without a clock or sleeping. */
class UpdaterScheduleTest {
    private final UpdaterSchedule schedule = new UpdaterSchedule(NyseCalendar.load(), Duration.ofSeconds(60));

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Session.NEW_YORK).toInstant();
    }

    /** Every pass from {@code from} until {@code until}, as the loop would run them. */
    private List<Planned> walk(Instant from, Instant until) {
        List<Planned> out = new ArrayList<>();
        Instant t = from;
        while (true) {
            Planned p = schedule.next(t);
            if (p.at().isAfter(until)) {
                return out;
            }
            out.add(p);
            // A backfill pass that finds nothing left skips the rest of its window, as UpdaterLoop does.
            t = p.kind() == PassKind.BACKFILL ? schedule.backfillWindowEnd(p.at()) : p.at();
        }
    }

    @Test
    void aNormalDayUpdatesEveryFiveMinutesAMinuteAfterEachBarClosesThenRevisesThenBackfills() {
        // Tuesday 2024-03-12, a regular session.
        List<Planned> day = walk(ny("2024-03-12T09:00:00"), ny("2024-03-12T23:00:00"));
        List<Planned> updates = day.stream().filter(p -> p.kind() == PassKind.UPDATE).toList();
        assertEquals(78, updates.size(), "one pass per bar");
        assertEquals(ny("2024-03-12T09:36:00"), updates.get(0).at(), "after the first bar 09:30-09:35 closes");
        assertEquals(ny("2024-03-12T09:41:00"), updates.get(1).at());
        assertEquals(ny("2024-03-12T16:01:00"), updates.get(77).at(), "after the last bar closes at 16:00");
        assertEquals(new Planned(ny("2024-03-12T16:30:00"), PassKind.REVISION), day.get(78));
        assertEquals(new Planned(ny("2024-03-12T22:00:00"), PassKind.BACKFILL), day.get(79));
        assertEquals(80, day.size());
    }

    @Test
    void anEarlyCloseStopsUpdatingAfterOnePm() {
        // 2024-11-29, the day after Thanksgiving: 09:30-13:00.
        List<Planned> day = walk(ny("2024-11-29T09:00:00"), ny("2024-11-29T21:00:00"));
        List<Planned> updates = day.stream().filter(p -> p.kind() == PassKind.UPDATE).toList();
        assertEquals(42, updates.size());
        assertEquals(ny("2024-11-29T13:01:00"), updates.get(41).at());
        assertEquals(new Planned(ny("2024-11-29T13:30:00"), PassKind.REVISION), day.get(42));
        assertEquals(43, day.size(), "no pass between the revision and the 22:00 backfill");
    }

    @Test
    void aHolidayIsOneLongBackfillWindowWithNoUpdates() {
        // Christmas 2024 (Wednesday): closed.
        Instant start = ny("2024-12-25T10:00:00");
        assertTrue(schedule.inBackfillWindow(start));
        Planned first = schedule.next(start);
        assertEquals(PassKind.BACKFILL, first.kind());
        assertEquals(ny("2024-12-26T09:00:00"), schedule.backfillWindowEnd(start), "until the next session day");
        List<Planned> rest = walk(start, ny("2024-12-26T09:40:00"));
        assertEquals(List.of(PassKind.BACKFILL, PassKind.UPDATE), rest.stream().map(Planned::kind).toList());
        assertEquals(ny("2024-12-26T09:36:00"), rest.get(1).at());
    }

    @Test
    void aWeekendBackfillsFromFridayNightUntilMondayMorning() {
        Instant friday = ny("2024-03-08T22:30:00");
        assertTrue(schedule.inBackfillWindow(friday));
        assertEquals(ny("2024-03-11T09:00:00"), schedule.backfillWindowEnd(friday));
        assertTrue(schedule.inBackfillWindow(ny("2024-03-09T12:00:00")), "Saturday noon");
        assertFalse(schedule.inBackfillWindow(ny("2024-03-11T09:15:00")), "Monday before the open");
        // Monday 2024-03-11 is the first session after the clock change: 09:36 New York is 13:36Z.
        assertEquals(new Planned(Instant.parse("2024-03-11T13:36:00Z"), PassKind.UPDATE),
                schedule.next(ny("2024-03-11T09:00:00")));
    }

    @Test
    void theVendorDelayIsASetting() {
        UpdaterSchedule slow = new UpdaterSchedule(NyseCalendar.load(), Duration.ofMinutes(15));
        assertEquals(ny("2024-03-12T09:50:00"), slow.next(ny("2024-03-12T09:31:00")).at());
    }

    @Test
    void beforeNineOnASessionDayIsStillTheNightsBackfillWindow() {
        Instant early = ny("2024-03-12T06:00:00");
        assertEquals(PassKind.BACKFILL, schedule.next(early).kind());
        assertEquals(ny("2024-03-12T09:00:00"), schedule.backfillWindowEnd(early));
    }
}
