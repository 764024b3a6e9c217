package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.PoolUiExecutor;
import io.barkeep.ui.common.SameThreadUiExecutor;
import io.barkeep.ui.common.UiExecutor;
import io.barkeep.ui.common.UiState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chart whose source cannot fetch says so, in the app's terms, instead of "fetching" for good: a terminal that
 * is not running (a real closed port) at once, one that never answers (a real socket that takes the request and
 * stays silent) after the chart's readiness wait.
 */
class ChartFetchFailureTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-15T22:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;
    private AppServices services;
    private UiState state;
    private ChartViewModel model;
    private PoolUiExecutor pool;

    @AfterEach
    void close() {
        services.close();
        if (pool != null) {
            pool.close();
        }
    }

    private void open(String url, UiExecutor ui) {
        Settings d = Settings.defaults();
        services = new AppServices(home, new Settings(Sources.THETA, url, d.thetaConcurrency(),
                d.vendorDelaySeconds(), null, d.retainDays(), d.backupKeep(), d.cacheMb()), ui, CLOCK);
        services.start().join();
        services.engine().watchlist().add("AAPL", 1, null, CLOCK.instant());
        state = new UiState();
        model = new ChartViewModel(services, state, ViewLoader.bundle(ChartController.class));
    }

    @Test
    void aTerminalThatIsNotRunningIsSaidAtOnceWithTheFixInSettings() throws IOException {
        String url;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            url = "http://127.0.0.1:" + s.getLocalPort();
        }
        open(url, new SameThreadUiExecutor());
        model.start();
        String expected = "Could not fetch AAPL: no Theta Terminal at " + url
                + " — start it, or choose the demo source in Settings.";
        assertEquals(expected, model.messageProperty().get());
        assertEquals(0, services.history().entries().size(), "no job queued for a source that is not there");

        state.dataChanged();
        assertEquals(expected, model.messageProperty().get(), "a reload keeps saying it, not 'fetching'");
    }

    @Test
    void aTerminalThatNeverAnswersIsSaidAfterTheReadinessWait() throws Exception {
        // A listening socket nobody accepts from: the connection is made, the request sent, no answer ever comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            pool = new PoolUiExecutor();
            open("http://127.0.0.1:" + silent.getLocalPort(), pool);
            CountDownLatch said = new CountDownLatch(1);
            model.messageProperty().addListener((o, before, now) -> {
                if (now.startsWith("Could not fetch")) {
                    said.countDown();
                }
            });
            model.start();
            assertTrue(said.await(ChartFetcher.READY_WAIT.toSeconds() + 30, TimeUnit.SECONDS),
                    "the failure is said: " + model.messageProperty().get());
            assertEquals("Could not fetch AAPL: the source did not answer its readiness check within "
                    + ChartFetcher.READY_WAIT.toSeconds() + " s. Check that the Theta Terminal runs, or choose "
                    + "another source in Settings.", model.messageProperty().get());
        }
    }
}
