package io.barkeep.ui.settings;

import io.barkeep.ui.app.AppServices;
import javafx.stage.Window;

/** The settings dialog (placeholder until its own work lands). */
public final class SettingsDialog {
    private final AppServices services;

    public SettingsDialog(AppServices services) {
        this.services = services;
    }

    /** Shows the dialog over {@code owner}; saving applies the settings. */
    public void show(Window owner) {
        services.checkConnection();
    }
}
