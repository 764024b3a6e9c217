package io.barkeep.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * One Barkeep SQLite file: checked ({@code PRAGMA quick_check}), migrated (Flyway), in WAL mode.
 * Readers borrow their own read-only connections (WAL lets them read while the single writer writes);
 * all writes go through {@link #writer()}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int DEFAULT_BUSY_MS = 5_000;
    /** The version of the newest migration in db/migration; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 3;

    static {
        // jOOQ prints a banner and tips on first use; a command line that answers in JSON must not.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Path file;
    private final String url;
    private final Backups backups;
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false)
            .withRenderCatalog(false);
    private final int busyMillis;
    private volatile DbWriter writer;
    private volatile boolean closed;

    private Database(Path file, int busyMillis) {
        this.file = file.toAbsolutePath();
        this.url = "jdbc:sqlite:" + this.file;
        this.backups = new Backups(this.file);
        this.busyMillis = busyMillis;
    }

    /** Opens (creating if needed) and migrates the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, DEFAULT_BUSY_MS);
    }

    /** As {@link #open(Path)}, waiting at most {@code busyMillis} for a lock held by another program. */
    public static Database open(Path file, int busyMillis) {
        Database db = new Database(file, busyMillis);
        db.prepare();
        return db;
    }

    public Path file() {
        return file;
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
        boolean existed = Files.exists(file);
        try (Connection c = connect(false); Statement st = c.createStatement()) {
            if (existed) {
                checkIntegrity(st);
            }
            st.execute("PRAGMA journal_mode=WAL");
            if (existed && schemaIsCurrent(c)) {
                return;
            }
        } catch (SQLException e) {
            throw SqliteErrors.explain(e, file, backups);
        }
        migrate();
    }

    /**
     * Whether the newest migration is already applied. Flyway's scan costs about half a second, too much for
     * every short command; it only runs when there is something to do.
     */
    private boolean schemaIsCurrent(Connection c) {
        try {
            var version = DSL.field(DSL.name("version"), String.class);
            String applied = dsl(c).select(DSL.max(version.cast(Integer.class)))
                    .from(DSL.table(DSL.name("flyway_schema_history")))
                    .where(DSL.field(DSL.name("success"), Integer.class).eq(1))
                    .fetchOne(0, String.class);
            return String.valueOf(SCHEMA_VERSION).equals(applied);
        } catch (org.jooq.exception.DataAccessException e) {
            return false;
        }
    }

    private void checkIntegrity(Statement st) throws SQLException {
        // quick_check is O(file size) but skips the index cross-checks of integrity_check.
        try (var rs = st.executeQuery("PRAGMA quick_check")) {
            String verdict = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(verdict)) {
                LOG.error("quick_check failed for {}: {}", file, verdict);
                throw new StoreException(SqliteErrors.corrupt(file.toString(), backups));
            }
        }
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(url + "?busy_timeout=" + busyMillis, null, null)
                    .locations("classpath:db/migration")
                    // A file that already holds other tables (say, a trades table) gets ours beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            StoreException explained = e.getCause() instanceof SQLException sql
                    ? SqliteErrors.explain(sql, file, backups) : null;
            throw explained != null ? explained
                    : new StoreException("cannot prepare database " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new connection with Barkeep's pragmas. The writer gets the only read-write one in normal use. */
    Connection connect(boolean readOnly) throws SQLException {
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
            throw e.getCause() instanceof SQLException sql ? SqliteErrors.explain(sql, file, backups) : e;
        } finally {
            idleReaders.push(c);
        }
    }

    /** Runs {@code work} on a pooled read-only JDBC connection (for hot paths that decode rows by hand). */
    <T> T readJdbc(SqlFunction<T> work) {
        Connection c = borrowReader();
        try {
            return work.apply(c);
        } catch (SQLException e) {
            throw SqliteErrors.explain(e, file, backups);
        } finally {
            idleReaders.push(c);
        }
    }

    private Connection borrowReader() {
        if (closed) {
            throw new StoreException("database " + file + " is closed");
        }
        Connection c = idleReaders.poll();
        if (c != null) {
            return c;
        }
        try {
            return connect(true);
        } catch (SQLException e) {
            throw SqliteErrors.explain(e, file, backups);
        }
    }

    DSLContext dsl(Connection c) {
        return DSL.using(c, SQLDialect.SQLITE, settings);
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
        return SqliteErrors.explain(e, file, backups);
    }

    /** The SQLite library's version, e.g. {@code 3.50.4}. */
    public String sqliteVersion() {
        // A plain function call: jOOQ has no built-in for it.
        return read(dsl -> dsl.select(DSL.field("sqlite_version()", String.class)).fetchOne(0, String.class));
    }

    /** Folds the WAL into the main file, so the file's size tells the truth about the data. */
    public void checkpoint() {
        writer().run(dsl -> dsl.fetch("PRAGMA wal_checkpoint(TRUNCATE)"));
    }

    @Override
    public void close() {
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
    }

    /** A JDBC step that may throw SQLException. */
    @FunctionalInterface
    interface SqlFunction<T> {
        T apply(Connection c) throws SQLException;
    }
}
