package io.barkeep.ui.gaps;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The gap heatmap: binds the map, its toolbar and legend to a {@link GapsViewModel}. */
public final class GapsController {
    private final GapsViewModel model;

    @FXML private ResourceBundle resources;
    @FXML private HeatmapView heatmap;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Label emptyLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button backfillButton;
    @FXML private Button clearButton;
    @FXML private FlowPane legend;

    public GapsController(AppServices services, UiState state, Navigator navigator) {
        this.model = new GapsViewModel(services, state, navigator, ViewLoader.bundle(GapsController.class));
    }

    @FXML
    private void initialize() {
        heatmap.modelProperty().bind(model.modelProperty());
        heatmap.selectionProperty().bind(model.selectionProperty());
        heatmap.setOnOpen(model::open);
        heatmap.setOnSelect(model::select);
        heatmap.setDescriber(model::describe);
        summaryLabel.textProperty().bind(model.summaryProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        emptyLabel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.loadingProperty().get()
                && model.modelProperty().get().rows() == 0, model.loadingProperty(), model.modelProperty()));
        backfillButton.disableProperty().bind(model.repairableSelectedProperty().isEqualTo(0));
        backfillButton.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.repairableSelectedProperty().get();
            return n == 0 ? resources.getString("action.backfillNone")
                    : MessageFormat.format(resources.getString("action.backfill"), n);
        }, model.repairableSelectedProperty()));
        clearButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectionProperty().get()
                .isEmpty(), model.selectionProperty()));
        for (CellState s : CellState.values()) {
            legend.getChildren().add(legendItem(s, false, "legend." + s.key()));
        }
        legend.getChildren().add(legendItem(CellState.COMPLETE, true, "legend.early-close"));
        model.reload();
    }

    private HBox legendItem(CellState state, boolean earlyClose, String key) {
        Label label = new Label(resources.getString(key));
        HBox item = new HBox(6, heatmap.swatch(state, earlyClose), label);
        item.getStyleClass().add("legend-item");
        return item;
    }

    @FXML
    private void backfill() {
        model.backfill();
    }

    @FXML
    private void selectGaps() {
        model.selectGaps();
    }

    @FXML
    private void clearSelection() {
        model.clearSelection();
    }

    @FXML
    private void showNewest() {
        heatmap.scrollToNewest();
    }
}
