package io.barkeep.ui.settings;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings dialog (Ctrl+,): the form of {@link SettingsController} with Save and Cancel. Save is refused
 * while the form has problems; otherwise the dialog stays open, busy, until the settings are applied, so a
 * failure to open the new database shows here rather than nowhere.
 */
public final class SettingsDialog {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsDialog.class);

    private final AppServices services;

    public SettingsDialog(AppServices services) {
        this.services = services;
    }

    /** After a switch to another database file: asks whether the previous watchlist comes along. */
    private void offerCarryOver(Window owner, SettingsViewModel model, ResourceBundle text) {
        java.util.List<io.barkeep.domain.WatchlistEntry> missing = java.util.List.copyOf(model.carryOverProperty());
        if (missing.isEmpty()) {
            return;
        }
        ButtonType carry = new ButtonType(text.getString("carry.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(text.getString("carry.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType
                .CONFIRMATION, java.text.MessageFormat.format(text.getString("carry.text"), missing.size(),
                String.join(" ", missing.stream().limit(12).map(io.barkeep.domain.WatchlistEntry::symbol).toList()),
                services.settings().location(services.dataFolder()).shortName()), carry, keep);
        ask.initOwner(owner);
        ask.setTitle(text.getString("carry.title"));
        ask.setHeaderText(text.getString("carry.header"));
        ask.showAndWait().filter(carry::equals).ifPresent(b -> model.carryOver().whenComplete((n, e) -> {
            if (e != null) {
                LOG.warn("carrying the watchlist over failed", e);
            }
        }));
    }

    /** Shows the dialog over {@code owner}; saving applies the settings. */
    public void show(Window owner) {
        ResourceBundle text = ViewLoader.bundle(SettingsController.class);
        SettingsController controller = new SettingsController(services);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.getString("settings.title"));
        dialog.setResizable(true);
        dialog.setHeaderText(text.getString("settings.header"));
        dialog.setGraphic(new FontIcon("mdi2c-cog-outline"));
        dialog.getDialogPane().setContent(new ViewLoader(Map.of(SettingsController.class, () -> controller))
                .load(SettingsController.class));
        // The pane's own width estimate squeezes the wrapped help texts; the form wants its width.
        dialog.getDialogPane().setMinWidth(740);
        ButtonType save = new ButtonType(text.getString("settings.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        SettingsViewModel model = controller.model();
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.disableProperty().bind(model.problemsProperty().isNotEmpty().or(model.busyProperty()));
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            // The dialog closes when the settings are in force, not before.
            e.consume();
            model.save().whenComplete((x, error) -> services.ui().onFx(() -> {
                if (error == null) {
                    dialog.close();
                    offerCarryOver(owner, model, text);
                } else {
                    LOG.warn("applying settings failed", error);
                }
            }));
        });
        // A problem or a verdict adds a line: grow the window after the layout pass so the buttons stay in view.
        InvalidationListener fit = obs -> Platform.runLater(() -> {
            Window window = dialog.getDialogPane().getScene().getWindow();
            if (window != null && window.getHeight() < dialog.getDialogPane().prefHeight(window.getWidth())) {
                window.sizeToScene();
            }
        });
        model.problemsProperty().addListener(fit);
        model.saveErrorProperty().addListener(fit);
        model.testResultProperty().addListener(fit);
        dialog.show();
    }
}
