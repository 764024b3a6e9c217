package io.barkeep.ui.chart;

import atlantafx.base.theme.Styles;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Symbols;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/** The chart view: a symbol picker, interval buttons and the candlestick chart, bound to a {@link ChartViewModel}. */
public final class ChartController {
    static final List<Interval> INTERVALS = List.of(Interval.FIVE_MINUTES, Interval.FIFTEEN_MINUTES,
            Interval.THIRTY_MINUTES, Interval.ONE_HOUR, Interval.ONE_DAY);

    private final ChartViewModel model;

    @FXML private ComboBox<String> symbolBox;
    @FXML private ToggleButton interval5m;
    @FXML private ToggleButton interval15m;
    @FXML private ToggleButton interval30m;
    @FXML private ToggleButton interval1h;
    @FXML private ToggleButton interval1d;
    @FXML private Label symbolError;
    @FXML private Label statusLabel;
    @FXML private Label readoutLabel;
    @FXML private Label messageLabel;
    @FXML private CandleChart chart;

    public ChartController(AppServices services, UiState state, Navigator navigator) {
        this.model = new ChartViewModel(services, state, ViewLoader.bundle(ChartController.class));
    }

    @FXML
    private void initialize() {
        ResourceBundle texts = ViewLoader.bundle(ChartController.class);
        bindIntervals();
        symbolBox.setItems(model.symbols());
        // Replacing the items clears an editable combo box's value: put the shown symbol back.
        model.symbols().addListener((ListChangeListener<String>) c ->
                symbolBox.setValue(model.symbolProperty().get()));
        symbolBox.setOnAction(e -> pickSymbol(symbolBox.getValue()));
        symbolError.visibleProperty().bind(symbolError.textProperty().isNotEmpty());
        symbolError.managedProperty().bind(symbolError.visibleProperty());
        model.symbolProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(symbolBox.getValue())) {
                symbolBox.setValue(now);
            }
        });

        chart.dataProperty().bind(model.dataProperty());
        chart.viewportProperty().bindBidirectional(model.viewportProperty());
        chart.loadingOlderProperty().bind(model.loadingOlderProperty());
        chart.loadingOlderTextProperty().set(texts.getString("chart.loadingOlder"));
        chart.hoverSlotProperty().addListener((obs, was, now) -> showReadout());
        model.dataProperty().addListener((obs, was, now) -> showReadout());

        statusLabel.visibleProperty().bind(model.loadingProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        model.start();
        Platform.runLater(chart::requestFocus);
    }

    private void bindIntervals() {
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> buttons = List.of(interval5m, interval15m, interval30m, interval1h, interval1d);
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setUserData(INTERVALS.get(i));
            buttons.get(i).setText(INTERVALS.get(i).label());
            buttons.get(i).setToggleGroup(group);
        }
        group.selectToggle(buttons.get(INTERVALS.indexOf(model.intervalProperty().get())));
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // The interval in use stays pressed: clicking it again must not leave none selected.
                was.setSelected(true);
            } else {
                model.intervalProperty().set((Interval) now.getUserData());
            }
        });
        model.intervalProperty().addListener((obs, was, now) -> {
            for (Toggle t : group.getToggles()) {
                t.setSelected(now.equals(t.getUserData()));
            }
        });
    }

    private void pickSymbol(String raw) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        try {
            String symbol = Symbols.normalize(raw);
            symbolBox.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            symbolError.setText("");
            if (!symbol.equals(model.symbolProperty().get())) {
                model.open(symbol);
            }
            if (!symbol.equals(raw)) {
                symbolBox.setValue(symbol);
            }
            chart.requestFocus();
        } catch (IllegalArgumentException e) {
            symbolBox.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            symbolError.setText(e.getMessage());
        }
    }

    private void showReadout() {
        readoutLabel.setText(model.readout(chart.hoverSlotProperty().get()));
    }

    @FXML
    private void fit() {
        model.fit();
        chart.requestFocus();
    }

    /** For tests. */
    ChartViewModel viewModel() {
        return model;
    }

    CandleChart chart() {
        return chart;
    }
}
