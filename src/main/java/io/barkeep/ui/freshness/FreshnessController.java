package io.barkeep.ui.freshness;

import io.barkeep.domain.Session;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.freshness.Thresholds.Level;
import io.barkeep.ui.freshness.Thresholds.State;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The freshness table: per symbol its span, counts, coverage, gaps and lag, coloured by {@link Thresholds},
 * sortable by any column. Double-clicking a row opens the chart at the symbol's newest session.
 */
public final class FreshnessController {
    private final UiState state;
    private final Navigator navigator;
    private final FreshnessViewModel model;

    @FXML private ResourceBundle resources;
    @FXML private Label summaryLabel;
    @FXML private Label referenceLabel;
    @FXML private TableView<FreshnessRow> table;
    @FXML private TableColumn<FreshnessRow, State> stateColumn;
    @FXML private TableColumn<FreshnessRow, String> symbolColumn;
    @FXML private TableColumn<FreshnessRow, Instant> oldestColumn;
    @FXML private TableColumn<FreshnessRow, Instant> newestColumn;
    @FXML private TableColumn<FreshnessRow, Long> barsColumn;
    @FXML private TableColumn<FreshnessRow, Long> noTradeColumn;
    @FXML private TableColumn<FreshnessRow, Long> missingColumn;
    @FXML private TableColumn<FreshnessRow, Long> expectedColumn;
    @FXML private TableColumn<FreshnessRow, Double> coverageColumn;
    @FXML private TableColumn<FreshnessRow, Integer> gapsColumn;
    @FXML private TableColumn<FreshnessRow, Long> lagColumn;
    @FXML private TableColumn<FreshnessRow, Instant> checkedColumn;

    public FreshnessController(AppServices services, UiState state, Navigator navigator) {
        this.state = state;
        this.navigator = navigator;
        this.model = new FreshnessViewModel(services, state);
    }

    @FXML
    private void initialize() {
        value(stateColumn, FreshnessRow::state);
        value(symbolColumn, FreshnessRow::symbol);
        value(oldestColumn, FreshnessRow::oldestBar);
        value(newestColumn, FreshnessRow::newestBar);
        value(barsColumn, FreshnessRow::bars);
        value(noTradeColumn, FreshnessRow::noTrade);
        value(missingColumn, FreshnessRow::missing);
        value(expectedColumn, FreshnessRow::expected);
        value(coverageColumn, FreshnessRow::coverage);
        value(gapsColumn, FreshnessRow::gaps);
        value(lagColumn, FreshnessRow::lag);
        value(checkedColumn, FreshnessRow::lastChecked);
        stateColumn.setCellFactory(c -> new StateCell(resources));
        oldestColumn.setCellFactory(Cells.time(Cells.NEW_YORK_MINUTE));
        newestColumn.setCellFactory(Cells.time(Cells.NEW_YORK_MINUTE));
        checkedColumn.setCellFactory(Cells.time(Cells.NEW_YORK_MINUTE));
        barsColumn.setCellFactory(Cells.number(Cells::count, v -> Level.OK));
        noTradeColumn.setCellFactory(Cells.number(Cells::count, v -> Level.OK));
        missingColumn.setCellFactory(Cells.number(Cells::count, v -> Level.OK));
        expectedColumn.setCellFactory(Cells.number(Cells::count, v -> Level.OK));
        coverageColumn.setCellFactory(Cells.number(Cells::percent, Thresholds::coverage));
        gapsColumn.setCellFactory(Cells.number(Cells::count, Thresholds::gaps));
        lagColumn.setCellFactory(Cells.number(Cells::count, Thresholds::lag));
        SortedList<FreshnessRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> {
            TableRow<FreshnessRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                FreshnessRow r = row.getItem();
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && r != null
                        && r.newestBar() != null) {
                    navigator.openChart(r.symbol(), r.newestBar().atZone(Session.NEW_YORK).toLocalDate());
                }
            });
            return row;
        });
        table.setPlaceholder(new Label(resources.getString("freshness.placeholder.loading")));
        model.loadingProperty().addListener((obs, was, now) -> table.setPlaceholder(new Label(resources.getString(
                now ? "freshness.placeholder.loading" : "freshness.placeholder.empty"))));
        summaryLabel.textProperty().bind(Bindings.createStringBinding(this::summary, model.countsProperty(),
                model.errorProperty()));
        referenceLabel.textProperty().bind(Bindings.createStringBinding(this::reference,
                model.referenceProperty()));
        model.start();
    }

    private static <T> void value(TableColumn<FreshnessRow, T> column, Function<FreshnessRow, T> field) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(field.apply(c.getValue())));
    }

    @FXML
    private void refresh() {
        model.reload();
    }

    private String summary() {
        if (!model.errorProperty().get().isEmpty()) {
            return MessageFormat.format(resources.getString("freshness.error"), model.errorProperty().get());
        }
        Map<State, Integer> c = model.countsProperty().get();
        int total = c.values().stream().mapToInt(Integer::intValue).sum();
        return MessageFormat.format(resources.getString("freshness.summary"), total, c.getOrDefault(State.OK, 0),
                c.getOrDefault(State.STALE, 0), c.getOrDefault(State.GAPS, 0), c.getOrDefault(State.EMPTY, 0));
    }

    private String reference() {
        FreshnessLag.Reference ref = model.referenceProperty().get();
        if (ref == null) {
            return "";
        }
        String key = ref.inSession() ? "freshness.reference.open" : "freshness.reference.closed";
        return MessageFormat.format(resources.getString(key), Cells.NEW_YORK_MINUTE.format(ref.lastClosedBar()));
    }

    /** The state icon with a short word, coloured by the state's CSS class, and a tooltip saying why. */
    private static final class StateCell extends TableCell<FreshnessRow, State> {
        private final ResourceBundle text;

        StateCell(ResourceBundle text) {
            this.text = text;
            getStyleClass().add("state-cell");
        }

        @Override
        protected void updateItem(State item, boolean empty) {
            super.updateItem(item, empty);
            for (State s : State.values()) {
                getStyleClass().remove(s.styleClass());
            }
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            getStyleClass().add(item.styleClass());
            setGraphic(new FontIcon(item.icon()));
            setText(text.getString("freshness.state." + item.name()));
            setTooltip(new Tooltip(text.getString("freshness.state." + item.name() + ".tip")));
        }
    }
}
