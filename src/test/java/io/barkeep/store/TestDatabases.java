package io.barkeep.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the store, sync and CLI tests keep their cache: a SQLite file in the test's temp folder, or, when the
 * build runs them with {@code -Dbarkeep.test.db=postgresql} (the pom's second Surefire execution), a fresh
 * database on the JVM's {@link PostgresServer}. One switch, so the same tests prove both engines.
 */
public final class TestDatabases {
    /** The system property that selects the engine under test. */
    public static final String PROPERTY = "barkeep.test.db";

    private TestDatabases() {
    }

    /** Whether this test JVM runs the suites against PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }

    /**
     * A new cache's location: {@code dir/fileName} on SQLite, a fresh database already holding Barkeep's (empty)
     * schema on PostgreSQL ({@link PostgresServer#migratedDatabase}: a copy, not a migration per test).
     */
    public static DbLocation location(Path dir, String fileName) {
        return postgres() ? PostgresServer.shared().migratedDatabase() : DbLocation.sqlite(dir.resolve(fileName));
    }

    /** As {@link #location}, as the text a person gives {@code --db}. */
    public static String dbArgument(Path dir, String fileName) {
        return location(dir, fileName).toString();
    }

    /**
     * A location where nothing is yet, for tests that a refused command creates nothing: a file not yet there
     * on SQLite, an empty database (what {@code createdb} leaves) on PostgreSQL.
     */
    public static DbLocation blankLocation(Path dir, String fileName) {
        return postgres() ? PostgresServer.shared().freshDatabase() : DbLocation.sqlite(dir.resolve(fileName));
    }

    /** Whether nothing was created at a {@link #blankLocation}: no file, or no table in the database. */
    public static boolean untouched(DbLocation location) {
        if (!location.postgres()) {
            return !Files.exists(location.file());
        }
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables"
                     + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
            rs.next();
            return rs.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look into " + location + ": " + e.getMessage(), e);
        }
    }

    /** Opens a new cache (see {@link #location}). */
    public static Database open(Path dir, String fileName) {
        return Database.open(location(dir, fileName));
    }
}
