package io.barkeep.ui.settings;

import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings form: binds its fields to a {@link SettingsViewModel}; the dialog around it saves. */
public final class SettingsController {
    private final SettingsViewModel model;
    private final AppServices services;

    @FXML private ComboBox<String> sourceBox;
    @FXML private TextField urlField;
    @FXML private TextField v2UrlField;
    @FXML private ComboBox<String> concurrencyBox;
    @FXML private TextField delayField;
    @FXML private TextField databaseField;
    @FXML private Label databaseHint;
    @FXML private TextField retainField;
    @FXML private TextField backupsField;
    @FXML private Button testButton;
    @FXML private Label testLabel;
    @FXML private FontIcon testIcon;
    @FXML private Label problemsLabel;
    @FXML private ResourceBundle resources;

    public SettingsController(AppServices services) {
        this.services = services;
        this.model = new SettingsViewModel(services, ViewLoader.bundle(SettingsController.class));
    }

    @FXML
    private void initialize() {
        sourceBox.getItems().setAll(Sources.NAMES);
        sourceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : resources.getString("source." + name);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        sourceBox.valueProperty().bindBidirectional(model.sourceProperty());
        urlField.textProperty().bindBidirectional(model.urlProperty());
        urlField.promptTextProperty().bind(Bindings.createStringBinding(model::defaultUrl, model.sourceProperty()));
        var simulated = Bindings.createBooleanBinding(() -> Sources.isSimulated(model.sourceProperty().get()),
                model.sourceProperty());
        urlField.disableProperty().bind(simulated);
        v2UrlField.textProperty().bindBidirectional(model.v2UrlProperty());
        v2UrlField.setPromptText(io.barkeep.source.thetadata.ThetaV2Actions.DEFAULT_ROOT.toString());
        v2UrlField.disableProperty().bind(simulated);
        concurrencyBox.disableProperty().bind(simulated);
        concurrencyBox.getItems().setAll(Arrays.stream(SettingsForm.Tier.values()).map(SettingsForm.Tier::label)
                .toList());
        concurrencyBox.getEditor().textProperty().bindBidirectional(model.concurrencyProperty());
        concurrencyBox.valueProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.concurrencyProperty().set(now);
            }
        });
        delayField.textProperty().bindBidirectional(model.delayProperty());
        databaseField.textProperty().bindBidirectional(model.databaseProperty());
        databaseField.promptTextProperty().set(resources.getString("database.prompt"));
        databaseHint.visibleProperty().bind(simulated);
        databaseHint.managedProperty().bind(simulated);
        retainField.textProperty().bindBidirectional(model.retainProperty());
        backupsField.textProperty().bindBidirectional(model.backupsProperty());

        testButton.disableProperty().bind(model.busyProperty());
        testLabel.textProperty().bind(model.testResultProperty());
        testIcon.visibleProperty().bind(model.testResultProperty().isNotEmpty().and(model.busyProperty().not()));
        // Marked on every verdict, not only when passed/failed changes: a first failure must not keep the
        // FXML's check mark.
        model.testResultProperty().addListener((obs, was, now) -> mark(model.testPassedProperty().get()));
        mark(model.testPassedProperty().get());
        problemsLabel.textProperty().bind(Bindings.createStringBinding(() -> model.problemsProperty().get().isEmpty()
                ? model.saveErrorProperty().get() : model.problemsProperty().get(), model.problemsProperty(),
                model.saveErrorProperty()));
        problemsLabel.visibleProperty().bind(problemsLabel.textProperty().isNotEmpty());
        problemsLabel.managedProperty().bind(problemsLabel.visibleProperty());
    }

    private void mark(boolean ok) {
        testIcon.setIconLiteral(ok ? "mdi2c-check-circle-outline" : "mdi2a-alert-circle-outline");
        testLabel.getStyleClass().removeAll("test-ok", "test-failed");
        testLabel.getStyleClass().add(ok ? "test-ok" : "test-failed");
        testIcon.getStyleClass().removeAll("test-ok", "test-failed");
        testIcon.getStyleClass().add(ok ? "test-ok" : "test-failed");
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void chooseDatabase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(resources.getString("database.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(resources.getString("database.filter"),
                "*.db", "*.sqlite", "*.sqlite3"));
        File start = startFolder(model.databaseProperty().get());
        if (start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        // A save dialog: the file may not exist yet, Barkeep creates it.
        File file = chooser.showSaveDialog(databaseField.getScene().getWindow());
        if (file != null) {
            model.databaseProperty().set(file.getAbsolutePath());
        }
    }

    private File startFolder(String current) {
        try {
            // A postgresql:// URL is no path: the chooser starts in the data folder.
            Path folder = current.isBlank() || io.barkeep.store.DbLocation.isPostgres(current) ? null : Path.of(current).toAbsolutePath().getParent();
            return (folder == null ? services.dataFolder() : folder).toFile();
        } catch (java.nio.file.InvalidPathException e) {
            return services.dataFolder().toFile();
        }
    }

    SettingsViewModel model() {
        return model;
    }
}
