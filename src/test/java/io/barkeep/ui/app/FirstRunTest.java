package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.WatchlistEntry;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample watchlist is for an empty database only: somebody's cache never gets sample symbols. */
class FirstRunTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    Path folder;
    private AppServices services;

    @BeforeEach
    void open() {
        services = new AppServices(folder, Settings.defaults(), new SameThreadUiExecutor(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
    }

    @AfterEach
    void close() {
        services.jobs().awaitIdle();
        services.close();
    }

    @Test
    void aDatabaseWithBarsButNoWatchlistGetsNoSampleSymbols() {
        services.data().backfill(List.of("IBM", "XOM"), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 15),
                SyncProgress.NONE, io.barkeep.source.Cancellation.none());
        assertTrue(services.engine().watchlist().list().isEmpty(), "a backfill alone watches nothing");

        UiState state = new UiState();
        assertFalse(new FirstRun(services, state).seed().join());
        assertEquals(List.of(), services.engine().watchlist().list());
        assertEquals(0, state.dataVersionProperty().get(), "nothing changed: the views on screen are not read again");
    }

    @Test
    void anEmptyDatabaseGetsTheSample() {
        UiState state = new UiState();
        assertTrue(new FirstRun(services, state).seed().join());
        assertTrue(state.dataVersionProperty().get() > 0, "the views show the sample");
        assertEquals(FirstRun.SAMPLE, services.engine().watchlist().list().stream().map(WatchlistEntry::symbol)
                .sorted().toList());
    }
}
