package io.barkeep.ui.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Says in one sentence why the cache could not open (locked, corrupt, full disk), with the way out. */
final class StartupFailure {
    private final Window owner;

    StartupFailure(Window owner) {
        this.owner = owner;
    }

    void show(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException)) {
            cause = cause.getCause();
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Barkeep cannot open its cache");
        alert.setHeaderText("The cache could not be opened");
        alert.setContentText(cause.getMessage() + "\n\nChange the database in Settings, or restore a backup.");
        alert.show();
    }
}
