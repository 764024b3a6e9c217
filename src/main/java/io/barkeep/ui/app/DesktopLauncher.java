package io.barkeep.ui.app;

import javafx.application.Application;

/**
 * Starts the desktop app. A separate class from {@link BarkeepApp}: a main class that extends Application
 * cannot start with JavaFX on the plain class path.
 */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(BarkeepApp.class, args);
    }
}
