package io.barkeep.ui.gaps;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.gaps.CellDescriber.GapRow;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The gap heatmap: binds the map, its toolbar, legend and list of sessions to repair to a {@link GapsViewModel}. */
public final class GapsController {
    private final GapsViewModel model;
    /** Set while one selection (list or map) updates the other, so they do not chase each other. */
    private boolean syncing;

    @FXML private ResourceBundle resources;
    @FXML private HeatmapView heatmap;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private Label emptyLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button backfillButton;
    @FXML private Button clearButton;
    @FXML private FlowPane legend;
    @FXML private Label listTitle;
    @FXML private Label listPlaceholder;
    @FXML private TableView<GapRow> gapTable;
    @FXML private TableColumn<GapRow, String> symbolColumn;
    @FXML private TableColumn<GapRow, String> sessionColumn;
    @FXML private TableColumn<GapRow, String> stateColumn;
    @FXML private TableColumn<GapRow, Integer> missingColumn;
    @FXML private TableColumn<GapRow, String> stretchesColumn;
    @FXML private TableColumn<GapRow, String> fetchedColumn;

    public GapsController(AppServices services, UiState state, Navigator navigator) {
        this.model = new GapsViewModel(services, state, navigator, ViewLoader.bundle(GapsController.class));
        // The map is read while the view is built: FXMLLoader makes the controller before the view's nodes, which
        // take 0.2-0.3 s on the first open; the read's results reach the FX thread after the view is whole.
        model.reload();
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
        bindList();
    }

    private HBox legendItem(CellState state, boolean earlyClose, String key) {
        HBox item = new HBox(6, heatmap.swatch(state, earlyClose), new Label(resources.getString(key)));
        item.getStyleClass().add("legend-item");
        return item;
    }

    private void bindList() {
        column(symbolColumn, GapRow::symbol);
        column(sessionColumn, GapRow::session);
        column(stateColumn, GapRow::state);
        column(missingColumn, GapRow::missing);
        column(stretchesColumn, GapRow::stretches);
        column(fetchedColumn, GapRow::fetched);
        // The list may have come before the view was whole (the read starts with the controller).
        gapTable.setItems(FXCollections.observableList(model.gapsProperty().get()));
        model.gapsProperty().addListener((obs, was, rows) -> gapTable.setItems(FXCollections.observableList(rows)));
        listTitle.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                resources.getString("list.title"), model.gapsProperty().get().size()), model.gapsProperty()));
        listPlaceholder.textProperty().bind(Bindings.createStringBinding(() -> resources.getString(
                model.loadingProperty().get() || model.modelProperty().get() == HeatmapModel.EMPTY ? "list.loading"
                        : "list.empty"), model.modelProperty(), model.loadingProperty()));
        gapTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        gapTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<GapRow>) change -> {
            List<GapRow> rows = List.copyOf(gapTable.getSelectionModel().getSelectedItems());
            if (syncing || rows.isEmpty()) {
                return;
            }
            syncing = true;
            model.select(rows.stream().map(r -> new CellKey(r.symbol(), r.date())).collect(Collectors.toSet()));
            syncing = false;
            GapRow last = rows.get(rows.size() - 1);
            heatmap.reveal(last.symbol(), last.date());
        });
        model.selectionProperty().addListener((obs, was, now) -> {
            if (!syncing) {
                syncing = true;
                gapTable.getSelectionModel().clearSelection();
                syncing = false;
            }
        });
        gapTable.setRowFactory(table -> {
            TableRow<GapRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    HeatmapModel m = model.modelProperty().get();
                    model.open(m.rowOf(row.getItem().symbol()), m.columnOf(row.getItem().date()));
                }
            });
            return row;
        });
    }

    private static <T> void column(TableColumn<GapRow, T> column, Function<GapRow, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
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
