package io.barkeep.store;

import java.nio.file.Path;

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

    /** A new cache's location: {@code dir/fileName} on SQLite, a fresh database on PostgreSQL. */
    public static DbLocation location(Path dir, String fileName) {
        return postgres() ? PostgresServer.shared().freshDatabase() : DbLocation.sqlite(dir.resolve(fileName));
    }

    /** As {@link #location}, as the text a person gives {@code --db}. */
    public static String dbArgument(Path dir, String fileName) {
        return location(dir, fileName).toString();
    }

    /** Opens a new cache (see {@link #location}). */
    public static Database open(Path dir, String fileName) {
        return Database.open(location(dir, fileName));
    }
}
