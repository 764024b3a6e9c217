package io.barkeep.ui.app;

import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: navigation between the views, which load on first visit, and the status bar. The first frame
 * is the window alone (navigation, status bar, "opening the cache"): the first view is built after it has been
 * laid out, and the views show once the cache is open.
 */
public final class MainWindowController implements Navigator {
    private final AppServices services;
    private final UiState state;
    private final ViewLoader loader;
    private final Map<View, Class<?>> viewControllers;
    private final Map<View, Node> loaded = new EnumMap<>(View.class);
    private final Runnable openSettings;
    private final StatusBarBinder statusBar;

    @FXML private ToggleButton dashboardButton;
    @FXML private ToggleButton watchlistButton;
    @FXML private ToggleButton chartButton;
    @FXML private ToggleButton gapsButton;
    @FXML private ToggleButton freshnessButton;
    @FXML private ToggleButton eventsButton;
    @FXML private ToggleButton themeButton;
    @FXML private Button settingsButton;
    @FXML private StackPane content;
    @FXML private VBox openingPane;
    @FXML private ProgressIndicator openingProgress;
    @FXML private Label openingLabel;
    @FXML private Label openingDetail;
    @FXML private Label sourceLabel;
    @FXML private ToggleButton healthButton;
    @FXML private Label simulatedBadge;
    @FXML private Label connectionLabel;
    @FXML private FontIcon connectionIcon;
    @FXML private Label updaterLabel;
    @FXML private HBox jobBox;
    @FXML private Label lastJobLabel;
    @FXML private FontIcon lastJobIcon;
    @FXML private Label jobLabel;
    @FXML private ProgressBar jobProgress;
    @FXML private Button cancelButton;
    @FXML private Button cancelAllButton;

    public MainWindowController(AppServices services, UiState state, ViewLoader loader,
                                Map<View, Class<?>> viewControllers, UpdaterService updater, Runnable openSettings) {
        this.services = services;
        this.state = state;
        this.loader = loader;
        this.viewControllers = viewControllers;
        this.openSettings = openSettings;
        this.statusBar = new StatusBarBinder(services, updater, ViewLoader.bundle());
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        Map<View, ToggleButton> buttons = Map.of(View.DASHBOARD, dashboardButton, View.WATCHLIST, watchlistButton,
                View.CHART, chartButton, View.GAPS, gapsButton, View.FRESHNESS, freshnessButton, View.EVENTS,
                eventsButton, View.HEALTH, healthButton);
        buttons.forEach((view, button) -> {
            button.setToggleGroup(group);
            button.setOnAction(e -> show(view));
            button.setUserData(view);
        });
        // A selected view stays selected: clicking it again must not leave the bar without a selection.
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        state.viewProperty().addListener((obs, was, now) -> buttons.get(now).setSelected(true));
        themeButton.selectedProperty().bindBidirectional(state.darkProperty());
        statusBar.bind(sourceLabel, simulatedBadge, connectionLabel, connectionIcon, updaterLabel, jobBox, jobLabel,
                jobProgress, cancelButton);
        statusBar.bindCancelAll(cancelAllButton);
        statusBar.bindLastJob(lastJobLabel, lastJobIcon);
        buttons.get(state.viewProperty().get()).setSelected(true);
        showOpening();
        content.sceneProperty().addListener(new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable obs) {
                if (content.getScene() != null) {
                    content.sceneProperty().removeListener(this);
                    afterFirstLayout(content.getScene());
                }
            }
        });
    }

    /** The opening state until the cache is open; then the view, or why it could not open. */
    private void showOpening() {
        content.setVisible(false);
        openingDetail.setText(MessageFormat.format(bundle().getString("app.opening.detail"),
                services.settings().location(services.dataFolder()).display()));
        services.ready().whenComplete((x, e) -> services.ui().onFx(() -> {
            if (e == null) {
                openingPane.setVisible(false);
                content.setVisible(true);
            } else {
                openingProgress.setVisible(false);
                openingLabel.setText(bundle().getString("app.opening.failed"));
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                openingDetail.setText(String.valueOf(cause.getMessage()));
            }
        }));
    }

    /** Builds the first view once the window's first pulse has laid it out, so that frame is not kept waiting. */
    private void afterFirstLayout(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                View view = state.viewProperty().get();
                if (!loaded.containsKey(view)) {
                    show(view);
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void show(View view) {
        Node node = loaded.computeIfAbsent(view, v -> loader.load(viewControllers.get(v)));
        content.getChildren().setAll(node);
        state.viewProperty().set(view);
    }

    @Override
    public void openChart(String symbol, LocalDate date) {
        state.chartTargetProperty().set(new io.barkeep.ui.common.UiState.ChartTarget(symbol, date));
        show(View.CHART);
    }

    @FXML
    private void openSettings() {
        openSettings.run();
    }

    @FXML
    private void openActions() {
        new io.barkeep.ui.actions.ActionsWindow(services).show(content.getScene().getWindow());
    }

    @FXML
    private void cancelJob() {
        services.jobs().cancel();
    }

    @FXML
    private void cancelAllJobs() {
        services.jobs().cancelAll();
    }

    /** The text bundle, for views that build text in code. */
    static ResourceBundle bundle() {
        return ViewLoader.bundle();
    }
}
