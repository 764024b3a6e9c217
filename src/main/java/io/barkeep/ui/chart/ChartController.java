package io.barkeep.ui.chart;

import atlantafx.base.theme.Styles;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Symbols;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The chart view: a symbol picker, interval and range buttons, studies and view menus, export, and the
 * candlestick chart, bound to a {@link ChartViewModel} and its {@link ChartStudiesModel}.
 */
public final class ChartController {
    static final List<Interval> INTERVALS = List.of(Interval.FIVE_MINUTES, Interval.FIFTEEN_MINUTES,
            Interval.THIRTY_MINUTES, Interval.ONE_HOUR, Interval.ONE_DAY);

    private final ChartViewModel model;
    private final AppServices services;
    private final UiState state;
    private final ZoneId localZone;
    private final ResourceBundle texts = ViewLoader.bundle(ChartController.class);
    private ChartStudiesModel studies;
    private SymbolPicker picker;

    @FXML private ComboBox<String> symbolBox;
    @FXML private ToggleButton interval5m;
    @FXML private ToggleButton interval15m;
    @FXML private ToggleButton interval30m;
    @FXML private ToggleButton interval1h;
    @FXML private ToggleButton interval1d;
    @FXML private HBox rangeBar;
    @FXML private DatePicker dateBox;
    @FXML private MenuButton studiesMenu;
    @FXML private MenuButton viewMenu;
    @FXML private Label symbolError;
    @FXML private Label statusLabel;
    @FXML private Label noticeLabel;
    @FXML private Label readoutLabel;
    @FXML private Label studyReadout;
    @FXML private Label messageLabel;
    @FXML private CandleChart chart;
    @FXML private ToggleButton adjustedButton;
    @FXML private ToggleButton rawButton;
    @FXML private Label adjustmentLegend;
    @FXML private HBox suspectBar;
    @FXML private Label suspectLabel;
    @FXML private Button addSplitButton;
    private ChartAdjustmentControls adjustment;

    public ChartController(AppServices services, UiState state, Navigator navigator) {
        this(services, state, navigator, ZoneId.systemDefault());
    }

    /** A chart whose "local time" is {@code localZone} (tests: a zone other than the machine's). */
    ChartController(AppServices services, UiState state, Navigator navigator, ZoneId localZone) {
        this.localZone = localZone;
        this.services = services;
        this.state = state;
        this.model = new ChartViewModel(services, state, texts);
    }

    @FXML
    private void initialize() {
        bindIntervals();
        bindRanges();
        picker = new SymbolPicker(symbolBox, model.symbols(), this::pickSymbol);
        model.symbolProperty().addListener((obs, was, now) -> picker.show(now));
        for (Label l : List.of(symbolError, studyReadout, noticeLabel)) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        // Both change on every frame of a pan: their new text lays out only themselves.
        ReadoutBox.wrap(readoutLabel);
        ReadoutBox.wrap(studyReadout);
        studies = new ChartStudiesModel(services, model.symbolProperty(), model.dataProperty(), texts, localZone);
        ChartMenus menus = new ChartMenus(studies.optionsProperty(), texts);
        menus.fillStudies(studiesMenu);
        menus.fillView(viewMenu);
        adjustment = new ChartAdjustmentControls(services, state, studies.optionsProperty(), texts);
        adjustment.bindToggle(adjustedButton, rawButton, model);
        adjustment.bindMarks(model, chart, adjustmentLegend);
        adjustment.bindSuspect(suspectBar, suspectLabel, addSplitButton, noticeLabel::setText);
        dateBox.setOnAction(e -> {
            if (dateBox.getValue() != null && model.symbolProperty().get() != null) {
                model.goTo(dateBox.getValue());
                chart.requestFocus();
            }
        });

        chart.dataProperty().bind(studies.shownProperty());
        chart.optionsProperty().bind(studies.optionsProperty());
        chart.studiesProperty().bind(studies.studiesProperty());
        chart.viewportProperty().bindBidirectional(model.viewportProperty());
        chart.loadingOlderProperty().bind(model.loadingOlderProperty());
        chart.loadingOlderTextProperty().set(texts.getString("chart.loadingOlder"));
        chart.hoverSlotProperty().addListener((obs, was, now) -> showReadout());
        chart.dataProperty().addListener((obs, was, now) -> showReadout());
        chart.viewportProperty().addListener((obs, was, now) -> showReadout());
        studies.studiesProperty().addListener((obs, was, now) -> showReadout());

        statusLabel.visibleProperty().bind(model.loadingProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        messageLabel.visibleProperty().bind(model.messageProperty().isNotEmpty());
        model.start();
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

    private void bindRanges() {
        ChartRange[] ranges = ChartRange.values();
        for (int i = 0; i < ranges.length; i++) {
            ChartRange r = ranges[i];
            Button b = new Button(r.label);
            b.setId("range" + r.label);
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == ranges.length - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setTooltip(new Tooltip(MessageFormat.format(texts.getString("chart.rangeTip"),
                    texts.getString("chart.range." + r.name()))));
            b.setOnAction(e -> {
                model.showRange(r);
                chart.requestFocus();
            });
            rangeBar.getChildren().add(b);
        }
    }

    private void pickSymbol(String raw) {
        try {
            String symbol = Symbols.normalize(raw);
            symbolBox.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            symbolError.setText("");
            if (!symbol.equals(model.symbolProperty().get())) {
                model.open(symbol);
            }
            picker.show(symbol);
            chart.requestFocus();
        } catch (IllegalArgumentException e) {
            symbolBox.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            symbolError.setText(e.getMessage());
        }
    }

    private void showReadout() {
        int slot = chart.hoverSlotProperty().get();
        ChartData d = chart.dataProperty().get();
        readoutLabel.setText(ChartReadout.line(d, chart.viewportProperty().get(), slot, texts));
        studyReadout.setText(studies.values(slot < 0 ? ChartViews.newestVisibleBar(d, chart.viewportProperty().get())
                : slot));
    }

    @FXML
    private void fit() {
        model.fit();
        chart.requestFocus();
    }

    @FXML
    private void exportCsv() {
        new ChartExportActions(services, chart, texts, noticeLabel::setText).csv();
    }

    @FXML
    private void exportPng() {
        new ChartExportActions(services, chart, texts, noticeLabel::setText).png();
    }

    /** For tests. */
    ChartViewModel viewModel() {
        return model;
    }

    CandleChart chart() {
        return chart;
    }

    ChartStudiesModel studies() {
        return studies;
    }

    ChartAdjustmentControls adjustment() {
        return adjustment;
    }
}
