package io.barkeep.ui.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Session;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.freshness.Thresholds.Level;
import io.barkeep.ui.freshness.Thresholds.State;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The freshness rows from a real cache filled by the simulated feed, with the lag measured at clocks the test
 * sets: in a session right after an update, later in the same session with no update, and on the weekend.
 */
class FreshnessViewModelTest {
    @TempDir
    Path dir;
    private final SettableClock clock = new SettableClock(ny("2024-06-05T10:07:00"));
    private AppServices services;
    private UiState state;
    private FreshnessViewModel model;

    @BeforeEach
    void start() {
        services = new AppServices(dir, Settings.defaults(), new SameThreadUiExecutor(), clock);
        services.start().join();
        services.data().backfill(List.of("AAPL"), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 6, 5),
                SyncProgress.NONE, Cancellation.none());
        services.engine().watchlist().add("MSFT", 0, null, clock.instant());
        state = new UiState();
        model = new FreshnessViewModel(services, state);
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private static Instant ny(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), Session.NEW_YORK).toInstant();
    }

    private FreshnessRow row(String symbol) {
        return model.rows().stream().filter(r -> r.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    @Test
    void rightAfterAnUpdateInASessionNothingLags() {
        model.reload();
        FreshnessRow aapl = row("AAPL");
        assertEquals(ny("2024-06-05T10:00:00"), aapl.newestBar(), "the last bar that has ended");
        assertEquals(0L, aapl.lag());
        assertEquals(Level.OK, aapl.lagLevel());
        assertEquals(aapl.gaps() > 0 ? State.GAPS : State.OK, aapl.state());
        assertTrue(aapl.bars() > 78 * 10, "about twelve sessions held: " + aapl.bars());
        assertTrue(model.referenceProperty().get().inSession());
        assertFalse(model.loadingProperty().get());
    }

    @Test
    void aSymbolOnlyOnTheWatchlistIsEmpty() {
        model.reload();
        FreshnessRow msft = row("MSFT");
        assertEquals(State.EMPTY, msft.state());
        assertNull(msft.lag());
        assertNull(msft.coverage());
        assertEquals(0L, msft.bars());
        assertEquals(1, model.countsProperty().get().get(State.EMPTY));
    }

    @Test
    void withoutUpdatesTheLagGrowsAndTurnsRed() {
        clock.set(ny("2024-06-05T10:22:00"));
        model.reload();
        assertEquals(3L, row("AAPL").lag(), "10:05, 10:10, 10:15");
        assertEquals(Level.AMBER, row("AAPL").lagLevel());
        assertEquals(State.STALE, row("AAPL").state());

        clock.set(ny("2024-06-05T11:32:00"));
        state.dataChanged();
        assertEquals(17L, row("AAPL").lag(), "10:05 .. 11:25");
        assertEquals(Level.RED, row("AAPL").lagLevel());
    }

    @Test
    void onTheWeekendLagCountsToFridaysClose() {
        clock.set(ny("2024-06-08T12:00:00"));
        model.reload();
        assertFalse(model.referenceProperty().get().inSession());
        assertEquals(ny("2024-06-07T15:55:00"), model.referenceProperty().get().lastClosedBar());
        assertEquals(71L + 78 + 78, row("AAPL").lag(), "rest of Wednesday, Thursday and Friday");
    }

    @Test
    void aFullyBackfilledWeekIsCurrentOnTheWeekend() {
        clock.set(ny("2024-06-08T12:00:00"));
        services.data().backfill(List.of("AAPL"), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 7),
                SyncProgress.NONE, Cancellation.none());
        model.reload();
        FreshnessRow aapl = row("AAPL");
        assertEquals(0L, aapl.lag());
        assertEquals(ny("2024-06-07T15:55:00"), aapl.newestBar());
        assertTrue(aapl.state() == State.OK || aapl.state() == State.GAPS, "not stale: " + aapl.state());
    }

    /** A clock the test moves by hand. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
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
