package io.barkeep.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.hansolo.tilesfx.Tile;
import io.barkeep.domain.Session;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.store.Database;
import io.barkeep.store.DbLocation;
import io.barkeep.store.PostgresServer;
import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.UpdaterService;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard on a shared PostgreSQL cache whose updater lock another process holds: the updater tile names the
 * holder as the status bar does, instead of "due now" for a pass this app will not run.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardSharedUpdaterTest {
    private static final long GUARD_S = 30;
    private static final Instant SATURDAY_NOON = LocalDateTime.parse("2024-03-16T12:00:00")
            .atZone(Session.NEW_YORK).toInstant();
    private static final Instant DESK_SINCE = SATURDAY_NOON.minusSeconds(3600);

    @TempDir
    Path folder;
    private Database other;
    private UpdaterLock desk;
    private FakeThetaTerminal terminal;
    // The app's executor: results reach the window's nodes on the FX thread (a pool's "FX" would be its own thread).
    private FxUiExecutor ui;
    private AppServices services;
    private final ExecutorService passThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-updater");
        t.setDaemon(true);
        return t;
    });
    private UpdaterService updater;

    /** Another process holds the shared cache's updater lock before the app opens it. */
    @Start
    void start(Stage stage) {
        DbLocation shared = PostgresServer.shared().freshDatabase();
        other = Database.open(shared);
        desk = UpdaterLock.tryAcquire(other, "desk-1", DESK_SINCE).orElseThrow();
        terminal = FakeThetaTerminal.start();
        ui = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, new Settings(Sources.THETA, terminal.root().toString(), 4, 0,
                shared.toString(), 365, 3, 100), ui, Clock.fixed(SATURDAY_NOON, ZoneOffset.UTC));
        services.start().join();
        Navigator nowhere = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        DashboardController controller = new DashboardController(services, new UiState(), nowhere);
        stage.setScene(new Scene(new ViewLoader(Map.of(DashboardController.class, () -> controller))
                .load(DashboardController.class), 1200, 760));
        stage.show();
        updater = new UpdaterService(services, passThread, () -> { });
        updater.start();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> updater.cancel()).get(GUARD_S, TimeUnit.SECONDS);
        passThread.shutdown();
        passThread.awaitTermination(GUARD_S, TimeUnit.SECONDS);
        services.close();
        desk.close();
        other.close();
        terminal.close();
        ui.close();
    }

    @Test
    void theUpdaterTileNamesTheProcessThatRunsTheUpdaterInsteadOfDueNow(FxRobot robot) throws Exception {
        Tile tile = robot.lookup("#tile-updater").query();
        String expected = "Updater running on desk-1 since "
                + DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.US).format(DESK_SINCE.atZone(
                        ZoneId.systemDefault())) + " (local)";
        WaitForAsyncUtils.waitFor(GUARD_S, TimeUnit.SECONDS, () -> expected.equals(tile.getDescription()));
        assertEquals(expected, tile.getDescription());
        assertEquals(0, updater.passesStarted(), "no pass ran beside the other updater");
    }
}
