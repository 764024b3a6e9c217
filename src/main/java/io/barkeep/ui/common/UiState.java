package io.barkeep.ui.common;

import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State the views share, on the FX thread: which view shows, what the chart should open, and a counter that
 * goes up whenever cached data changed (a job or an updater pass finished), so views reload what they show.
 */
public final class UiState {
    /** A symbol and a session the chart should show. */
    public record ChartTarget(String symbol, LocalDate date) {
    }

    private final ObjectProperty<Navigator.View> view = new SimpleObjectProperty<>(Navigator.View.DASHBOARD);
    private final ObjectProperty<ChartTarget> chartTarget = new SimpleObjectProperty<>();
    private final IntegerProperty dataVersion = new SimpleIntegerProperty();
    private final BooleanProperty dark = new SimpleBooleanProperty();

    public ObjectProperty<Navigator.View> viewProperty() {
        return view;
    }

    public ObjectProperty<ChartTarget> chartTargetProperty() {
        return chartTarget;
    }

    /** Goes up by one each time cached data changed. */
    public IntegerProperty dataVersionProperty() {
        return dataVersion;
    }

    /** Call on the FX thread after anything that changed cached data. */
    public void dataChanged() {
        dataVersion.set(dataVersion.get() + 1);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }
}
