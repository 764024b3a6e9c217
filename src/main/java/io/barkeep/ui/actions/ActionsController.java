package io.barkeep.ui.actions;

import io.barkeep.domain.CorporateAction;
import io.barkeep.ui.app.AppServices;
import java.io.File;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The splits and dividends table: filter by symbol, add by hand, remove the selected one, import a CSV file. */
public final class ActionsController {
    private static final java.time.format.DateTimeFormatter LEARNT = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm").withZone(io.barkeep.domain.Session.NEW_YORK);

    private final AppServices services;
    private ActionsViewModel model;

    @FXML private TextField filterField;
    @FXML private TableView<CorporateAction> table;
    @FXML private TableColumn<CorporateAction, String> symbolColumn;
    @FXML private TableColumn<CorporateAction, String> dateColumn;
    @FXML private TableColumn<CorporateAction, String> kindColumn;
    @FXML private TableColumn<CorporateAction, String> valueColumn;
    @FXML private TableColumn<CorporateAction, String> sourceColumn;
    @FXML private TableColumn<CorporateAction, String> learntColumn;
    @FXML private TextField symbolField;
    @FXML private ComboBox<CorporateAction.Kind> kindBox;
    @FXML private TextField valueField;
    @FXML private DatePicker exDatePicker;
    @FXML private Button removeButton;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private ResourceBundle resources;

    public ActionsController(AppServices services) {
        this.services = services;
    }

    @FXML
    private void initialize() {
        model = new ActionsViewModel(services, resources);
        filterField.textProperty().bindBidirectional(model.filterProperty());
        table.setItems(model.shownActions());
        column(symbolColumn, CorporateAction::symbol);
        column(dateColumn, a -> a.exDate().toString());
        column(kindColumn, a -> resources.getString("actions.kind." + a.kind().label()));
        column(valueColumn, CorporateAction::value);
        column(sourceColumn, CorporateAction::source);
        column(learntColumn, a -> LEARNT.format(a.learntAt()));
        kindBox.getItems().setAll(CorporateAction.Kind.values());
        kindBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(CorporateAction.Kind k) {
                return k == null ? "" : resources.getString("actions.kind." + k.label());
            }

            @Override
            public CorporateAction.Kind fromString(String s) {
                return null;
            }
        });
        kindBox.getSelectionModel().select(CorporateAction.Kind.SPLIT);
        kindBox.valueProperty().addListener((o, was, now) -> valueField.setPromptText(resources.getString(
                now == CorporateAction.Kind.DIVIDEND ? "actions.prompt.amount" : "actions.prompt.ratio")));
        removeButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        messageLabel.textProperty().bind(model.messageProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        model.refresh();
    }

    private static void column(TableColumn<CorporateAction, String> c, Function<CorporateAction, String> value) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void add() {
        model.add(symbolField.getText(), kindBox.getValue(), valueField.getText(), exDatePicker.getValue());
    }

    @FXML
    private void remove() {
        CorporateAction selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.remove(selected);
        }
    }

    @FXML
    private void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("actions.import.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showOpenDialog(table.getScene().getWindow());
        if (file != null) {
            model.importFile(file.toPath());
        }
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    ActionsViewModel model() {
        return model;
    }
}
