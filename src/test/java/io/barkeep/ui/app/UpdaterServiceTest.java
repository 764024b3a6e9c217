package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Session;
import io.barkeep.sync.Settings;
import io.barkeep.sync.UpdaterSchedule.PassKind;
import io.barkeep.sync.UpdaterSchedule.Planned;
import io.barkeep.ui.common.PoolUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real desktop updater service on the FX toolkit (headless), with fixed clocks: off hours it runs one pass,
 * then plans the next an hour later (not a second later, as it once did all night and all weekend); an idle pass
 * reloads no view; a cancel does not stop later passes.
 */
@ExtendWith(ApplicationExtension.class)
class UpdaterServiceTest {
    private static final long GUARD_S = 30;

    @TempDir
    Path dir;
    private final PoolUiExecutor ui = new PoolUiExecutor();
    private final ExecutorService passThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-updater");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger reloads = new AtomicInteger();
    private final CountDownLatch firstPassDone = new CountDownLatch(1);
    private AppServices services;
    private UpdaterService updater;

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need; the service lives on its thread
    }

    @AfterEach
    void stop() throws Exception {
        if (updater != null) {
            WaitForAsyncUtils.asyncFx(() -> updater.cancel()).get(GUARD_S, TimeUnit.SECONDS);
        }
        if (services != null) {
            services.close();
        }
        passThread.shutdownNow();
        ui.close();
    }

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Session.NEW_YORK).toInstant();
    }

    private void open(Instant now) {
        services = new AppServices(dir, Settings.defaults(), ui, Clock.fixed(now, ZoneOffset.UTC));
        services.start().join();
        updater = new UpdaterService(services, passThread, reloads::incrementAndGet);
    }

    private void startAndAwaitFirstPass(boolean cancelFirst) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            updater.setOnSucceeded(e -> firstPassDone.countDown());
            updater.start();
            if (cancelFirst) {
                updater.cancel();
                updater.restart();
            }
        }).get(GUARD_S, TimeUnit.SECONDS);
        assertTrue(firstPassDone.await(GUARD_S, TimeUnit.SECONDS), "the first pass succeeded");
        // The succeeded handler runs inside the service's succeeded(), before it reloads the views: let the FX
        // thread finish it (a full run once read the reload count in between).
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Planned next() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> updater.nextProperty().get()).get(GUARD_S, TimeUnit.SECONDS);
    }

    private long periodMinutes() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> (long) updater.getPeriod().toMinutes()).get(GUARD_S, TimeUnit.SECONDS);
    }

    @Test
    void onASaturdayItRunsOnePassThenWaitsAnHour() throws Exception {
        open(ny("2024-03-16T12:00:00"));
        assertEquals(new Planned(ny("2024-03-16T12:00:01"), PassKind.BACKFILL), next());

        startAndAwaitFirstPass(false);

        assertEquals(1, updater.passesStarted());
        assertEquals(new Planned(ny("2024-03-16T13:00:00"), PassKind.BACKFILL), next());
        assertEquals(60, periodMinutes(), "the service waits an hour before the next pass");
        assertEquals(0, reloads.get(), "a pass that found nothing to do reloads no view");
    }

    @Test
    void theDashboardShowsTheUpdatersOwnPlanAndFollowsIt() throws Exception {
        open(ny("2024-03-16T12:00:00"));
        io.barkeep.ui.dashboard.DashboardViewModel dashboard = new io.barkeep.ui.dashboard.DashboardViewModel(services);
        CountDownLatch loaded = new CountDownLatch(1);
        dashboard.statsProperty().addListener((o, before, now) -> loaded.countDown());
        WaitForAsyncUtils.asyncFx(dashboard::refresh).get(GUARD_S, TimeUnit.SECONDS);
        assertTrue(loaded.await(GUARD_S, TimeUnit.SECONDS), "the dashboard loaded");
        assertEquals(next(), dashboard.statsProperty().get().nextPass(), "the plan the status bar shows");

        startAndAwaitFirstPass(false);

        // The timetable alone would say "backfill now"; the updater, having found nothing, waits an hour.
        Planned planned = next();
        assertEquals(new Planned(ny("2024-03-16T13:00:00"), PassKind.BACKFILL), planned);
        assertEquals(planned, WaitForAsyncUtils.asyncFx(() -> dashboard.statsProperty().get().nextPass())
                .get(GUARD_S, TimeUnit.SECONDS), "the dashboard follows the updater's new plan without a reload");
        assertEquals(planned, services.nextPass());
    }

    @Test
    void atThreeOnAWeekdayNightItRunsOnePassThenWaitsAnHour() throws Exception {
        open(ny("2024-03-13T03:00:00"));

        startAndAwaitFirstPass(false);

        assertEquals(1, updater.passesStarted());
        assertEquals(new Planned(ny("2024-03-13T04:00:00"), PassKind.BACKFILL), next());
        assertEquals(60, periodMinutes());
        assertEquals(0, reloads.get());
    }

    @Test
    void afterACancelTheNextPassStillRunsAndItsNewBarsReloadTheViews() throws Exception {
        open(ny("2024-03-16T12:00:00"));
        services.engine().watchlist().add("AAPL", 1, null, ny("2024-03-16T12:00:00"));

        startAndAwaitFirstPass(true);

        assertTrue(services.engine().bars().latest("AAPL").isPresent(), "the pass after the cancel stored bars");
        assertTrue(reloads.get() >= 1, "a pass that stored bars reloads the views");
    }
}
