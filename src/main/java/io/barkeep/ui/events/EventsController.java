package io.barkeep.ui.events;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The safety events: a table over {@link EventsViewModel} with symbol, kind and text filters. Double-clicking
 * an event of one symbol opens the chart on its range. Reloads after data changes while it shows.
 */
public final class EventsController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;
    private final EventsViewModel model;
    private boolean stale;

    @FXML private ComboBox<String> symbolBox;
    @FXML private ComboBox<String> kindBox;
    @FXML private TextField searchField;
    @FXML private Label countLabel;
    @FXML private Label errorLabel;
    @FXML private Label splitLabel;
    @FXML private Button addSplitButton;
    @FXML private TableView<SafetyEvent> table;
    @FXML private TableColumn<SafetyEvent, String> timeColumn;
    @FXML private TableColumn<SafetyEvent, String> kindColumn;
    @FXML private TableColumn<SafetyEvent, String> symbolColumn;
    @FXML private TableColumn<SafetyEvent, String> sourceColumn;
    @FXML private TableColumn<SafetyEvent, String> rangeColumn;
    @FXML private TableColumn<SafetyEvent, String> messageColumn;
    @FXML private ResourceBundle resources;

    public EventsController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
        this.model = new EventsViewModel(services);
    }

    @FXML
    private void initialize() {
        filter(symbolBox, model.symbols(), model.symbolProperty(), "events.allSymbols");
        filter(kindBox, model.kinds(), model.kindProperty(), "events.allKinds");
        searchField.textProperty().bindBidirectional(model.textProperty());
        table.setItems(model.shownEvents());
        column(timeColumn, e -> EventText.time(e.at()));
        column(kindColumn, SafetyEvent::kind);
        column(symbolColumn, SafetyEvent::symbol);
        column(sourceColumn, SafetyEvent::source);
        column(rangeColumn, e -> EventText.range(e.rangeFrom(), e.rangeTo()));
        column(messageColumn, SafetyEvent::message);
        kindColumn.setCellFactory(c -> new KindCell());
        messageColumn.setCellFactory(c -> new MessageCell());
        table.setRowFactory(t -> {
            TableRow<SafetyEvent> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openChart(row.getItem());
                }
            });
            return row;
        });
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> MessageFormat.format(
                        resources.getString(model.truncatedProperty().get() ? "events.countNewest" : "events.count"),
                        model.shownEvents().size(), model.allEvents().size()),
                model.shownEvents(), model.allEvents(), model.truncatedProperty()));
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        new AddSplitAction(services, state, resources, splitLabel).bind(addSplitButton,
                table.getSelectionModel().selectedItemProperty());

        state.dataVersionProperty().addListener(obs -> refreshIfShown());
        services.settingsProperty().addListener(obs -> refreshIfShown());
        state.viewProperty().addListener((obs, was, now) -> {
            if (now == View.EVENTS && stale) {
                refreshIfShown();
            }
        });
        model.refresh();
    }

    private void filter(ComboBox<String> box, ObservableList<String> items, ObjectProperty<String> chosen,
                        String allKey) {
        box.setItems(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.equals(EventsViewModel.ALL) ? resources.getString(allKey) : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(chosen);
    }

    private static void column(TableColumn<SafetyEvent, String> column, Function<SafetyEvent, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private void openChart(SafetyEvent e) {
        if (e.symbol() != null) {
            Instant at = e.rangeFrom() != null ? e.rangeFrom() : e.at();
            navigator.openChart(e.symbol(), at.atZone(Session.NEW_YORK).toLocalDate());
        }
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    private void refreshIfShown() {
        stale = state.viewProperty().get() != View.EVENTS;
        if (!stale) {
            model.refresh();
        }
    }

    /** The kind, coloured by how bad it is. */
    private static final class KindCell extends TableCell<SafetyEvent, String> {
        @Override
        protected void updateItem(String kind, boolean empty) {
            super.updateItem(kind, empty);
            getStyleClass().removeAll("kind-error", "kind-warning");
            setText(empty ? null : kind);
            if (!empty) {
                EventText.Severity s = EventText.severity(kind);
                if (s != EventText.Severity.INFO) {
                    getStyleClass().add("kind-" + s.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** The message, whole in a tooltip: they are often longer than the column. */
    private static final class MessageCell extends TableCell<SafetyEvent, String> {
        @Override
        protected void updateItem(String message, boolean empty) {
            super.updateItem(message, empty);
            setText(empty ? null : message);
            setTooltip(empty || message == null ? null : new Tooltip(message));
        }
    }
}
