package io.barkeep.store;

import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The cache engine over one database (a SQLite file or a PostgreSQL database): every repository and service wired once, for the command line,
 * the updater and the desktop app alike.
 */
public final class CacheEngine implements AutoCloseable {
    /** The hot cache's default bound (the original design's 100 MB LRU). */
    public static final long DEFAULT_CACHE_BYTES = 100L * 1024 * 1024;

    private final Database database;
    private final BarStore bars;
    private final WatchlistRepository watchlist;
    private final QuarantineRepository quarantine;
    private final SafetyEventRepository events;
    private final GapService gaps;
    private final FreshnessService freshness;
    private final Retention retention;
    private final RevisionRepository revisions;
    private final FeedGuard feedGuard;
    private final ActionRepository actions;
    private final AdjustedReads adjusted;
    private final Clock clock;

    private CacheEngine(Database database, TradingCalendar calendar, long cacheBytes, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.bars = new BarStore(database, calendar, cacheBytes, clock);
        this.watchlist = new WatchlistRepository(database);
        this.quarantine = new QuarantineRepository(database);
        this.events = new SafetyEventRepository(database);
        this.gaps = new GapService(bars);
        this.freshness = new FreshnessService(bars);
        this.retention = new Retention(bars);
        this.revisions = new RevisionRepository(bars);
        this.feedGuard = new FeedGuard(database);
        this.actions = new ActionRepository(database, bars, events);
        this.adjusted = new AdjustedReads(bars, actions);
        bars.onWrite(new SplitWatch(database, actions, events, clock)::afterWrite);
        TradingSessionTable.sync(database, calendar);
        SlotMaskFill.runOnce(database, calendar);
    }

    /**
     * Opens (creating, checking and migrating) the database at {@code file}. A file that holds the original
     * design's tables is first migrated into the compact store, once, with a backup beside it.
     */
    public static CacheEngine open(Path file, TradingCalendar calendar, long cacheBytes, Clock clock) {
        return open(DbLocation.sqlite(file), calendar, cacheBytes, clock);
    }

    /** As {@link #open(Path, TradingCalendar, long, Clock)} for a SQLite file or a PostgreSQL database. */
    public static CacheEngine open(DbLocation location, TradingCalendar calendar, long cacheBytes, Clock clock) {
        if (!location.postgres() && OriginalDesignMigration.holdsOriginalTables(location.file())) {
            OriginalDesignMigration.migrate(location.file(), calendar, clock);
        }
        Database database = Database.open(location);
        try {
            return new CacheEngine(database, calendar, cacheBytes, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public BarStore bars() {
        return bars;
    }

    public WatchlistRepository watchlist() {
        return watchlist;
    }

    public QuarantineRepository quarantine() {
        return quarantine;
    }

    public SafetyEventRepository events() {
        return events;
    }

    public GapService gaps() {
        return gaps;
    }

    public FreshnessService freshness() {
        return freshness;
    }

    public Retention retention() {
        return retention;
    }

    public RevisionRepository revisions() {
        return revisions;
    }

    public FeedGuard feedGuard() {
        return feedGuard;
    }

    /** Splits and dividends. */
    public ActionRepository actions() {
        return actions;
    }

    /** Bars adjusted on read for splits and dividends. */
    public AdjustedReads adjusted() {
        return adjusted;
    }

    public Clock clock() {
        return clock;
    }

    /** Takes an online backup beside the database, keeping the newest {@code keep}. */
    public Path backup(int keep) {
        return database.backups().take(database, keep, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
