package io.barkeep.ui.settings;

import io.barkeep.store.Database;
import io.barkeep.store.DbLocation;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Secrets;
import io.barkeep.source.BarSource;
import io.barkeep.source.thetadata.ThetaMcpSource;
import io.barkeep.source.thetadata.ThetaV2Source;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.ui.app.AppServices;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import io.barkeep.domain.WatchlistEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.concurrent.CompletionException;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The settings form's state: one text per field, the problems with them as they are typed, a connection test
 * in the background, and saving, which applies the settings to the running app without a restart.
 */
public final class SettingsViewModel {
    private final AppServices services;
    private final ResourceBundle text;
    private final SettingsForm form;
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty v2Url = new SimpleStringProperty("");
    private final StringProperty concurrency = new SimpleStringProperty("");
    private final StringProperty delay = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty retain = new SimpleStringProperty("");
    private final StringProperty backups = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ObservableList<WatchlistEntry> carryOver = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper testPassed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper("");

    public SettingsViewModel(AppServices services, ResourceBundle text) {
        this.services = services;
        this.text = text;
        this.form = new SettingsForm(text);
        Settings s = services.settings();
        source.set(s.source());
        url.set(s.thetaUrl() == null ? "" : s.thetaUrl());
        v2Url.set(s.thetaV2Url() == null ? "" : s.thetaV2Url());
        concurrency.set(SettingsForm.concurrencyText(s.thetaConcurrency()));
        delay.set(Integer.toString(s.vendorDelaySeconds()));
        database.set(s.databasePath() == null ? "" : s.databasePath());
        retain.set(Integer.toString(s.retainDays()));
        backups.set(Integer.toString(s.backupKeep()));
        ObservableValue<?>[] fields = {source, url, v2Url, concurrency, delay, database, retain, backups};
        problems.bind(Bindings.createStringBinding(() -> String.join("\n", read().problems()), fields));
        for (ObservableValue<?> field : fields) {
            // A test's verdict speaks of the fields it was run with.
            field.addListener(obs -> testResult.set(""));
        }
    }

    private SettingsForm.Result read() {
        return form.read(services.settings(), source.get(), url.get(), v2Url.get(), concurrency.get(), delay.get(),
                database.get(), retain.get(), backups.get());
    }

    /** Asks the chosen source whether it answers, in the background; the verdict lands in {@link #testResult}. */
    public CompletableFuture<String> testConnection() {
        SettingsForm.Result r = read();
        if (!r.valid()) {
            testPassed.set(false);
            testResult.set(problems.get());
            return CompletableFuture.completedFuture(problems.get());
        }
        Settings s = r.settings();
        busy.set(true);
        testResult.set(text.getString("test.running"));
        CompletableFuture<String> verdict = services.ui().supply(() -> {
            // the same builder as the app's and the command line's unit, without opening a database
            String name = MarketData.checkSource(MarketData.Config.of(s, services.dataFolder()), services.clock());
            String source = Sources.isSimulated(s.source()) ? text.getString("test.simulated")
                    : MessageFormat.format(text.getString("test.ok"), name);
            DbLocation db = s.location(services.dataFolder());
            // A shared PostgreSQL cache is reached over the network: the test asks it too (without migrating it).
            return db.postgres() ? MessageFormat.format(text.getString("test.database"), source, Database.ping(db))
                    : source;
        });
        verdict.whenComplete((message, error) -> services.ui().onFx(() -> {
            busy.set(false);
            testPassed.set(error == null);
            testResult.set(error == null ? message : MessageFormat.format(text.getString("test.failed"),
                    reason(error)));
        }));
        return verdict;
    }

    private static String reason(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return Secrets.mask(e.getMessage() != null ? AppTerms.of(e.getMessage()) : e.toString());
    }

    /**
     * Saves and applies the settings (the engine and source reopen when they changed), then checks the connection.
     * A form with problems is refused: the future fails with them, and nothing is written.
     */
    public CompletableFuture<Void> save() {
        SettingsForm.Result r = read();
        if (!r.valid()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problems.get()));
        }
        busy.set(true);
        saveError.set("");
        carryOver.clear();
        // Another database file holds another watchlist: remember this one, to offer it to the new file.
        boolean switching = !r.settings().location(services.dataFolder())
                .equals(services.settings().location(services.dataFolder()));
        CompletableFuture<List<WatchlistEntry>> before = switching
                ? services.ui().supply(() -> services.engine().watchlist().list())
                : CompletableFuture.completedFuture(List.of());
        CompletableFuture<Void> applied = before.thenCompose(was -> services.apply(r.settings())
                .thenCompose(x -> services.ui().supply(() -> missingFromNew(was))))
                .thenAccept(missing -> services.ui().onFx(() -> carryOver.setAll(missing)))
                .thenRun(services::checkConnection);
        applied.whenComplete((x, e) -> services.ui().onFx(() -> {
            busy.set(false);
            if (e != null) {
                saveError.set(MessageFormat.format(text.getString("save.failed"), reason(e)));
            }
        }));
        return applied;
    }

    private List<WatchlistEntry> missingFromNew(List<WatchlistEntry> was) {
        var now = services.engine().watchlist();
        return was.stream().filter(w -> now.find(w.symbol()).isEmpty()).toList();
    }

    /**
     * Symbols of the previous database's watchlist that the new one lacks, after a save that switched files (from
     * demo.db to trading_data.db, say); empty otherwise. The dialog offers to carry them over.
     */
    public ObservableList<WatchlistEntry> carryOverProperty() {
        return carryOver;
    }

    /** Adds {@link #carryOverProperty()}'s symbols, with their priority, notes and active flag, to the new file. */
    public CompletableFuture<Integer> carryOver() {
        List<WatchlistEntry> entries = List.copyOf(carryOver);
        return services.ui().supply(() -> {
            var watchlist = services.engine().watchlist();
            for (WatchlistEntry w : entries) {
                watchlist.add(w.symbol(), w.priority(), w.notes(), services.clock().instant());
                watchlist.update(w.symbol(), w.active(), w.priority(), w.notes());
            }
            return entries.size();
        });
    }

    /** The URL the chosen source uses when the field is empty. */
    public String defaultUrl() {
        String s = source.get();
        if (s == null) {
            return "";
        }
        return switch (s) {
            case Sources.THETA -> ThetaV3Source.DEFAULT_ROOT.toString();
            case Sources.THETA_V2 -> ThetaV2Source.DEFAULT_ROOT.toString();
            case Sources.THETA_MCP -> ThetaMcpSource.DEFAULT_ROOT.toString();
            default -> "";
        };
    }

    public ObjectProperty<String> sourceProperty() {
        return source;
    }

    public StringProperty urlProperty() {
        return url;
    }

    /** The terminal's v2 surface (splits and dividends); empty for the default. */
    public StringProperty v2UrlProperty() {
        return v2Url;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    public StringProperty delayProperty() {
        return delay;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty retainProperty() {
        return retain;
    }

    public StringProperty backupsProperty() {
        return backups;
    }

    /** What is wrong with the fields, one problem a line; empty when they can be saved. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testPassedProperty() {
        return testPassed.getReadOnlyProperty();
    }

    /** Why the last save could not be applied (the new database would not open...), or empty. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** True while a test or a save runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
