package io.barkeep.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.Cancellation;
import io.barkeep.source.RequestStats;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.sync.SyncProgress;
import io.barkeep.sync.SyncResult;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * The vendor health view in a real window, against a real local Theta Terminal that refuses some requests: the
 * figures of the source's requests, the errors by code read from the safety events (still there after a restart),
 * and the terminal's state going from answering to not answering when it stops.
 */
@ExtendWith(ApplicationExtension.class)
class HealthViewTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");
    private static final LocalDate FROM = LocalDate.of(2024, 3, 11);
    private static final LocalDate TO = LocalDate.of(2024, 3, 15);

    @TempDir
    Path folder;
    private Stage stage;
    private FxUiExecutor io;
    private AppServices services;
    private FakeThetaTerminal terminal;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1100, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // the view off the stage first: its refresh timer stops, and asks nothing of the services closed next
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().setRoot(new javafx.scene.layout.StackPane())).get();
        if (services != null) {
            services.close();
        }
        if (io != null) {
            io.close();
        }
        if (terminal != null) {
            terminal.close();
        }
    }

    private AppServices open(Settings settings) {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, settings, io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        return services;
    }

    private void show(FxRobot robot) {
        HealthController controller = new HealthController(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        });
        Parent view = new ViewLoader(Map.of(HealthController.class, () -> controller)).load(HealthController.class);
        robot.interact(() -> stage.getScene().setRoot(view));
    }

    @Test
    void showsTheTerminalsFiguresItsErrorsByCodeAndTheirSurvivalOfARestart(FxRobot robot) throws Exception {
        terminal = FakeThetaTerminal.start();
        // two symbols, one request each; the terminal refuses the first with a status no retry helps
        terminal.failNext(1, 473);
        open(new Settings(Sources.THETA, terminal.root().toString(), 2, 60, null, 1095, 7, 100));
        SyncResult result = services.data().backfill(List.of("AAPL", "MSFT"), FROM, TO, SyncProgress.NONE,
                Cancellation.none());
        assertEquals(1, result.failures().size(), String.valueOf(result.failures()));
        show(robot);

        ListView<String> errors = robot.lookup("#healthErrors").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errors.getItems().size() == 1
                && errors.getItems().get(0).contains("473"));
        assertEquals("1 \u00d7  473 INVALID_PARAMS", errors.getItems().get(0));
        assertTrue(text(robot, "#sourceLabel").contains("thetadata"), text(robot, "#sourceLabel"));
        assertTrue(text(robot, "#inFlightLabel").startsWith("0 of 2"), text(robot, "#inFlightLabel"));
        assertTrue(text(robot, "#stateLabel").startsWith("answering since"), text(robot, "#stateLabel"));
        assertFalse(text(robot, "#lastSuccessLabel").startsWith("never"), text(robot, "#lastSuccessLabel"));
        assertTrue(text(robot, "#latencyLabel").contains(" ms over the last "), text(robot, "#latencyLabel"));

        // the terminal stops: the app's check says so, and the view shows the change
        terminal.close();
        terminal = null;
        robot.interact(services::checkConnection);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#stateLabel").startsWith("not answering"));
        ListView<String> changes = robot.lookup("#healthChanges").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> changes.getItems().size() == 2);
        assertTrue(changes.getItems().get(0).contains("not answering"), changes.getItems().get(0));
        StateStrip strip = robot.lookup("#healthStrip").query();
        assertEquals(RequestStats.State.NOT_ANSWERING, strip.stateAt(NOW.plusSeconds(365L * 24 * 3600 * 10)));

        // a restart: the request figures start over, the errors of the last 24 h are still there
        Settings settings = services.settings();
        services.close();
        io.close();
        open(settings);
        show(robot);
        ListView<String> after = robot.lookup("#healthErrors").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> after.getItems().size() == 1
                && after.getItems().get(0).contains("473"));
        assertEquals("1 \u00d7  473 INVALID_PARAMS", after.getItems().get(0));
    }

    @Test
    void theDemoFeedSaysPlainlyItIsSimulated(FxRobot robot) throws Exception {
        open(Settings.defaults());
        services.data().backfill(List.of("AAPL"), FROM, TO, SyncProgress.NONE, Cancellation.none());
        show(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#sourceLabel").startsWith("SIMULATED"));
        Label source = robot.lookup("#sourceLabel").query();
        assertTrue(source.getStyleClass().contains("health-simulated"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#inFlightLabel").startsWith("0 (the "));
        ListView<String> errors = robot.lookup("#healthErrors").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errors.getItems().size() == 1);
        assertEquals("no errors in the last 24 hours", errors.getItems().get(0));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
