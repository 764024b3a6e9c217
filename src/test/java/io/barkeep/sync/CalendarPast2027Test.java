package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.simulated.SimulatedSource;
import io.barkeep.store.BarBatch;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.DbLocation;
import io.barkeep.store.GapService.GapReport;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process running in 2029, past the data file's last date (2027-12-31): the calendar it loads must know the
 * sessions, the engine must store and judge them, and the updater must fetch them, recording the rules' version.
 */
class CalendarPast2027Test {
    /** Monday 2029-04-02, 17:00 New York: the session has closed; Good Friday 2029 was March 30. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2029-04-02T21:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MONDAY = LocalDate.of(2029, 4, 2);
    private static final LocalDate GOOD_FRIDAY = LocalDate.of(2029, 3, 30);
    private static final LocalDate THURSDAY = LocalDate.of(2029, 3, 29);

    @TempDir
    Path dir;
    private TradingCalendar calendar;
    private DbLocation location;
    private CacheEngine engine;
    private SimulatedSource source;

    @BeforeEach
    void open() {
        calendar = NyseCalendar.current(CLOCK);
        location = TestDatabases.location(dir, "demo.db");
        engine = CacheEngine.open(location, calendar, 0, CLOCK);
        source = new SimulatedSource(calendar, CLOCK, SimulatedSource.Options.defaults().withOutageRate(0));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theProcessCalendarReachesThroughNextYearAndSaysItUsesTheRules() {
        assertEquals("nyse-2026.1+rules-2030", calendar.version());
        assertEquals(LocalDate.of(2030, 12, 31), calendar.lastDate());
        assertTrue(calendar.session(MONDAY).isPresent());
        assertFalse(calendar.session(GOOD_FRIDAY).isPresent(), "Good Friday 2029 is closed");
    }

    @Test
    void theEngineStoresA2029SessionAndItsGapReportNamesTheRulesVersion() throws Exception {
        Session monday = calendar.session(MONDAY).orElseThrow();
        SourceAnswer answer = source.fetch("AAPL", MONDAY, MONDAY);
        assertFalse(answer.bars().isEmpty(), "the simulated feed trades on a 2029 session");

        engine.bars().write(new BarBatch("AAPL", monday.open(), monday.close(), answer.bars(), answer.empties(),
                true));
        GapReport report = engine.gaps().report("AAPL", THURSDAY, MONDAY);

        assertEquals("nyse-2026.1+rules-2030", report.calendarVersion());
        assertEquals(List.of(THURSDAY, MONDAY), report.sessions().stream().map(s -> s.session().date()).toList(),
                "Thursday and Monday, not Good Friday");
        assertEquals(1, report.missing().size(), "only Thursday is missing: " + report.missing());
        assertEquals(monday.expectedBars(), answer.bars().size() + answer.empties().size());
        assertEquals(Set.of("nyse-2026.1+rules-2030"), recordedCalendarVersions());
    }

    @Test
    void anUpdaterPassIn2029FetchesTheLatestSessionsOfTheWatchlist() throws Exception {
        MarketData data = new MarketData(engine, source, 2, d -> { });
        engine.watchlist().add("MSFT", 0, null, CLOCK.instant());

        Updater.PassResult pass = new Updater(data, 1095).update(io.barkeep.source.Cancellation.none());

        assertTrue(pass.sync().complete(), pass.sync().failures().toString());
        assertTrue(pass.sync().barsWritten() > 0, "bars were fetched and written: " + pass.sync());
        GapReport report = engine.gaps().report("MSFT", THURSDAY, MONDAY);
        assertEquals(List.of(), report.missing());
        assertEquals(2, report.sessions().size());
        assertEquals(Set.of("nyse-2026.1+rules-2030"), recordedCalendarVersions());
    }

    /** The calendar versions the coverage ledger recorded with its verdicts, read beside the engine. */
    private Set<String> recordedCalendarVersions() throws Exception {
        Set<String> versions = new HashSet<>();
        try (Connection c = DriverManager.getConnection(location.jdbcUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT calendar_version FROM session_coverage")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        assertFalse(versions.isEmpty(), "the ledger recorded verdicts");
        return versions;
    }
}
