package io.barkeep.ui.health;

import io.barkeep.source.BarSource;
import io.barkeep.source.RequestStats;
import io.barkeep.sync.VendorErrors;
import io.barkeep.ui.app.AppServices;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The vendor health view's state for whichever source is configured: its request figures ({@link RequestStats},
 * in memory, since the source opened) and its errors by code over 24 h (from the safety events, so they outlive a
 * restart). Copying the figures is cheap and happens on the FX thread; the errors are read in the background.
 */
public final class HealthViewModel {
    private final AppServices services;
    private final HealthTexts texts;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper simulated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper inFlight = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper lastSuccess = new ReadOnlyStringWrapper("\u2014");
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RequestStats.Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private volatile BarSource current;
    private boolean readingErrors;

    public HealthViewModel(AppServices services, HealthTexts texts) {
        this.services = services;
        this.texts = texts;
    }

    /** Finds the source once it is open, and again after the settings change it. */
    public void start() {
        services.settingsProperty().addListener((obs, was, now) -> findSource());
        findSource();
    }

    /**
     * Asks the source whether it answers, as the app's status bar does (its check, so both say the same); the
     * source records the outcome in its figures: the state over time is made of these checks and of the requests.
     */
    public void check() {
        BarSource s = current;
        if (s != null && !s.simulated()) {
            services.checkConnection();
        }
    }

    private void findSource() {
        services.ready().whenComplete((x, e) -> services.ui().onFx(() -> services.ui().load(
                () -> services.data().source(), this::use, failure -> source.set(failure.getMessage()))));
    }

    private void use(BarSource s) {
        current = s;
        simulated.set(s.simulated());
        source.set(texts.source(s));
        refresh();
        readErrors();
    }

    /** Copies the figures into the view's text; cheap, on the FX thread. */
    public void refresh() {
        BarSource s = current;
        RequestStats stats = s == null ? null : s.requestStats();
        if (stats == null) {
            return;
        }
        RequestStats.Snapshot snap = stats.snapshot();
        inFlight.set(texts.inFlight(snap));
        latency.set(texts.latency(snap));
        lastSuccess.set(texts.lastSuccess(snap.lastSuccess(), snap.at()));
        state.set(texts.state(snap.changes().isEmpty() ? null : snap.changes().get(snap.changes().size() - 1)));
        List<RequestStats.Change> newestFirst = new ArrayList<>(snap.changes());
        Collections.reverse(newestFirst);
        changes.setAll(newestFirst.stream().map(texts::change).toList());
        snapshot.set(snap);
    }

    /** Reads the errors of the last 24 h from the safety events, in the background; one read at a time. */
    public void readErrors() {
        BarSource s = current;
        if (s == null || readingErrors) {
            return;
        }
        readingErrors = true;
        services.ui().load(() -> VendorErrors.byCode(services.engine(), s.name(), services.clock().instant()),
                this::showErrors, failure -> {
                    readingErrors = false;
                    errors.setAll(failure.getMessage());
                });
    }

    private void showErrors(Map<String, Integer> byCode) {
        readingErrors = false;
        errors.setAll(byCode.isEmpty() ? List.of(texts.noErrors())
                : byCode.entrySet().stream().map(e -> texts.error(e.getKey(), e.getValue())).toList());
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty simulatedProperty() {
        return simulated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSuccessProperty() {
        return lastSuccess.getReadOnlyProperty();
    }

    public ObservableList<String> errors() {
        return errors;
    }

    public ObservableList<String> changes() {
        return changes;
    }

    /** The figures of the last refresh, for the strip that draws the state over time. */
    public ReadOnlyObjectProperty<RequestStats.Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }
}
