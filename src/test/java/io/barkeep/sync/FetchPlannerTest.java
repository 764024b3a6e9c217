package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.GapDetector;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.GapReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From holes to vendor requests: merged runs, month-sized at most, the latest sessions one day at a time. */
class FetchPlannerTest {
    private final TradingCalendar calendar = NyseCalendar.load();
    private final FetchPlanner planner = new FetchPlanner(calendar);

    private GapReport report(LocalDate from, LocalDate to, List<LocalDate> complete, Map<LocalDate, Instant> fetched) {
        List<SessionCoverage> sessions = new ArrayList<>();
        for (Session s : calendar.sessions(from, to)) {
            sessions.add(complete.contains(s.date()) ? GapDetector.complete(s, s.expectedBars(), 0)
                    : GapDetector.wholeMissing(s));
        }
        return new GapReport("AAPL", from, to, calendar.version(), sessions, GapDetector.merge(sessions), fetched);
    }

    private static FetchRequest req(String from, String to) {
        return new FetchRequest("AAPL", LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void missingSessionsAcrossTwoMonthsBecomeOneRequestPerMonth() {
        GapReport r = report(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 20), List.of(), Map.of());
        List<FetchRequest> plan = planner.plan(r, Instant.parse("2024-06-01T00:00:00Z"), Duration.ZERO);
        assertEquals(List.of(req("2024-01-10", "2024-01-31"), req("2024-02-01", "2024-02-20")), plan);
    }

    @Test
    void aCompleteSessionBreaksTheRunAndHolidaysDoNot() {
        // 2024-01-15 is Martin Luther King Jr. Day: closed, so 01-12 and 01-16 are consecutive sessions.
        GapReport r = report(LocalDate.of(2024, 1, 11), LocalDate.of(2024, 1, 19),
                List.of(LocalDate.of(2024, 1, 17)), Map.of());
        List<FetchRequest> plan = planner.plan(r, Instant.parse("2024-06-01T00:00:00Z"), Duration.ZERO);
        assertEquals(List.of(req("2024-01-11", "2024-01-16"), req("2024-01-18", "2024-01-19")), plan);
    }

    @Test
    void theLatestSessionsAreAskedOneDayAtATime() {
        GapReport r = report(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 8), List.of(), Map.of());
        Instant fridayAfternoon = Instant.parse("2024-03-08T18:00:00Z");
        List<FetchRequest> plan = planner.plan(r, fridayAfternoon, Duration.ZERO);
        assertEquals(List.of(req("2024-03-04", "2024-03-06"), req("2024-03-07", "2024-03-07"),
                req("2024-03-08", "2024-03-08")), plan);
    }

    @Test
    void aSettledSessionTheVendorAnsweredRecentlyIsNotAskedAgainByReads() {
        LocalDate day = LocalDate.of(2024, 1, 10);
        Instant answered = calendar.session(day).orElseThrow().close().plus(Duration.ofHours(2));
        GapReport r = report(day, day, List.of(), Map.of(day, answered));
        assertEquals(List.of(), planner.plan(r, answered.plusSeconds(60), Duration.ofDays(1)));
        assertEquals(List.of(req("2024-01-10", "2024-01-10")), planner.plan(r, answered.plus(Duration.ofDays(2)),
                Duration.ofDays(1)));
        assertEquals(List.of(req("2024-01-10", "2024-01-10")), planner.plan(r, answered.plusSeconds(60),
                Duration.ZERO), "an explicit backfill asks again");
    }

    @Test
    void aTooLargeRequestSplitsInHalvesBySessionsDownToDays() {
        List<FetchRequest> halves = planner.split(req("2024-01-02", "2024-01-31"));
        assertEquals(List.of(req("2024-01-02", "2024-01-16"), req("2024-01-17", "2024-01-31")), halves);
        assertEquals(List.of(req("2024-01-02", "2024-01-02")), planner.split(req("2024-01-02", "2024-01-02")));
    }
}
