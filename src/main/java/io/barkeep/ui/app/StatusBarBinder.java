package io.barkeep.ui.app;

import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.UpdaterSchedule.Planned;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Binds the status bar: the source (and a SIMULATED badge for the demo feed), the terminal's connection, the
 * updater's state and next run, and the current background job with progress and cancel.
 */
final class StatusBarBinder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm");
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm");

    private final AppServices services;
    private final UpdaterService updater;
    private final ResourceBundle text;

    StatusBarBinder(AppServices services, UpdaterService updater, ResourceBundle text) {
        this.services = services;
        this.updater = updater;
        this.text = text;
    }

    void bind(Label source, Label simulated, Label connection, FontIcon connectionIcon, Label updaterLabel,
              HBox jobBox, Label jobLabel, ProgressBar jobProgress, Button cancel) {
        // Every view shows this database: the bar says which file it is (demo.db and trading_data.db differ).
        // A shared PostgreSQL cache is named by its whole URL (no password is ever part of it).
        source.textProperty().bind(Bindings.createStringBinding(() -> text.getString("status.source") + " "
                + services.settingsProperty().get().source() + " \u00b7 " + services.settingsProperty().get()
                .location(services.dataFolder()).shortName(), services.settingsProperty()));
        Tooltip file = new Tooltip();
        file.textProperty().bind(Bindings.createStringBinding(() -> services.settingsProperty().get()
                .location(services.dataFolder()).display(), services.settingsProperty()));
        source.setTooltip(file);
        simulated.visibleProperty().bind(Bindings.createBooleanBinding(services::simulated,
                services.settingsProperty()));
        simulated.managedProperty().bind(simulated.visibleProperty());
        simulated.setTooltip(new Tooltip(text.getString("status.simulated.tooltip")));
        // A short state in the bar (it must not crowd out the source); the source's own words in the tooltip.
        connection.textProperty().bind(Bindings.createStringBinding(this::connectionText,
                services.connectionProperty(), services.connectionSinceProperty()));
        Tooltip why = new Tooltip();
        why.textProperty().bind(services.connectionMessageProperty());
        connection.setTooltip(why);
        services.connectionProperty().addListener((obs, was, now) -> {
            connection.getStyleClass().removeAll("connection-ok", "connection-bad");
            connection.getStyleClass().add(now == AppServices.Connection.UNAVAILABLE ? "connection-bad"
                    : "connection-ok");
            connectionIcon.setIconLiteral(now == AppServices.Connection.UNAVAILABLE ? "mdi2l-lan-disconnect"
                    : now == AppServices.Connection.CHECKING ? "mdi2l-lan-pending" : "mdi2l-lan-connect");
        });
        if (updater != null) {
            updaterLabel.textProperty().bind(Bindings.createStringBinding(() -> updaterText(updater.nextProperty()
                    .get(), updater.getState(), updater.elsewhereProperty().get()), updater.nextProperty(),
                    updater.stateProperty(), updater.elsewhereProperty()));
        }
        jobBox.visibleProperty().bind(services.jobs().runningProperty());
        jobLabel.textProperty().bind(Bindings.createStringBinding(() -> services.jobs().titleProperty().get()
                        + (services.jobs().messageProperty().get().isEmpty() ? "" : ": "
                        + services.jobs().messageProperty().get()),
                services.jobs().titleProperty(), services.jobs().messageProperty()));
        jobProgress.progressProperty().bind(services.jobs().progressProperty());
        cancel.disableProperty().bind(services.jobs().runningProperty().not());
    }

    /** The second cancel button: shown while jobs wait behind the running one, it drops them all. */
    void bindCancelAll(Button cancelAll) {
        var queued = services.jobs().queuedProperty();
        cancelAll.textProperty().bind(Bindings.createStringBinding(() -> java.text.MessageFormat.format(
                text.getString("status.cancelAll"), queued.get()), queued));
        cancelAll.visibleProperty().bind(queued.greaterThan(0));
        cancelAll.managedProperty().bind(cancelAll.visibleProperty());
    }

    /** The last finished job's outcome while no job runs; the short history of jobs in its tooltip. */
    void bindLastJob(Label label, FontIcon icon) {
        JobHistory history = services.history();
        label.visibleProperty().bind(history.lastProperty().isNotNull().and(services.jobs().runningProperty().not()));
        label.managedProperty().bind(label.visibleProperty());
        label.textProperty().bind(Bindings.createStringBinding(() -> history.lastProperty().get() == null ? ""
                : history.lastProperty().get().text(), history.lastProperty()));
        Tooltip all = new Tooltip();
        all.textProperty().bind(Bindings.createStringBinding(() -> history.entries().stream()
                .map(e -> TIME.format(e.at().atZone(ZoneId.systemDefault())) + "  " + e.text())
                .collect(java.util.stream.Collectors.joining("\n", text.getString("status.jobs.history") + "\n", "")),
                history.entries()));
        label.setTooltip(all);
        history.lastProperty().addListener((obs, was, now) -> {
            boolean ok = now != null && JobHistory.DONE.equals(now.kind());
            icon.setIconLiteral(ok ? "mdi2c-check-circle-outline" : "mdi2a-alert-circle-outline");
            label.getStyleClass().removeAll("job-ok", "job-trouble");
            label.getStyleClass().add(ok ? "job-ok" : "job-trouble");
        });
    }

    private String connectionText() {
        AppServices.Connection state = services.connectionProperty().get();
        java.time.Instant since = services.connectionSinceProperty().get();
        return switch (state) {
            case CHECKING -> text.getString("status.connection.checking");
            case SIMULATED -> text.getString("status.connection.simulated");
            case CONNECTED -> text.getString("status.connection.ok");
            case UNAVAILABLE -> since == null ? text.getString("status.connection.down")
                    : java.text.MessageFormat.format(text.getString("status.connection.downSince"),
                    SINCE.format(since.atZone(ZoneId.systemDefault())));
        };
    }

    /** The updater's plan, in local time (the dashboard's updater tile says the same, also in local time). */
    private String updaterText(Planned next, javafx.concurrent.Worker.State state, UpdaterLock.Holder elsewhere) {
        if (elsewhere != null) {
            return java.text.MessageFormat.format(text.getString("status.updater.elsewhere"), elsewhere.host(),
                    TIME.format(elsewhere.since().atZone(ZoneId.systemDefault())));
        }
        String kind = next == null ? "" : text.getString("status.pass." + next.kind().name().toLowerCase(
                java.util.Locale.ROOT));
        if (state == javafx.concurrent.Worker.State.RUNNING) {
            return java.text.MessageFormat.format(text.getString("status.updater.running"), kind);
        }
        if (next == null) {
            return text.getString("status.updater.idle");
        }
        return java.text.MessageFormat.format(text.getString("status.updater.next"), kind,
                TIME.format(next.at().atZone(ZoneId.systemDefault())));
    }
}
