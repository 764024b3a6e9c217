package io.barkeep.ui.app;

import io.barkeep.ui.common.UiExecutor;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Asks the person before Barkeep migrates a file that holds the original design's tables: it rewrites their
 * file (after a backup), so it is never done behind their back. Called on a background thread; the dialog runs
 * on the FX thread and the caller waits for the answer.
 */
final class MigrationConsent {
    private final UiExecutor ui;
    private final Supplier<Window> owner;

    MigrationConsent(UiExecutor ui, Supplier<Window> owner) {
        this.ui = ui;
        this.owner = owner;
    }

    boolean ask(Path file) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        ui.onFx(() -> {
            ResourceBundle text = ViewLoader.bundle();
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, MessageFormat.format(
                    text.getString("migrate.original.text"), file, file.getFileName() + ".before-barkeep-..."),
                    ButtonType.OK, ButtonType.CANCEL);
            alert.initOwner(owner.get());
            alert.setTitle(text.getString("migrate.original.title"));
            alert.setHeaderText(text.getString("migrate.original.header"));
            alert.getDialogPane().setMinWidth(560);
            answer.complete(alert.showAndWait().filter(ButtonType.OK::equals).isPresent());
        });
        return answer.join();
    }
}
