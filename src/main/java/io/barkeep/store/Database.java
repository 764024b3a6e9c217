package io.barkeep.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One Barkeep cache: a SQLite file (migrated by Flyway, in WAL mode) or a PostgreSQL database shared by a team
 * (migrated by Flyway from its own scripts, see {@link PostgresStore}).
 *
 * <p>A SQLite file is checked with {@code PRAGMA quick_check} before anything is read from or written to it only
 * when there is a reason ({@link IntegrityGate}): an earlier process did not close it (crashed or killed), a
 * write-ahead log was left behind, there is no record of a clean close, or another program changed it since
 * Barkeep closed it. A file that fails the check is refused with one line naming the newest good backup. A clean
 * close leaves no reason, so the next open skips the check (O(file size): seconds on a 1.4 GB cache); damage
 * found later by a read is explained the same way ({@link SqliteErrors}).
 * Readers borrow their own read-only connections (WAL, or PostgreSQL's MVCC, lets them read while the writer
 * writes); all of this process's writes go through {@link #writer()}. jOOQ speaks the location's dialect.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int DEFAULT_BUSY_MS = 5_000;
    /** The version of the newest migration in db/migration; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 6;

    static {
        // jOOQ prints a banner and tips on first use; a command line that answers in JSON must not.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DbLocation location;
    private final Path file;
    private final String url;
    private final Backups backups;
    /** PostgreSQL only: the readers' pool and the connection details; null for SQLite. */
    private final PostgresStore postgres;
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false)
            .withRenderCatalog(false);
    private final int busyMillis;
    private volatile DbWriter writer;
    private volatile boolean closed;
    /** SQLite only: whether this open has to check the file, and its marker; null for PostgreSQL. */
    private final IntegrityGate gate;
    /** Why this open ran quick_check; null when it had no reason to (or the file was new). */
    private volatile String checkedBecause;

    private Database(DbLocation location, int busyMillis) {
        this.location = location;
        this.file = location.file();
        this.url = location.jdbcUrl();
        this.backups = location.postgres() ? Backups.onServer(location) : new Backups(this.file);
        this.busyMillis = busyMillis;
        this.postgres = location.postgres() ? new PostgresStore(location) : null;
        this.gate = location.postgres() ? null : new IntegrityGate(file);
    }

    /** Opens (creating if needed) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, DEFAULT_BUSY_MS);
    }

    /** As {@link #open(Path)}, waiting at most {@code busyMillis} for a lock held by another program. */
    public static Database open(Path file, int busyMillis) {
        return open(DbLocation.sqlite(file), busyMillis);
    }

    /** Opens (creating if needed) and migrates the cache at {@code location}: a SQLite file or a PostgreSQL one. */
    public static Database open(DbLocation location) {
        return open(location, DEFAULT_BUSY_MS);
    }

    private static Database open(DbLocation location, int busyMillis) {
        Database db = new Database(location, busyMillis);
        if (db.postgres == null) {
            db.prepare();
            return db;
        }
        try {
            db.postgres.prepare();
        } catch (RuntimeException e) {
            db.postgres.close();
            throw e;
        }
        return db;
    }

    /** The SQLite file; null for a PostgreSQL cache (see {@link #location()}). */
    public Path file() {
        return file;
    }

    public DbLocation location() {
        return location;
    }

    /** How messages name this cache: its file, or its PostgreSQL URL (never a password). */
    public String name() {
        return location.display();
    }

    /** Whether this cache lives on a PostgreSQL server (shared by many processes) rather than in a file. */
    public boolean isPostgres() {
        return postgres != null;
    }

    public SQLDialect dialect() {
        return location.dialect();
    }

    /** PostgreSQL's connection helper; only for a PostgreSQL cache. */
    PostgresStore postgres() {
        return postgres;
    }

    public Backups backups() {
        return backups;
    }

    private void prepare() {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create folder for " + file + ": " + e.getMessage(), e);
        }
        SchemaMigration migration = new SchemaMigration(file, url, busyMillis, backups);
        boolean current = false;
        if (Files.exists(file)) {
            // Looked at without any pragma: a file that turns out not to be ours is left exactly as it was.
            try (Connection c = migration.plainConnection(); Statement st = c.createStatement()) {
                checkedBecause = gate.checkIfNeeded(st, backups).orElse(null);
                current = SchemaMigration.isCurrent(c, SCHEMA_VERSION);
            } catch (SQLException e) {
                throw SqliteErrors.explain(e, file, backups);
            }
        }
        gate.opened();
        if (!current) {
            migration.migrate(SCHEMA_VERSION);
        }
        // WAL from here on (Flyway made the file in rollback-journal mode); connect() sets it, and it persists.
        try (Connection c = connect(false)) {
            LOG.debug("{} open in WAL mode", c.getMetaData().getURL());
        } catch (SQLException e) {
            throw SqliteErrors.explain(e, file, backups);
        }
    }

    /**
     * Why opening this SQLite file ran {@code PRAGMA quick_check} (e.g. "a Barkeep process did not close it"), or
     * empty when it had no reason to and skipped it.
     */
    public java.util.Optional<String> integrityCheckedBecause() {
        return java.util.Optional.ofNullable(checkedBecause);
    }

    /** A new connection with Barkeep's pragmas. The writer gets the only read-write one in normal use. */
    Connection connect(boolean readOnly) throws SQLException {
        if (postgres != null) {
            return readOnly ? postgres.reader() : postgres.connect();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a power loss may drop the last commits, never corrupts the file.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(busyMillis);
        // Pages cached per connection (KiB): the writer's batches want room; readers are short range scans
        // that the OS file cache serves well, and there may be several of them.
        config.setCacheSize(readOnly ? -2_000 : -16_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            config.setReadOnly(true);
        }
        return config.createConnection(url);
    }

    /** Runs {@code work} on a pooled read-only connection. */
    public <T> T read(Function<DSLContext, T> work) {
        Connection c = borrowReader();
        try {
            return work.apply(dsl(c));
        } catch (org.jooq.exception.DataAccessException e) {
            throw e.getCause() instanceof SQLException sql ? explain(sql) : e;
        } finally {
            giveBack(c);
        }
    }

    /** Runs {@code work} on a pooled read-only JDBC connection (for hot paths that decode rows by hand). */
    <T> T readJdbc(SqlFunction<T> work) {
        Connection c = borrowReader();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw explain(e);
        } finally {
            giveBack(c);
        }
    }

    private Connection borrowReader() {
        if (closed) {
            throw new StoreException("database " + name() + " is closed");
        }
        Connection c = postgres == null ? idleReaders.poll() : null;
        if (c != null) {
            return c;
        }
        try {
            return connect(true);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** A SQLite reader goes back to the idle list; a PostgreSQL one back to its pool (closing it returns it). */
    private void giveBack(Connection c) {
        if (postgres == null) {
            idleReaders.push(c);
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("returning a reader of {} failed", name(), e);
        }
    }

    DSLContext dsl(Connection c) {
        return DSL.using(c, location.dialect(), settings);
    }

    /** The single writer; created on first use. */
    public DbWriter writer() {
        DbWriter w = writer;
        if (w == null) {
            synchronized (this) {
                if (writer == null) {
                    writer = new DbWriter(this);
                }
                w = writer;
            }
        }
        return w;
    }

    StoreException explain(SQLException e) {
        return postgres != null ? PostgresErrors.explain(e, name()) : SqliteErrors.explain(e, file, backups);
    }

    /** The SQLite library's version, e.g. {@code 3.50.4}. */
    public String sqliteVersion() {
        // A plain function call: jOOQ has no built-in for it.
        return read(dsl -> dsl.select(DSL.field("sqlite_version()", String.class)).fetchOne(0, String.class));
    }

    /**
     * The bytes the cache takes: the SQLite file and its write-ahead log, or on PostgreSQL the total relation
     * size (table, indexes, TOAST) of Barkeep's tables.
     */
    public long sizeBytes() {
        if (postgres == null) {
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            try {
                return (Files.isRegularFile(file) ? Files.size(file) : 0)
                        + (Files.isRegularFile(wal) ? Files.size(wal) : 0);
            } catch (java.io.IOException e) {
                throw new StoreException("cannot read the size of " + file + ": " + e.getMessage(), e);
            }
        }
        return read(dsl -> {
            long total = 0;
            for (org.jooq.Table<?> t : io.barkeep.store.schema.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
                total += relationBytes(dsl, t.getName());
            }
            return total;
        });
    }

    /** The bytes one table takes with its indexes (PostgreSQL's pg_total_relation_size); SQLite: not asked. */
    public long tableBytes(String table) {
        if (postgres == null) {
            throw new UnsupportedOperationException("per-table size is asked of PostgreSQL only");
        }
        return read(dsl -> relationBytes(dsl, table));
    }

    private static long relationBytes(DSLContext dsl, String table) {
        Long bytes = dsl.select(DSL.field("pg_total_relation_size(to_regclass({0}))", Long.class, DSL.val(table)))
                .fetchOne(0, Long.class);
        return bytes == null ? 0 : bytes;
    }

    /**
     * Whether a PostgreSQL cache answers, without opening (or migrating) it: its engine and version, e.g.
     * {@code PostgreSQL 17.6 at postgresql://trader@db:5432/barkeep}, for the settings' connection test.
     *
     * @throws StoreException (one line) when it cannot be reached or refuses the login
     */
    public static String ping(DbLocation location) {
        if (!location.postgres()) {
            return "SQLite file " + location.display();
        }
        try (Connection c = new PostgresStore(location).connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1) + " at " + location.display();
        } catch (SQLException e) {
            throw PostgresErrors.explain(e, location.display());
        }
    }

    /** The engine and its version, e.g. {@code SQLite 3.50.4} or {@code PostgreSQL 17.6}. */
    public String engine() {
        if (postgres == null) {
            return "SQLite " + sqliteVersion();
        }
        return "PostgreSQL " + read(dsl -> dsl.fetchValue("show server_version", String.class));
    }

    /**
     * On a clean close the WAL goes into the main file, so a copy of the .db file alone (once no program has it
     * open) holds every bar. SQLite does this itself only when the last connection of every process closes.
     */
    private void checkpointOnClose() {
        if (postgres != null) {
            return;
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (writer == null && (!Files.exists(wal) || Files.size(wal) == 0)) {
                return;
            }
            checkpoint();
        } catch (java.io.IOException | RuntimeException e) {
            // Never fails a command that has done its work: the WAL is folded in by the next open instead.
            LOG.warn("checkpoint on closing {} failed", file, e);
        }
    }

    /** Folds the WAL into the main file, so the file's size tells the truth about the data. */
    public void checkpoint() {
        if (postgres != null) {
            // The server writes its own checkpoints; a table's size is right after the commit.
            return;
        }
        writer().run(dsl -> dsl.fetch("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        checkpointOnClose();
        closed = true;
        DbWriter w = writer;
        if (w != null) {
            w.close();
        }
        Connection c;
        while ((c = idleReaders.poll()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("closing a reader of {} failed", file, e);
            }
        }
        if (postgres != null) {
            postgres.close();
        } else {
            gate.closedCleanly();
        }
    }

    /** A JDBC step that may throw SQLException. */
    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }
}
