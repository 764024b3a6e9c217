package io.barkeep.ui.app;

import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: navigation between the views, which load on first visit, and the status bar. */
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
        show(state.viewProperty().get());
        buttons.get(state.viewProperty().get()).setSelected(true);
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
