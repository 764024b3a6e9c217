package io.barkeep.ui.chart;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The toolbar's "Studies" and "View" menus over the chart's {@link ChartOptions}: each item shows and sets one
 * option, and follows the options when they change for another reason (another symbol's were restored).
 */
final class ChartMenus {
    private final ObjectProperty<ChartOptions> options;
    private final ResourceBundle texts;

    ChartMenus(ObjectProperty<ChartOptions> options, ResourceBundle texts) {
        this.options = options;
        this.texts = texts;
    }

    void fillStudies(MenuButton menu) {
        menu.getItems().setAll(
                check("study.sma", ChartOptions::sma, (o, on) -> o.withSma(on, o.smaPeriod())),
                period("study.smaPeriod", ChartOptions::smaPeriod, (o, p) -> o.withSma(o.sma(), p)),
                check("study.ema", ChartOptions::ema, (o, on) -> o.withEma(on, o.emaPeriod())),
                period("study.emaPeriod", ChartOptions::emaPeriod, (o, p) -> o.withEma(o.ema(), p)),
                check("study.vwap", ChartOptions::vwap, ChartOptions::withVwap),
                check("study.bollinger", ChartOptions::bollinger, ChartOptions::withBollinger),
                new SeparatorMenuItem());
        ToggleGroup lower = new ToggleGroup();
        for (ChartOptions.Lower pane : ChartOptions.Lower.values()) {
            RadioMenuItem item = new RadioMenuItem(texts.getString("study.lower." + pane.name().toLowerCase()));
            item.setId("lower" + pane.name());
            item.setToggleGroup(lower);
            item.setSelected(options.get().lower() == pane);
            item.setOnAction(e -> options.set(options.get().withLower(pane)));
            options.addListener((obs, was, now) -> item.setSelected(now.lower() == pane));
            menu.getItems().add(item);
        }
    }

    void fillView(MenuButton menu) {
        menu.getItems().setAll(
                check("view.separators", ChartOptions::separators, ChartOptions::withSeparators),
                check("view.localTime", ChartOptions::localTime, ChartOptions::withLocalTime),
                check("view.logScale", ChartOptions::logScale, ChartOptions::withLogScale));
    }

    private CheckMenuItem check(String key, Predicate<ChartOptions> get,
                                BiFunction<ChartOptions, Boolean, ChartOptions> set) {
        CheckMenuItem item = new CheckMenuItem(texts.getString(key));
        item.setId(key.replace('.', '-'));
        item.setSelected(get.test(options.get()));
        item.setOnAction(e -> options.set(set.apply(options.get(), item.isSelected())));
        options.addListener((obs, was, now) -> item.setSelected(get.test(now)));
        return item;
    }

    /** A period spinner inside the menu; the menu stays open while it is used. */
    private CustomMenuItem period(String key, Function<ChartOptions, Integer> get,
                                  BiFunction<ChartOptions, Integer, ChartOptions> set) {
        Spinner<Integer> spinner = new Spinner<>(1, ChartOptions.MAX_PERIOD, get.apply(options.get()));
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        spinner.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(get.apply(options.get()))) {
                options.set(set.apply(options.get(), now));
            }
        });
        options.addListener((obs, was, now) -> spinner.getValueFactory().setValue(get.apply(now)));
        Label label = new Label(MessageFormat.format(texts.getString(key), ""));
        HBox row = new HBox(8, label, spinner);
        row.setPadding(new Insets(0, 0, 0, 24));
        CustomMenuItem item = new CustomMenuItem(row, false);
        return item;
    }
}
