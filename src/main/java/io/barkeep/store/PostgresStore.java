package io.barkeep.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The PostgreSQL side of {@link Database}: how to connect (the password from {@code PGPASSWORD}, else the driver
 * reads {@code ~/.pgpass} itself), the readers' pool, and the schema (Flyway, from {@code db/postgresql}: the same
 * versions V1..V4 as the SQLite scripts in {@code db/migration}, written for PostgreSQL, then V5, the original
 * names' write triggers that SQLite has from its V4). Flyway holds a PostgreSQL advisory lock while it migrates,
 * so two programs opening a new database at once do not both migrate it.
 */
final class PostgresStore implements AutoCloseable {
    /** Where the PostgreSQL scripts live; the SQLite ones stay in db/migration, where existing files expect them. */
    static final String MIGRATIONS = "classpath:db/postgresql";
    /**
     * The newest script in db/postgresql: V1..V4 as on SQLite, then V5 (the original names' write triggers, which
     * SQLite got with its V4), then V6 as on SQLite ({@link Database#SCHEMA_VERSION}: the ledger's slot masks). A
     * test keeps it in step with the scripts.
     */
    static final int SCHEMA_VERSION = 6;
    /** Readers at once: the desktop's chart, dashboard and health views plus a CLI or MCP read or two. */
    /** The advisory lock key programs take turns under while they migrate a database ("barkeep" in ASCII). */
    private static final long MIGRATION_LOCK = 0x6261726b656570L;
    private static final int MAX_READERS = 4;
    private static final int CONNECT_TIMEOUT_S = 10;

    private final DbLocation location;
    private volatile HikariDataSource readers;

    PostgresStore(DbLocation location) {
        this.location = location;
    }

    /** The driver's properties: who we are, and a password only when the environment gives one. */
    Properties properties() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "barkeep");
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
        p.setProperty("tcpKeepAlive", "true");
        String password = System.getenv("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        if (!location.jdbcUrl().contains("user=")) {
            // As psql does: the login name when the URL names no user.
            p.setProperty("user", System.getProperty("user.name"));
        }
        return p;
    }

    /** A new read-write connection (the writer's, the migration's, an updater lock's). */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(location.jdbcUrl(), properties());
    }

    /**
     * A read-only connection from the pool; closing it gives it back. A pool and not a list of idle connections
     * as for SQLite: a server restart or a dropped link leaves dead sockets, which HikariCP tests before lending.
     */
    Connection reader() throws SQLException {
        HikariDataSource pool = readers;
        if (pool == null) {
            synchronized (this) {
                if (readers == null) {
                    readers = pool();
                }
                pool = readers;
            }
        }
        return pool.getConnection();
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        config.setDataSourceProperties(properties());
        config.setMaximumPoolSize(MAX_READERS);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        config.setAutoCommit(true);
        config.setPoolName("barkeep-readers");
        config.setConnectionTimeout(CONNECT_TIMEOUT_S * 1000L);
        // A pool that cannot connect fails on first use with the driver's error, not at construction.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    /**
     * Migrates the database to the newest version unless it is there already. Programs opening a new database at once
     * take turns under one advisory lock of ours: Flyway's own lock is taken only once its history table exists, and
     * a second program that saw that table still empty refused to baseline ("already exists, and is empty").
     */
    void prepare() {
        try (Connection lock = connect()) {
            try (java.sql.Statement st = lock.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            }
            // Released when this connection closes, whatever happens below.
            migrateIfNeeded();
        } catch (SQLException e) {
            throw PostgresErrors.explain(e, location.display());
        }
    }

    private void migrateIfNeeded() {
        try (Connection c = connect()) {
            if (isCurrent(c)) {
                return;
            }
            Set<String> present = tableNames(c);
            if (!present.contains(SchemaMigration.HISTORY)) {
                List<String> clash = SchemaMigration.ours().stream().filter(present::contains).toList();
                if (!clash.isEmpty()) {
                    throw new StoreException("database " + location.display() + " already has tables of another"
                            + " program with Barkeep's names (" + String.join(", ", clash) + "); nothing was"
                            + " changed: use another database");
                }
            }
        } catch (SQLException e) {
            throw PostgresErrors.explain(e, location.display());
        }
        try {
            Properties p = properties();
            Flyway.configure()
                    .dataSource(location.jdbcUrl(), p.getProperty("user"), p.getProperty("password"))
                    .locations(MIGRATIONS)
                    // A database that already holds other tables gets ours beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw PostgresErrors.explain(sql, location.display());
                }
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new StoreException("cannot prepare database " + location.display() + ": "
                    + message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message), e);
        }
    }

    private static boolean isCurrent(Connection c) throws SQLException {
        if (!tableNames(c).contains(SchemaMigration.HISTORY)) {
            return false;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM " + SchemaMigration.HISTORY
                     + " WHERE success")) {
            return rs.next() && rs.getInt(1) == SCHEMA_VERSION;
        }
    }

    /** The tables, views and indexes in the connection's current schema. */
    private static Set<String> tableNames(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT lower(relname) FROM pg_class WHERE relnamespace = "
                     + "current_schema()::regnamespace")) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    @Override
    public void close() {
        HikariDataSource pool = readers;
        if (pool != null) {
            pool.close();
        }
    }
}
