package io.barkeep.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop app. A separate class from {@link BarkeepApp}: a main class that extends Application
 * cannot start with JavaFX on the plain class path.
 *
 * <p>Barkeep runs JavaFX from the class path on purpose (one jar with its {@code lib/} folder, or the jpackage
 * image). JavaFX then logs "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every
 * start through its {@code javafx} logger, a java.util.logging logger: a warning a newcomer reads as a fault. The
 * JDK's documented way to configure that logging is a properties file named by {@code java.util.logging.config.file}
 * (read when logging first starts): Barkeep writes one that sets the {@code javafx} logger itself to SEVERE and keeps
 * its children that report real trouble (CSS, FXML, layout, bindings) at WARNING. A file the user names wins.
 */
public final class DesktopLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);
    private static final String CONFIG = "java.util.logging.config.file";
    private static final String QUIET_STARTUP = """
            handlers = java.util.logging.ConsoleHandler
            .level = INFO
            javafx.level = SEVERE
            javafx.css.level = WARNING
            javafx.fxml.level = WARNING
            javafx.scene.level = WARNING
            javafx.beans.level = WARNING
            javafx.collections.level = WARNING
            """;

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        if (System.getProperty(CONFIG) == null) {
            try {
                Path file = Files.createTempFile("barkeep-jul", ".properties");
                file.toFile().deleteOnExit();
                Files.writeString(file, QUIET_STARTUP);
                System.setProperty(CONFIG, file.toString());
            } catch (IOException e) {
                LOG.debug("JavaFX's start-up warning stays: cannot write its logging settings", e);
            }
        }
        Application.launch(BarkeepApp.class, args);
    }
}
