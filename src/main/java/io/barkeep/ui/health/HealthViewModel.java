package io.barkeep.ui.health;

import io.barkeep.source.BarSource;
import io.barkeep.source.RequestStats;
import io.barkeep.ui.app.AppServices;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The vendor health view's state: the source's request figures ({@link RequestStats}) as text, refreshed on a
 * timer while the view shows. Reading the figures is an in-memory copy, never a request to the vendor; the
 * source is reached in the background because it opens behind the window.
 */
public final class HealthViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ROOT);

    private final AppServices services;
    private final ResourceBundle texts;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper inFlight = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("\u2014");
    private final ReadOnlyStringWrapper lastSuccess = new ReadOnlyStringWrapper("\u2014");
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private volatile RequestStats stats;

    public HealthViewModel(AppServices services, ResourceBundle texts) {
        this.services = services;
        this.texts = texts;
    }

    /** Finds the source's figures once it is open, and records the app's connection checks in them. */
    public void start() {
        services.settingsProperty().addListener((obs, was, now) -> findSource());
        services.connectionProperty().addListener((obs, was, now) -> {
            RequestStats s = stats;
            if (s != null && (now == AppServices.Connection.CONNECTED || now == AppServices.Connection.UNAVAILABLE)) {
                s.checked(now == AppServices.Connection.CONNECTED, services.connectionMessageProperty().get());
            }
        });
        findSource();
    }

    private void findSource() {
        services.ui().load(() -> services.data().source(), this::use, e -> source.set(e.getMessage()));
    }

    private void use(BarSource s) {
        stats = s.requestStats();
        source.set(MessageFormat.format(texts.getString(stats == null ? "health.noStats" : "health.source"),
                s.name()));
        refresh();
    }

    /** Copies the figures into the view's text; cheap, on the FX thread. */
    public void refresh() {
        RequestStats s = stats;
        if (s == null) {
            return;
        }
        RequestStats.Snapshot snap = s.snapshot();
        Instant now = services.clock().instant();
        inFlight.set(MessageFormat.format(texts.getString("health.inFlightValue"), snap.inFlight(), snap.limit()));
        latency.set(snap.medianMillis() < 0 ? texts.getString("health.none")
                : MessageFormat.format(texts.getString("health.latencyValue"), snap.medianMillis(),
                Math.min(snap.answered(), 256)));
        lastSuccess.set(snap.lastSuccess() == null ? texts.getString("health.never")
                : time(snap.lastSuccess()) + "  (" + ago(snap.lastSuccess(), now) + ")");
        var last = snap.changes().isEmpty() ? null : snap.changes().get(snap.changes().size() - 1);
        state.set(last == null ? texts.getString("health.unknown") : MessageFormat.format(
                texts.getString("health.state." + last.state().name()), time(last.at())));
        errors.setAll(snap.errorsByCode().isEmpty() ? java.util.List.of(texts.getString("health.noErrors"))
                : snap.errorsByCode().entrySet().stream().map(HealthViewModel::error).toList());
        java.util.List<RequestStats.Change> newestFirst = new java.util.ArrayList<>(snap.changes());
        java.util.Collections.reverse(newestFirst);
        changes.setAll(newestFirst.stream().map(c -> time(c.at()) + "    "
                + texts.getString("health.change." + c.state().name())
                + (c.detail() == null || c.detail().isEmpty() ? "" : "  \u2014 " + c.detail())).toList());
    }

    private static String error(Map.Entry<String, Integer> e) {
        return e.getValue() + " \u00d7  " + e.getKey();
    }

    private static String time(Instant t) {
        return TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    private String ago(Instant t, Instant now) {
        long s = Math.max(0, Duration.between(t, now).toSeconds());
        return s < 120 ? MessageFormat.format(texts.getString("health.secondsAgo"), s)
                : MessageFormat.format(texts.getString("health.minutesAgo"), s / 60);
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
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
}
