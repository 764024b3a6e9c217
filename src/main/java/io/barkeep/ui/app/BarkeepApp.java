package io.barkeep.ui.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.barkeep.store.DataFolder;
import io.barkeep.sync.Settings;
import io.barkeep.ui.chart.ChartController;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.dashboard.DashboardController;
import io.barkeep.ui.events.EventsController;
import io.barkeep.ui.freshness.FreshnessController;
import io.barkeep.ui.gaps.GapsController;
import io.barkeep.ui.settings.SettingsDialog;
import io.barkeep.ui.watchlist.WatchlistController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app and its composition root: every service and controller is made here, once. The window shows
 * first; the database and the source open in the background behind it.
 */
public final class BarkeepApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(BarkeepApp.class);
    /** The smallest window every view is laid out for. */
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 700;
    /**
     * The updater's first pass waits this long after the database opens: the view on screen, and the next ones the
     * trader opens, read first instead of sharing two cores with a pass over hundreds of symbols.
     */
    static final java.time.Duration FIRST_PASS_GRACE = java.time.Duration.ofSeconds(10);

    private FxUiExecutor ui;
    private FxUiExecutor updaterThread;
    private AppServices services;
    private UpdaterService updater;
    private Path folder;
    private Stage stage;
    private boolean firstRun;
    private CompletableFuture<Void> opening;
    private final CompletableFuture<Void> shown = new CompletableFuture<>();
    private final UiState state = new UiState();
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    // A session's end or `kill` sends SIGTERM (java -jar's first JVM passes it on to this one): the cache is closed
    // as on a normal exit, so the next open need not check the whole file (IntegrityGate).
    private final Thread closeOnTerm = new Thread(this::closeOnce, "barkeep-close-on-exit");

    /**
     * Starts opening the cache in the background before the window is built: on a large file the open (SQLite's
     * native library, the schema check, jOOQ's first statements) takes as long as building the window, and the two
     * run side by side instead of one after the other.
     */
    @Override
    public void init() {
        folder = DataFolder.resolve();
        firstRun = !Files.isRegularFile(folder.resolve(Settings.FILE_NAME));
        Settings settings = loadSettings();
        ui = new FxUiExecutor("barkeep-io", 3);
        updaterThread = new FxUiExecutor("barkeep-updater", 1);
        services = new AppServices(folder, settings, ui, Clock.systemUTC());
        // The question needs the window as its owner: the open waits for it in the background.
        services.askBeforeMigrating(file -> {
            shown.join();
            return new MigrationConsent(ui, () -> stage).ask(file);
        });
        opening = services.start();
        Runtime.getRuntime().addShutdownHook(closeOnTerm);
    }

    @Override
    public void start(Stage primary) {
        // From the start of the JVM the person started (java -jar's first JVM when it relaunched, see DesktopHeap).
        long jvmStart = Long.getLong("barkeep.startedAt",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        stage = primary;
        // Only a pass that changed data reloads, and only the view on screen at once (ViewStates).
        updater = new UpdaterService(services, command -> updaterThread.supply(() -> {
            command.run();
            return null;
        }), state::dataChanged);
        ViewStates viewStates = new ViewStates(state);
        // New settings may mean another database or source: the view on screen reloads once it is open, the
        // others when shown.
        services.settingsProperty().addListener((obs, was, now) -> services.ready()
                .thenRun(() -> ui.onFx(state::dataChanged)));

        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        WindowState window = WindowState.load(folder).fitTo(visible);
        state.darkProperty().set(window.dark());
        state.viewProperty().set(parseView(window.view()));
        applyTheme(window.dark());
        state.darkProperty().addListener((obs, was, dark) -> applyTheme(dark));

        Map<View, Class<?>> views = Map.of(View.DASHBOARD, DashboardController.class, View.WATCHLIST,
                WatchlistController.class, View.CHART, ChartController.class, View.GAPS, GapsController.class,
                View.FRESHNESS, FreshnessController.class, View.EVENTS, EventsController.class, View.HEALTH,
                io.barkeep.ui.health.HealthController.class);
        Map<Class<?>, Supplier<Object>> controllers = new HashMap<>();
        ViewLoader loader = new ViewLoader(controllers);
        MainWindowController main = new MainWindowController(services, state, loader, views, updater,
                () -> new SettingsDialog(services).show(stage));
        Navigator nav = main;
        controllers.put(MainWindowController.class, () -> main);
        controllers.put(DashboardController.class,
                () -> new DashboardController(services, viewStates.of(View.DASHBOARD), nav));
        controllers.put(WatchlistController.class,
                () -> new WatchlistController(services, viewStates.of(View.WATCHLIST), nav));
        controllers.put(ChartController.class,
                () -> new ChartController(services, viewStates.of(View.CHART), nav));
        controllers.put(GapsController.class,
                () -> new GapsController(services, viewStates.of(View.GAPS), nav));
        controllers.put(FreshnessController.class,
                () -> new FreshnessController(services, viewStates.of(View.FRESHNESS), nav));
        controllers.put(EventsController.class,
                () -> new EventsController(services, viewStates.of(View.EVENTS), nav));
        controllers.put(io.barkeep.ui.health.HealthController.class,
                () -> new io.barkeep.ui.health.HealthController(services, viewStates.of(View.HEALTH), nav));

        Parent root = loader.load(MainWindowController.class);
        Scene scene = new Scene(root, window.width(), window.height());
        scene.getStylesheets().add(BarkeepApp.class.getResource("app.css").toExternalForm());
        shortcuts(scene, main);
        primary.setScene(scene);
        primary.setTitle(ViewLoader.bundle().getString("app.title") + (services.simulated() ? " — SIMULATED data" : ""));
        primary.setX(window.x());
        primary.setY(window.y());
        // Every view is laid out to work down to this size; a smaller screen gets what it has.
        primary.setMinWidth(Math.min(MIN_WIDTH, visible.getWidth()));
        primary.setMinHeight(Math.min(MIN_HEIGHT, visible.getHeight()));
        primary.setMaximized(window.maximized());
        primary.setOnCloseRequest(e -> remember());
        primary.show();
        shown.complete(null);
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            LOG.info("first frame {} ms after the JVM started", System.currentTimeMillis() - jvmStart);
            Platform.runLater(() -> scene.removePostLayoutPulseListener(firstFrame[0]));
        };
        scene.addPostLayoutPulseListener(firstFrame[0]);

        // The views opened meanwhile waited for the cache and read it once it opened: no second read here.
        opening.thenRun(() -> ui.onFx(() -> {
            updater.start(FIRST_PASS_GRACE);
            if (firstRun) {
                new FirstRun(services, state).seed();
            }
        })).exceptionally(e -> {
            ui.onFx(() -> new StartupFailure(stage).show(e));
            return null;
        });
    }

    private Settings loadSettings() {
        try {
            return Settings.load(folder);
        } catch (IllegalArgumentException e) {
            LOG.warn("settings unreadable, using defaults: {}", e.getMessage());
            return Settings.defaults();
        }
    }

    private static View parseView(String name) {
        try {
            return View.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return View.DASHBOARD;
        }
    }

    private static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void shortcuts(Scene scene, Navigator nav) {
        View[] order = View.values();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7};
        for (int i = 0; i < order.length; i++) {
            View v = order[i];
            scene.getAccelerators().put(new KeyCodeCombination(digits[i], KeyCombination.SHORTCUT_DOWN),
                    () -> nav.show(v));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> new SettingsDialog(services).show(stage));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            remember();
            Platform.exit();
        });
    }

    private void remember() {
        new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                state.viewProperty().get().name(), state.darkProperty().get()).save(folder);
    }

    @Override
    public void stop() {
        closeOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnTerm);
        } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
            // The JVM is already exiting (the hook runs or ran), or init() never ran: nothing to take back.
        }
    }

    /** Stops the updater and closes the cache, once, whether the window closed or the JVM was told to end. */
    private void closeOnce() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (updater != null && javafx.application.Platform.isFxApplicationThread()) {
            updater.cancel();
        } else if (updater != null) {
            updater.stopForExit();
        }
        if (services != null) {
            services.close();
        }
        if (ui != null) {
            ui.close();
            updaterThread.close();
        }
    }
}
