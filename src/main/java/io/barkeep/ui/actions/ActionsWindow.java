package io.barkeep.ui.actions;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The splits and dividends view in its own window, opened from the main window's navigation bar. */
public final class ActionsWindow {
    private final AppServices services;

    public ActionsWindow(AppServices services) {
        this.services = services;
    }

    /** Opens the window over {@code owner}, with the owner's stylesheets (theme). */
    public Stage show(Window owner) {
        var root = new ViewLoader(Map.of(ActionsController.class, () -> new ActionsController(services)))
                .load(ActionsController.class);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(ViewLoader.bundle(ActionsController.class).getString("actions.title"));
        Scene scene = new Scene(root, 900, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot() != null) {
                root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(
                        c -> c.startsWith("theme") || c.equals("dark")));
            }
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
