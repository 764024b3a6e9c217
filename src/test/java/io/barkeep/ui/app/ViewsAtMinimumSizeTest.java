package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.chart.ChartController;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.dashboard.DashboardController;
import io.barkeep.ui.events.EventsController;
import io.barkeep.ui.freshness.FreshnessController;
import io.barkeep.ui.gaps.GapsController;
import io.barkeep.ui.health.HealthController;
import io.barkeep.ui.watchlist.WatchlistController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every view in the main window at the smallest size the app is laid out for (1024x700, Primer light), on a demo
 * cache of five symbols: no title, toolbar label, button, column header or other label shows its text cut short
 * with an ellipsis. (Data cells are left out: a long note or message may be cut in a column the user can widen;
 * the status bar's job text gives way by design, see {@link StatusBarLayoutTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class ViewsAtMinimumSizeTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    static Path folder;
    private static TrackingUiExecutor io;
    private static AppServices services;
    private static Stage window;
    private MainWindowController main;

    @BeforeAll
    static void open() {
        io = new TrackingUiExecutor();
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        List<String> symbols = List.of("AAPL", "MSFT", "NVDA", "SPY", "TSLA");
        symbols.forEach(s -> services.engine().watchlist().add(s, 1, "sample", NOW));
        services.data().backfill(symbols, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 15), SyncProgress.NONE,
                Cancellation.none());
    }

    @AfterAll
    static void close() throws Exception {
        // the views off the stage first: the health view's refresh timer stops, and asks nothing of the services
        // closed next (it would in later test classes on the same toolkit)
        WaitForAsyncUtils.asyncFx(() -> window.getScene().setRoot(new javafx.scene.layout.StackPane())).get();
        services.jobs().awaitIdle();
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        window = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        UiState state = new UiState();
        Map<View, Class<?>> views = Map.of(View.DASHBOARD, DashboardController.class, View.WATCHLIST,
                WatchlistController.class, View.CHART, ChartController.class, View.GAPS, GapsController.class,
                View.FRESHNESS, FreshnessController.class, View.EVENTS, EventsController.class, View.HEALTH,
                HealthController.class);
        Map<Class<?>, Supplier<Object>> controllers = new HashMap<>();
        ViewLoader loader = new ViewLoader(controllers);
        main = new MainWindowController(services, state, loader, views, null, () -> { });
        controllers.put(MainWindowController.class, () -> main);
        controllers.put(DashboardController.class, () -> new DashboardController(services, state, main));
        controllers.put(WatchlistController.class, () -> new WatchlistController(services, state, main));
        controllers.put(ChartController.class, () -> new ChartController(services, state, main));
        controllers.put(GapsController.class, () -> new GapsController(services, state, main));
        controllers.put(FreshnessController.class, () -> new FreshnessController(services, state, main));
        controllers.put(EventsController.class, () -> new EventsController(services, state, main));
        controllers.put(HealthController.class, () -> new HealthController(services, state, main));
        Scene scene = new Scene(loader.load(MainWindowController.class), BarkeepApp.MIN_WIDTH,
                BarkeepApp.MIN_HEIGHT);
        scene.getStylesheets().add(BarkeepApp.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @ParameterizedTest
    @EnumSource(View.class)
    void noLabelIsCutShort(View view, FxRobot robot) throws Exception {
        robot.interact(() -> main.show(view));
        settle();
        Parent root = robot.window(0).getScene().getRoot();
        List<String> cut = new ArrayList<>();
        collectCut(root, cut);
        assertEquals(List.of(), cut, view + " at " + BarkeepApp.MIN_WIDTH + "x" + BarkeepApp.MIN_HEIGHT);
    }

    /** Waits until the views' background reads are done and their results are on screen, and laid out. */
    private static void settle() throws Exception {
        for (int quiet = 0; quiet < 3; ) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> io.running() == 0);
            WaitForAsyncUtils.waitForFxEvents();
            quiet = io.running() == 0 ? quiet + 1 : 0;
        }
    }

    private static void collectCut(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && !(node instanceof Cell<?>) && !givesWay(node)) {
            String full = labeled.getText();
            // the skin's own Text (style class "text", not a graphic's icon) holds what is on screen
            String shown = labeled.getChildrenUnmodifiable().stream()
                    .filter(t -> t instanceof Text && t.getStyleClass().contains("text"))
                    .map(t -> ((Text) t).getText()).findFirst().orElse(full);
            if (full != null && !full.isEmpty() && !full.equals(shown)) {
                cut.add("\"" + full + "\" shown as \"" + shown + "\"");
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectCut(child, cut));
        }
    }

    private static boolean givesWay(Node node) {
        return "jobLabel".equals(node.getId()) || "lastJobLabel".equals(node.getId());
    }
}
