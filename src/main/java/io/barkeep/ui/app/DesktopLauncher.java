package io.barkeep.ui.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app. A separate class from {@link BarkeepApp}: a main class that extends Application
 * cannot start with JavaFX on the plain class path.
 *
 * <p>Barkeep runs JavaFX from the class path on purpose (one jar with its {@code lib/} folder, or the jpackage
 * image). JavaFX then logs "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" through
 * its {@code javafx} java.util.logging logger on every start, a warning a newcomer reads as a fault. That logger
 * is quietened to SEVERE only while the toolkit starts, and given back its level once the app runs, so later
 * JavaFX warnings still show.
 */
public final class DesktopLauncher {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger loses its level. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static Level before;

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        before = JAVAFX.getLevel();
        JAVAFX.setLevel(Level.SEVERE);
        Application.launch(BarkeepApp.class, args);
    }

    /** Gives JavaFX's logger back its level once the toolkit has started. */
    static void toolkitStarted() {
        JAVAFX.setLevel(before);
    }
}
