package io.barkeep.ui.watchlist;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The watchlist editor: an add field that takes one symbol or a pasted list, a filter, and a table edited in
 * place. Enter adds, Delete removes the selected rows after asking, Ctrl+F filters, Ctrl+N goes to the add field.
 */
public final class WatchlistController {
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final AppServices services;
    private final Navigator navigator;
    private final WatchlistViewModel model;
    private final Map<KeyCombination, Runnable> shortcuts = Map.of(FIND, this::focusFilter, NEW, this::focusAdd);

    @FXML private ResourceBundle resources;
    @FXML private TextField addField;
    @FXML private Label errorLabel;
    @FXML private Label infoLabel;
    @FXML private Label countLabel;
    @FXML private TextField filterField;
    @FXML private TableView<WatchlistRow> table;

    public WatchlistController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.navigator = navigator;
        this.model = new WatchlistViewModel(services, state, ViewLoader.bundle(WatchlistController.class));
    }

    @FXML
    private void initialize() {
        addField.textProperty().bindBidirectional(model.inputProperty());
        filterField.textProperty().bindBidirectional(model.filterProperty());
        message(errorLabel, model.messages().errorProperty());
        message(infoLabel, model.messages().infoProperty());
        countLabel.textProperty().bind(Bindings.createStringBinding(this::count, model.rows()));

        WatchlistColumns.install(table, resources, () -> model.messages().error("watchlist.priority.bad"));
        SortedList<WatchlistRow> sorted = new SortedList<>(model.visibleRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        MarketColumns.install(table, resources, services, navigator);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(resources.getString("placeholder.loading")));
        model.loadingProperty().addListener((obs, was, now) -> table.setPlaceholder(new Label(resources.getString(
                now ? "placeholder.loading" : "watchlist.placeholder.empty"))));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) {
                e.consume();
                confirmRemove();
            }
        });
        table.setContextMenu(contextMenu());
        model.lastAddedProperty().addListener((obs, was, symbol) -> select(symbol));
        table.sceneProperty().addListener((obs, was, now) -> shortcuts(was, now));
        model.start();
    }

    // A long message is cut with an ellipsis; the tooltip has all of it.
    private static void message(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.tooltipProperty().bind(Bindings.createObjectBinding(() -> text.get().isEmpty() ? null
                : new Tooltip(text.get()), text));
        label.managedProperty().bind(text.isNotEmpty());
    }

    @FXML
    private void add() {
        model.add();
        addField.requestFocus();
    }

    private void confirmRemove() {
        List<WatchlistRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ButtonType remove = new ButtonType(resources.getString("watchlist.confirm.remove"),
                ButtonBar.ButtonData.OK_DONE);
        // The trader chooses whether the cached data goes too: removing from the list alone keeps it.
        ButtonType purge = new ButtonType(resources.getString("watchlist.confirm.purge"),
                ButtonBar.ButtonData.OTHER);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, resources.getString("watchlist.confirm.text"), remove,
                purge, ButtonType.CANCEL);
        alert.initOwner(table.getScene().getWindow());
        alert.setTitle(resources.getString("watchlist.confirm.title"));
        alert.setHeaderText(selected.size() == 1
                ? MessageFormat.format(resources.getString("watchlist.confirm.one"), selected.get(0).symbol())
                : MessageFormat.format(resources.getString("watchlist.confirm.many"), selected.size()));
        alert.showAndWait().filter(b -> b == remove || b == purge).ifPresent(b -> model.remove(selected, b == purge));
    }

    private ContextMenu contextMenu() {
        MenuItem chart = new MenuItem(resources.getString("watchlist.menu.chart"));
        chart.setOnAction(e -> {
            WatchlistRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                navigator.openChart(r.symbol(), services.today());
            }
        });
        MenuItem remove = new MenuItem(resources.getString("watchlist.menu.remove"));
        remove.setOnAction(e -> confirmRemove());
        return new ContextMenu(chart, remove);
    }

    private void select(String symbol) {
        table.getItems().stream().filter(r -> r.symbol().equals(symbol)).findFirst().ifPresent(r -> {
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(r));
            table.scrollTo(r);
        });
    }

    private String count() {
        long active = model.rows().stream().filter(r -> r.activeProperty().get()).count();
        return MessageFormat.format(resources.getString("watchlist.count"), model.rows().size(), active);
    }

    // The shortcuts belong to the scene only while this view shows in it.
    private void shortcuts(Scene was, Scene now) {
        if (was != null) {
            shortcuts.forEach((k, r) -> was.getAccelerators().remove(k, r));
        }
        if (now != null) {
            now.getAccelerators().putAll(shortcuts);
        }
    }

    private void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    private void focusAdd() {
        addField.requestFocus();
    }
}
