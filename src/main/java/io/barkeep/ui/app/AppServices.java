package io.barkeep.ui.app;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.source.BarSource;
import io.barkeep.source.SourceException;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.OriginalDesignMigration;
import io.barkeep.store.StoreException;
import io.barkeep.store.UpdaterLock;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Settings;
import io.barkeep.sync.Sources;
import io.barkeep.sync.SyncResult;
import io.barkeep.sync.UpdaterPolicy;
import io.barkeep.sync.UpdaterSchedule;
import io.barkeep.sync.UpdaterSchedule.Planned;
import io.barkeep.ui.common.BackgroundJobs;
import io.barkeep.ui.common.UiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop app runs on: the settings, the cache engine and the source (opened in the background so
 * the window shows at once), the job queue and the connection state. View models reach the database only
 * through work they hand to {@link #ui()}, never on the FX thread.
 */
public final class AppServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    /** Whether the source answers. */
    public enum Connection { CHECKING, CONNECTED, SIMULATED, UNAVAILABLE }

    private final Path dataFolder;
    private final UiExecutor ui;
    private final Clock clock;
    private final BackgroundJobs jobs;
    private final JobHistory history = new JobHistory();
    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>(Connection.CHECKING);
    private final ReadOnlyStringWrapper connectionMessage = new ReadOnlyStringWrapper("");
    /** When the connection entered its current state (for "not connected since 14:02"). */
    private final ReadOnlyObjectWrapper<java.time.Instant> connectionSince = new ReadOnlyObjectWrapper<>();
    // Pending until start() opens it: a view that loads before then waits instead of failing.
    private final CompletableFuture<MarketData> firstOpen = new CompletableFuture<>();
    private volatile CompletableFuture<MarketData> opened = firstOpen;
    private volatile java.util.function.Predicate<Path> migrationConsent = file -> false;
    private final ReadOnlyObjectWrapper<Planned> nextPass = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UpdaterLock.Holder> updaterElsewhere = new ReadOnlyObjectWrapper<>();
    // What the running updater planned, read by background work (the dashboard's query); null before it plans.
    private volatile Planned planned;
    private final SharedFreshness freshness;

    public AppServices(Path dataFolder, Settings initial, UiExecutor ui, Clock clock) {
        this.dataFolder = dataFolder;
        this.ui = ui;
        this.clock = clock;
        this.jobs = new BackgroundJobs(ui);
        this.settings.set(initial);
        this.freshness = new SharedFreshness(this::engine, clock);
    }

    /** Opens the database and the source in the background; call once, after the window shows. */
    public CompletableFuture<Void> start() {
        Settings s = settings.get();
        // Its own thread, not the shared pool: views may already hold pool threads waiting for this.
        CompletableFuture.supplyAsync(() -> open(s), ui.dedicated("barkeep-open")).whenComplete((o, e) -> {
            if (e == null) {
                LOG.info("cache open: {}", s.location(dataFolder));
                firstOpen.complete(o);
            } else {
                firstOpen.completeExceptionally(e);
            }
        });
        return firstOpen.thenAccept(o -> checkConnection());
    }

    /**
     * Completes when the engine and source in force are open (at once when they are), so work can wait for them
     * without holding a thread; fails when they could not be opened.
     */
    public CompletableFuture<Void> ready() {
        return opened.thenApply(o -> null);
    }

    /**
     * Who says yes before a file holding the original design's tables is migrated (the app asks the person in a
     * dialog; it is called on a background thread and may block until they answer). Without one, such a file is
     * not opened.
     */
    public void askBeforeMigrating(java.util.function.Predicate<Path> consent) {
        this.migrationConsent = consent;
    }

    /** The engine, the source and the lazy cache, built as one unit by the one place that builds them. */
    private MarketData open(Settings s) {
        Path file = s.location(dataFolder).file();
        // Only a SQLite file can hold the original design (a shared PostgreSQL cache has no file).
        if (file != null && OriginalDesignMigration.holdsOriginalTables(file) && !migrationConsent.test(file)) {
            throw new StoreException(file + " holds the original design's market_data_bars table; Barkeep opens it "
                    + "once it is migrated (a backup is taken first), or choose another database in Settings");
        }
        return MarketData.open(MarketData.Config.of(s, dataFolder), clock);
    }

    /**
     * Applies new settings: saved at once. When they change the unit (database, source, terminal, limit, cache), the
     * old unit is closed first, after its requests in flight have ended, so the old and the new source never
     * have more than the limit in flight together; work asked for meanwhile waits for the new unit.
     */
    public CompletableFuture<Void> apply(Settings next) {
        Settings before = settings.get();
        boolean reopen = !next.location(dataFolder).equals(before.location(dataFolder))
                || !next.source().equals(before.source()) || !java.util.Objects.equals(next.thetaUrl(),
                before.thetaUrl()) || next.thetaConcurrency() != before.thetaConcurrency()
                || next.cacheMb() != before.cacheMb();
        CompletableFuture<MarketData> old = opened;
        if (reopen) {
            // Closing and opening touch the disk: in the background, even when the old engine is long open
            // (handle() on a completed future would run them on the caller's, the FX, thread).
            opened = old.handle((o, e) -> o).thenCompose(o -> ui.supply(() -> {
                if (o != null) {
                    o.close();
                }
                return open(next);
            }));
        }
        // Set once the new engine is on its way, so a view that reloads on this change reaches the new one.
        settings.set(next);
        CompletableFuture<Void> saved = ui.supply(() -> {
            next.save(dataFolder);
            return null;
        });
        if (!reopen) {
            return saved;
        }
        return saved.thenCombine(opened, (a, b) -> null).thenAccept(x -> checkConnection());
    }

    /** The engine, waiting for it to open: call from background work only. */
    public CacheEngine engine() {
        return opened.join().engine();
    }

    /** Every symbol's freshness, one report shared by the views until the data changes: background work only. */
    public SharedFreshness freshness() {
        return freshness;
    }

    /** The lazy cache over the engine and the configured source: call from background work only. */
    public MarketData data() {
        return opened.join();
    }

    /** Asks the source whether it answers, off the FX thread. */
    public void checkConnection() {
        ui.supply(() -> {
            BarSource source = data().source();
            if (source.simulated()) {
                return new Object[] {Connection.SIMULATED, "built-in simulated feed"};
            }
            try {
                source.checkReady();
                return new Object[] {Connection.CONNECTED, source.name() + " connected"};
            } catch (SourceException e) {
                return new Object[] {Connection.UNAVAILABLE, e.getMessage()};
            }
        }).whenComplete((r, e) -> ui.onFx(() -> {
            Connection now = e == null ? (Connection) r[0] : Connection.UNAVAILABLE;
            if (now != connection.get() || connectionSince.get() == null) {
                connectionSince.set(clock.instant());
            }
            connection.set(now);
            connectionMessage.set(e == null ? (String) r[1] : String.valueOf(e.getMessage()));
        }));
    }

    /** Queues a backfill of {@code symbols} over from..to, with progress and cancel in the status bar. */
    public CompletableFuture<SyncResult> backfill(String title, List<String> symbols, LocalDate from, LocalDate to) {
        return jobs.submit(title, (progress, cancelled) -> {
            SyncResult result = null;
            String error = null;
            try {
                refreshActions(symbols, from);
                result = data().backfill(symbols, from, to, (done, total, bars) -> progress.update(done, total,
                        done + "/" + total + " requests, " + bars + " bars"), cancelled);
                return result;
            } catch (RuntimeException e) {
                error = String.valueOf(e.getMessage());
                throw e;
            } finally {
                // Every finished job says how it ended: a notice, a line in the history, an event.
                JobHistory.Entry entry = JobHistory.finished(engine(), settings().source(), title, symbols, from, to,
                        result, error);
                ui.onFx(() -> history.add(entry));
            }
        });
    }

    /** Splits and dividends from the source in force, into the cache in force: for backfills and the updater. */
    io.barkeep.sync.ActionSync actionSync() {
        var engine = data().engine();
        return new io.barkeep.sync.ActionSync(engine, io.barkeep.sync.ActionSync.forSource(settings().source(),
                settings().thetaV2Url(), engine.bars().calendar(), clock));
    }

    /**
     * The splits and dividends of {@code symbols} from {@code from} to today, before their bars (as the command
     * line's backfill does), so a known split's jump is not suspected and the chart shows them adjusted. A source
     * that cannot answer is one event (ActionSync says it once); the bars carry on.
     */
    private void refreshActions(List<String> symbols, LocalDate from) {
        try {
            actionSync().refresh(symbols, from, today());
        } catch (RuntimeException e) {
            LOG.warn("splits and dividends of {} not refreshed: {}", symbols, e.toString());
        }
    }

    /** The updater's policy for the settings in force: the one place the app builds it. */
    public UpdaterPolicy updaterPolicy() {
        return new UpdaterPolicy(new UpdaterSchedule(NyseCalendar.current(clock),
                Duration.ofSeconds(settings().vendorDelaySeconds())));
    }

    /**
     * The updater's next pass as {@link UpdaterPolicy} planned it: the running updater's plan, or before one runs,
     * the policy's first pass from now. What the status bar and the dashboard show. Any thread.
     */
    public Planned nextPass() {
        Planned p = planned;
        return p != null ? p : updaterPolicy().first(clock.instant());
    }

    /** The running updater's plan; changes on the FX thread each time it plans a pass. */
    public ReadOnlyObjectProperty<Planned> nextPassProperty() {
        return nextPass.getReadOnlyProperty();
    }

    /** Called by the updater service on the FX thread whenever it plans its next pass. */
    void publishNextPass(Planned next) {
        planned = next;
        nextPass.set(next);
    }

    /**
     * Who runs the updater of this shared cache instead of this app (null while this app may run it), as the
     * updater service last learned it; changes on the FX thread. The dashboard says so instead of a next pass.
     */
    public ReadOnlyObjectProperty<UpdaterLock.Holder> updaterElsewhereProperty() {
        return updaterElsewhere.getReadOnlyProperty();
    }

    /** Called by the updater service on the FX thread when the holder of the updater lock changes. */
    void publishUpdaterElsewhere(UpdaterLock.Holder holder) {
        updaterElsewhere.set(holder);
    }

    /** Today in New York by this app's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Session.NEW_YORK));
    }

    public Path dataFolder() {
        return dataFolder;
    }

    public UiExecutor ui() {
        return ui;
    }

    public Clock clock() {
        return clock;
    }

    /** The backfill jobs finished in this session, newest first. */
    public JobHistory history() {
        return history;
    }

    public BackgroundJobs jobs() {
        return jobs;
    }

    public Settings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public boolean simulated() {
        return Sources.isSimulated(settings.get().source());
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<java.time.Instant> connectionSinceProperty() {
        return connectionSince.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionMessageProperty() {
        return connectionMessage.getReadOnlyProperty();
    }

    @Override
    public void close() {
        jobs.cancelAll();
        CompletableFuture<MarketData> o = opened;
        if (o != null && o.isDone() && !o.isCompletedExceptionally()) {
            o.join().close();
        }
        LOG.info("app services closed");
    }
}
