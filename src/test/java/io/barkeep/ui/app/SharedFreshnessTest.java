package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.Session;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.common.SameThreadUiExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one freshness report the dashboard, freshness and watchlist views share, on a real cache filled by the
 * simulated feed: reused while nothing changed, computed afresh after a write of this app, after another
 * program's write to the file, and when the clock enters the next 5-minute bar.
 */
class SharedFreshnessTest {
    @TempDir
    Path dir;
    private final MovableClock clock = new MovableClock(ny("2024-06-05T10:07:00"));
    private AppServices services;

    @BeforeEach
    void start() {
        services = new AppServices(dir, Settings.defaults(), new SameThreadUiExecutor(), clock);
        services.start().join();
        services.data().backfill(List.of("AAPL"), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 6, 5),
                SyncProgress.NONE, Cancellation.none());
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void theViewsShareOneReportWhileNothingChanges() {
        List<Freshness> first = services.freshness().all();
        assertSame(first, services.freshness().all(), "the second view reuses the first one's report");
        assertEquals(services.engine().freshness().computeAll(), first, "and it is the service's report");
        assertTrue(services.freshness().bySymbol().get("AAPL").barCount() > 78 * 10, "AAPL's bars are counted");
    }

    @Test
    void aBackfillOfThisAppMakesTheNextReportNew() {
        List<Freshness> before = services.freshness().all();
        assertEquals(null, services.freshness().bySymbol().get("MSFT"));

        services.data().backfill(List.of("MSFT"), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 5),
                SyncProgress.NONE, Cancellation.none());

        List<Freshness> after = services.freshness().all();
        assertNotSame(before, after);
        Map<String, Freshness> bySymbol = services.freshness().bySymbol();
        assertTrue(bySymbol.get("MSFT").barCount() > 78 * 2, "MSFT's new bars: " + bySymbol.get("MSFT"));
        assertEquals(before.get(0), bySymbol.get("AAPL"), "AAPL unchanged");
    }

    @Test
    void aWatchlistEditIsAWriteToo() {
        services.freshness().all();
        services.engine().watchlist().add("NVDA", 0, null, clock.instant());
        assertTrue(services.freshness().bySymbol().containsKey("NVDA"), "a watched symbol is in the report");
    }

    @Test
    void anotherProgramsWriteToTheFileMakesTheNextReportNew() throws Exception {
        services.freshness().all();
        Path file = services.engine().database().file();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO watchlist (symbol, added_at) VALUES ('OTHER', 0)");
        }
        assertTrue(services.freshness().bySymbol().containsKey("OTHER"), "the other program's symbol is seen");
    }

    @Test
    void theNextFiveMinuteBarMakesTheNextReportNew() {
        List<Freshness> at1007 = services.freshness().all();
        clock.set(ny("2024-06-05T10:09:59"));
        assertSame(at1007, services.freshness().all(), "the same bar of the clock");
        clock.set(ny("2024-06-05T10:10:00"));
        List<Freshness> at1010 = services.freshness().all();
        assertNotSame(at1007, at1010);
        assertEquals(services.engine().freshness().computeAll(), at1010);
    }

    private static Instant ny(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), Session.NEW_YORK).toInstant();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant next) {
            now = next;
        }

        @Override
        public ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
