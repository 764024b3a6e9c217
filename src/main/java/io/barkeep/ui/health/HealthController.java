package io.barkeep.ui.health;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.time.ZoneId;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The vendor health view, for whichever source is configured: its state over time, requests in flight against
 * the tier's limit, median latency, last success, and errors by code over 24 h.
 */
public final class HealthController {
    private static final Duration REFRESH = Duration.seconds(2);
    /** The errors come from the database: read them every fifth refresh, not every one. */
    private static final int ERRORS_EVERY = 5;
    /** While the view shows, the terminal is asked whether it answers every 30 s, so its state is drawn over time. */
    private static final int CHECK_EVERY = 15;

    private final HealthViewModel model;
    private final StateStrip strip = new StateStrip();
    private int ticks;

    @FXML private Label sourceLabel;
    @FXML private Label stateLabel;
    @FXML private VBox stripBox;
    @FXML private Label inFlightLabel;
    @FXML private Label latencyLabel;
    @FXML private Label lastSuccessLabel;
    @FXML private ListView<String> errorList;
    @FXML private ListView<String> changeList;

    public HealthController(AppServices services, UiState state, Navigator navigator) {
        this.model = new HealthViewModel(services,
                new HealthTexts(ViewLoader.bundle(HealthController.class), ZoneId.systemDefault()));
    }

    @FXML
    private void initialize() {
        sourceLabel.textProperty().bind(model.sourceProperty());
        model.simulatedProperty().addListener((obs, was, now) -> {
            sourceLabel.getStyleClass().remove("health-simulated");
            if (now) {
                sourceLabel.getStyleClass().add("health-simulated");
            }
        });
        stateLabel.textProperty().bind(model.stateProperty());
        stripBox.getChildren().add(0, strip);
        strip.setId("healthStrip");
        model.snapshotProperty().addListener((obs, was, snap) -> {
            if (snap != null) {
                strip.show(snap.changes(), snap.since(), snap.at());
            }
        });
        inFlightLabel.textProperty().bind(model.inFlightProperty());
        latencyLabel.textProperty().bind(model.latencyProperty());
        lastSuccessLabel.textProperty().bind(model.lastSuccessProperty());
        errorList.setItems(model.errors());
        changeList.setItems(model.changes());
        model.start();
        // The request figures live in memory: a refresh every two seconds while the view shows costs nothing.
        Timeline timer = new Timeline(new KeyFrame(REFRESH, e -> tick()));
        timer.setCycleCount(Animation.INDEFINITE);
        sourceLabel.sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                timer.stop();
            } else {
                model.refresh();
                model.readErrors();
                model.check();
                timer.play();
            }
        });
    }

    private void tick() {
        model.refresh();
        ticks++;
        if (ticks % ERRORS_EVERY == 0) {
            model.readErrors();
        }
        if (ticks % CHECK_EVERY == 0) {
            model.check();
        }
    }

    HealthViewModel viewModel() {
        return model;
    }
}
