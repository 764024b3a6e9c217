package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Session;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.store.Database;
import io.barkeep.store.DbLocation;
import io.barkeep.store.PostgresServer;
import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.sync.UpdaterSchedule.PassKind;
import io.barkeep.sync.UpdaterSchedule.Planned;
import io.barkeep.ui.common.PoolUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app on a shared cache in the real PostgreSQL the tests start, with a fake Theta terminal: its updater
 * takes the same lock as {@code barkeep run}; while another process holds it the app's updater stays idle and the
 * status bar names the holder, and it takes the lock at a later pass once the holder let go. The status
 * bar names the database by its URL, not as a mangled path.
 */
@ExtendWith(ApplicationExtension.class)
class SharedCacheUpdaterTest {
    private static final long GUARD_S = 30;
    private static final Instant SATURDAY_NOON = LocalDateTime.parse("2024-03-16T12:00:00")
            .atZone(Session.NEW_YORK).toInstant();

    @TempDir
    Path dir;
    private final PoolUiExecutor ui = new PoolUiExecutor();
    private final ExecutorService passThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-updater");
        t.setDaemon(true);
        return t;
    });
    private final LinkedBlockingQueue<Boolean> passesDone = new LinkedBlockingQueue<>();
    private final MovableClock clock = new MovableClock(SATURDAY_NOON);
    private FakeThetaTerminal terminal;
    private AppServices services;
    private UpdaterService updater;
    // Made on the FX thread once the toolkit runs.
    private Label source;
    private Label updaterLabel;

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @AfterEach
    void stop() throws Exception {
        if (updater != null) {
            WaitForAsyncUtils.asyncFx(() -> updater.cancel()).get(GUARD_S, TimeUnit.SECONDS);
        }
        passThread.shutdown();
        passThread.awaitTermination(GUARD_S, TimeUnit.SECONDS);
        if (services != null) {
            services.close();
        }
        if (terminal != null) {
            terminal.close();
        }
        ui.close();
    }

    private void openApp(DbLocation shared) throws Exception {
        terminal = FakeThetaTerminal.start();
        services = new AppServices(dir, new Settings(Sources.THETA, terminal.root().toString(), 4, 0,
                shared.toString(), 365, 3, 100), ui, clock);
        services.start().join();
        updater = new UpdaterService(services, passThread, () -> { });
        WaitForAsyncUtils.asyncFx(() -> {
            source = new Label();
            updaterLabel = new Label();
            new StatusBarBinder(services, updater, ResourceBundle.getBundle("io.barkeep.ui.messages")).bind(source,
                    new Label(), new Label(), new FontIcon(), updaterLabel, new HBox(), new Label(),
                    new ProgressBar(), new Button());
            updater.setOnSucceeded(e -> passesDone.add(true));
        }).get(GUARD_S, TimeUnit.SECONDS);
    }

    /** Waits for a pass to end; the next one it planned (read after the service planned it). */
    private Planned awaitPass() throws Exception {
        assertTrue(passesDone.poll(GUARD_S, TimeUnit.SECONDS) != null, "a planned pass ended");
        return WaitForAsyncUtils.asyncFx(() -> updater.nextProperty().get()).get(GUARD_S, TimeUnit.SECONDS);
    }

    private String fx(java.util.concurrent.Callable<String> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(GUARD_S, TimeUnit.SECONDS);
    }

    @Test
    void whileAnotherProcessRunsTheUpdaterTheAppWaitsAndSaysWhoThenTakesOverAtItsNextPass() throws Exception {
        DbLocation shared = PostgresServer.shared().freshDatabase();
        try (Database other = Database.open(shared)) {
            UpdaterLock desk = UpdaterLock.tryAcquire(other, "desk-1", SATURDAY_NOON.minusSeconds(3600))
                    .orElseThrow();
            openApp(shared);
            WaitForAsyncUtils.asyncFx(() -> updater.start()).get(GUARD_S, TimeUnit.SECONDS);

            Planned next = awaitPass();
            assertEquals(0, updater.passesStarted(), "no pass ran beside the other updater");
            assertEquals("Updater running on desk-1 since " + local(SATURDAY_NOON.minusSeconds(3600)) + " (local)",
                    fx(updaterLabel::getText));
            assertEquals(new Planned(SATURDAY_NOON.plusSeconds(3600), PassKind.BACKFILL), next,
                    "it asks again at its normal re-check, an hour later on a Saturday");
            assertEquals("desk-1", UpdaterLock.holder(other).orElseThrow().host());

            desk.close();
            // The service waits in real time: the test moves the clock to the planned pass and starts a service there
            // (a ScheduledService cannot be restarted while it waits).
            WaitForAsyncUtils.asyncFx(() -> updater.cancel()).get(GUARD_S, TimeUnit.SECONDS);
            clock.set(next.at());
            updater = new UpdaterService(services, passThread, () -> { });
            WaitForAsyncUtils.asyncFx(() -> {
                updater.setOnSucceeded(e -> passesDone.add(true));
                updater.start();
            }).get(GUARD_S, TimeUnit.SECONDS);
            awaitPass();
            assertEquals(1, updater.passesStarted(), "the next planned pass ran");
            assertEquals(UpdaterLock.thisHost(), UpdaterLock.holder(other).orElseThrow().host(),
                    "the app holds the lock now: barkeep run elsewhere refuses");

            WaitForAsyncUtils.asyncFx(() -> updater.cancel()).get(GUARD_S, TimeUnit.SECONDS);
            passThread.submit(() -> { }).get(GUARD_S, TimeUnit.SECONDS);
            assertEquals(java.util.Optional.empty(), UpdaterLock.holder(other), "a stopped updater let go");
            updater = null;
        }
    }

    @Test
    void theStatusBarNamesASharedCacheByItsUrlWithoutAPassword() throws Exception {
        DbLocation shared = PostgresServer.shared().freshDatabase();
        openApp(shared);
        String url = "postgresql://postgres@127.0.0.1:" + PostgresServer.shared().port() + "/"
                + shared.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");

        assertEquals("Source: thetadata \u00b7 " + url, fx(source::getText));
        assertEquals(url, fx(() -> source.getTooltip().getText()));
    }

    private static String local(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm").format(at.atZone(ZoneId.systemDefault()));
    }

    /** A clock the test moves to the planned pass, so the service's next pass comes without waiting. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
