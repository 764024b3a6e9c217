package io.barkeep.ui.health;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.util.Duration;

/** The vendor health view: the source's state over time, requests in flight, latency, errors by code. */
public final class HealthController {
    private static final Duration REFRESH = Duration.seconds(2);

    private final HealthViewModel model;
    private final UiState state;

    @FXML private Label sourceLabel;
    @FXML private Label stateLabel;
    @FXML private Label inFlightLabel;
    @FXML private Label latencyLabel;
    @FXML private Label lastSuccessLabel;
    @FXML private ListView<String> errorList;
    @FXML private ListView<String> changeList;

    public HealthController(AppServices services, UiState state, Navigator navigator) {
        this.state = state;
        this.model = new HealthViewModel(services, ViewLoader.bundle(HealthController.class));
    }

    @FXML
    private void initialize() {
        sourceLabel.textProperty().bind(model.sourceProperty());
        stateLabel.textProperty().bind(model.stateProperty());
        inFlightLabel.textProperty().bind(model.inFlightProperty());
        latencyLabel.textProperty().bind(model.latencyProperty());
        lastSuccessLabel.textProperty().bind(model.lastSuccessProperty());
        errorList.setItems(model.errors());
        changeList.setItems(model.changes());
        model.start();
        // The figures live in memory: a refresh every two seconds while the view shows costs nothing.
        Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> model.refresh()));
        timer.setCycleCount(Animation.INDEFINITE);
        sourceLabel.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                timer.stop();
            } else {
                model.refresh();
                timer.play();
            }
        });
    }

    HealthViewModel viewModel() {
        return model;
    }
}
