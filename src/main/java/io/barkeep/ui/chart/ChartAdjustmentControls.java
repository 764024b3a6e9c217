package io.barkeep.ui.chart;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SplitDetector.SuspectedSplit;
import io.barkeep.ui.actions.SuspectedSplits;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.chart.ChartActionMarkers.Marker;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The chart's corporate actions: the "Adjusted / Raw" toggle (kept with the chart's other options), the legend
 * that says which prices are shown, a tooltip over each split or dividend badge, and the banner of a suspected
 * split with its one-click "Add this split", which stores it (source manual) and shows the chart adjusted.
 */
final class ChartAdjustmentControls {
    private static final DateTimeFormatter LEARNT = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private final AppServices services;
    private final UiState state;
    private final ObjectProperty<ChartOptions> options;
    private final ResourceBundle texts;
    private final Tooltip tip = new Tooltip();
    private final ObjectProperty<SuspectedSplit> chosen = new SimpleObjectProperty<>();

    ChartAdjustmentControls(AppServices services, UiState state, ObjectProperty<ChartOptions> options,
                            ResourceBundle texts) {
        this.services = services;
        this.state = state;
        this.options = options;
        this.texts = texts;
    }

    /** Adjusted and Raw as two pills of one group; a click sets the option, the option sets the pills. */
    void bindToggle(ToggleButton adjusted, ToggleButton raw, ChartViewModel model) {
        ToggleGroup group = new ToggleGroup();
        adjusted.setToggleGroup(group);
        raw.setToggleGroup(group);
        adjusted.setTooltip(new Tooltip(texts.getString("chart.adjustedTip")));
        raw.setTooltip(new Tooltip(texts.getString("chart.rawTip")));
        Runnable show = () -> group.selectToggle(options.get().raw() ? raw : adjusted);
        show.run();
        options.addListener((obs, was, now) -> show.run());
        adjusted.setOnAction(e -> options.set(options.get().withRaw(false)));
        raw.setOnAction(e -> options.set(options.get().withRaw(true)));
        // the pressed pill stays pressed: clicking it again must not leave neither
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                show.run();
            }
        });
        model.adjustmentProperty().bind(Bindings.createObjectBinding(() -> options.get().adjustment(), options));
    }

    /** The legend line and the badges' tooltip and clicks. */
    void bindMarks(ChartViewModel model, CandleChart chart, Label legend) {
        ChartMarkerLayer layer = chart.markers();
        layer.marksProperty().bind(model.marksProperty());
        legend.textProperty().bind(Bindings.createStringBinding(() -> legend(model.marksProperty().get()),
                model.marksProperty()));
        layer.hoverProperty().addListener((obs, was, now) -> {
            if (now == null) {
                tip.hide();
                return;
            }
            tip.setText(describe(now));
            Point2D at = chart.localToScreen(now.x() + ChartActionMarkers.SIZE, now.y() - 8);
            if (at != null && chart.getScene() != null) {
                tip.show(chart, at.getX(), at.getY());
            }
        });
        layer.onClickProperty().set(m -> {
            if (m.suspected() != null) {
                chosen.set(m.suspected());
            }
        });
        model.marksProperty().addListener((obs, was, now) -> {
            SuspectedSplit s = chosen.get();
            List<SuspectedSplit> all = now.suspected();
            chosen.set(s != null && all.contains(s) ? s : all.isEmpty() ? null : all.get(all.size() - 1));
        });
    }

    /** The banner under the toolbar while a suspected split is in the loaded range. */
    void bindSuspect(Region banner, Label text, Button add, java.util.function.Consumer<String> notice) {
        banner.visibleProperty().bind(chosen.isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        text.textProperty().bind(Bindings.createStringBinding(() -> chosen.get() == null ? ""
                : MessageFormat.format(texts.getString("chart.suspect"), chosen.get().message()), chosen));
        add.setText(texts.getString("chart.addSplit"));
        add.setOnAction(e -> {
            SuspectedSplit s = chosen.get();
            if (s == null) {
                return;
            }
            add.setDisable(true);
            services.ui().load(() -> SuspectedSplits.add(services.engine(), s, services.clock()), a -> {
                add.setDisable(false);
                chosen.set(null);
                notice.accept(MessageFormat.format(texts.getString("chart.splitAdded"), a.describe()));
                options.set(options.get().withRaw(false));
                state.dataChanged();
            }, error -> {
                add.setDisable(false);
                notice.accept(MessageFormat.format(texts.getString("chart.splitNotAdded"), s.message(),
                        error.getMessage()));
            });
        });
    }

    String legend(ActionMarks marks) {
        if (!marks.adjusted()) {
            return texts.getString("chart.legend.raw");
        }
        return MessageFormat.format(texts.getString("chart.legend.adjusted"), marks.applied());
    }

    String describe(Marker m) {
        if (m.action() == null) {
            return MessageFormat.format(texts.getString("chart.marker.suspected"), m.suspected().message());
        }
        CorporateAction a = m.action();
        String learnt = LEARNT.format(a.learntAt().atZone(io.barkeep.domain.Session.NEW_YORK));
        return MessageFormat.format(texts.getString(a.isSplit() ? "chart.marker.split" : "chart.marker.dividend"),
                a.value(), a.exDate().toString(), a.source(), learnt);
    }

    /** The suspected split the banner offers (tests). */
    ObjectProperty<SuspectedSplit> chosenProperty() {
        return chosen;
    }

    Tooltip tooltip() {
        return tip;
    }
}
