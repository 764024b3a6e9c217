package io.barkeep.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings form in a real window: a failed connection test looks like a failure, not like a pass. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;
    private SettingsController controller;

    @BeforeAll
    static void open() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io,
                Clock.fixed(Instant.parse("2024-03-15T20:30:00Z"), ZoneOffset.UTC));
        services.start().join();
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        controller = new SettingsController(services);
        stage.setScene(new Scene(new ViewLoader(Map.of(SettingsController.class, () -> controller))
                .load(SettingsController.class), 760, 600));
        stage.show();
    }

    @Test
    void aFirstFailedTestShowsAFailureMarkNotACheckMark(FxRobot robot) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        robot.interact(() -> {
            controller.model().sourceProperty().set(Sources.THETA);
            controller.model().urlProperty().set(url);
        });
        robot.clickOn("#testButton");
        Label verdict = robot.lookup("#testLabel").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> verdict.getText().startsWith("Not connected"));
        WaitForAsyncUtils.waitForFxEvents();
        FontIcon icon = robot.lookup("#testIcon").query();
        assertTrue(icon.isVisible());
        assertFalse(icon.getIconLiteral().contains("check"), icon.getIconLiteral());
        assertTrue(verdict.getStyleClass().contains("test-failed"), verdict.getStyleClass().toString());
        assertEquals(false, verdict.getStyleClass().contains("test-ok"));
    }
}
