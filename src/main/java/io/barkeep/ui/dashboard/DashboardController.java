package io.barkeep.ui.dashboard;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.dashboard.DashboardTiles.Kind;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.util.Duration;

/**
 * The dashboard: TilesFX tiles over the cache's numbers. It reloads after data changes and every 30 seconds,
 * but only while it shows; a change while another view shows marks it stale for its next visit.
 */
public final class DashboardController {
    static final Duration PERIOD = Duration.seconds(30);
    private static final int COLUMNS = 4;

    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;
    private final DashboardViewModel model;
    private DashboardTiles tiles;
    private Timeline timer;
    private boolean stale;

    @FXML private GridPane grid;
    @FXML private Label errorLabel;
    @FXML private Label loadingLabel;
    @FXML private ResourceBundle resources;

    public DashboardController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
        this.model = new DashboardViewModel(services);
    }

    @FXML
    private void initialize() {
        tiles = new DashboardTiles(resources);
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length - 1; i++) {
            grid.add(tiles.tile(kinds[i]), i % COLUMNS, i / COLUMNS);
        }
        grid.add(tiles.tile(Kind.BY_SYMBOL), 0, (kinds.length - 1) / COLUMNS, COLUMNS, 1);
        tiles.onClick(Kind.SYMBOLS, "open.watchlist", () -> navigator.show(View.WATCHLIST));
        tiles.onClick(Kind.COVERAGE, "open.gaps", () -> navigator.show(View.GAPS));
        tiles.onClick(Kind.ERRORS, "open.events", () -> navigator.show(View.EVENTS));
        tiles.onClick(Kind.FRESHEST, "open.freshness", () -> navigator.show(View.FRESHNESS));
        tiles.onClick(Kind.STALEST, "open.freshness", () -> navigator.show(View.FRESHNESS));
        tiles.onClick(Kind.BY_SYMBOL, "open.gaps", () -> navigator.show(View.GAPS));
        tiles.applyTheme(state.darkProperty().get());
        state.darkProperty().addListener((obs, was, dark) -> tiles.applyTheme(dark));

        model.statsProperty().addListener((obs, was, now) -> {
            tiles.show(now);
            if (was == null) {
                // The first numbers arrive while the tiles are still hidden: TilesFX's bar chart places its rows
                // over its own bottom line until it is shown again once laid out visible (seen at 1440x900).
                javafx.application.Platform.runLater(() -> tiles.show(model.statsProperty().get()));
            }
        });
        // Until the first numbers are read the tiles would show zeros that are not true: say it is loading.
        grid.visibleProperty().bind(model.statsProperty().isNotNull());
        loadingLabel.visibleProperty().bind(model.loadingProperty());
        services.connectionProperty().addListener(obs -> tiles.showConnection(services.connectionProperty().get(),
                services.connectionSinceProperty().get()));
        tiles.showConnection(services.connectionProperty().get(), services.connectionSinceProperty().get());
        // On a shared cache whose updater runs elsewhere, the tile says where, as the status bar does.
        services.updaterElsewhereProperty().addListener((obs, was, now) -> tiles.showUpdaterElsewhere(now));
        tiles.showUpdaterElsewhere(services.updaterElsewhereProperty().get());
        errorLabel.textProperty().bind(model.errorProperty().map(e -> e.isEmpty() ? ""
                : MessageFormat.format(resources.getString("dashboard.error"), e)));
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        state.dataVersionProperty().addListener(obs -> refreshIfShown());
        services.settingsProperty().addListener(obs -> refreshIfShown());
        state.viewProperty().addListener((obs, was, now) -> {
            if (now == View.DASHBOARD && stale) {
                refreshIfShown();
            }
        });
        // The timer only asks for a background load: the FX thread never waits on the database.
        timer = new Timeline(new KeyFrame(PERIOD, e -> refreshIfShown()));
        timer.setCycleCount(Animation.INDEFINITE);
        timer.play();
        model.refresh();
    }

    private void refreshIfShown() {
        stale = state.viewProperty().get() != View.DASHBOARD;
        if (!stale) {
            model.refresh();
        }
    }
}
