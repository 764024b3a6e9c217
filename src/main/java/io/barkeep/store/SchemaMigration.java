package io.barkeep.store;

import io.barkeep.store.schema.DefaultSchema;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Brings a file to Barkeep's schema (Flyway) without ever damaging it. One process at a time: a lock file beside
 * the database, so two programs creating it at once do not both migrate. A file that already holds tables with
 * our names (say, the original design's {@code market_data_bars}) is refused before anything is written, and a
 * first migration that fails anyway is undone, so the file is left as it was.
 */
final class SchemaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    static final String HISTORY = "flyway_schema_history";
    /** FileChannel locks belong to the whole JVM: threads of one process take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final Path file;
    private final String url;
    private final int busyMillis;
    private final Backups backups;

    SchemaMigration(Path file, String url, int busyMillis, Backups backups) {
        this.file = file;
        this.url = url;
        this.busyMillis = busyMillis;
        this.backups = backups;
    }

    /** The file the lock is taken on; it stays, empty, beside the database. */
    static Path lockFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    /** A connection with no pragma at all: looking at a file this way changes nothing in it. */
    Connection plainConnection() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyMillis);
        return config.createConnection(url);
    }

    /** Whether the newest migration is applied (Flyway's own scan costs half a second: not for every command). */
    static boolean isCurrent(Connection c, int version) throws SQLException {
        if (!objectNames(c).contains(HISTORY)) {
            return false;
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM " + HISTORY
                     + " WHERE success = 1")) {
            return rs.next() && rs.getInt(1) == version;
        }
    }

    /** Migrates the file to {@code version}, unless another process did while this one waited for the lock. */
    void migrate(int version) {
        IN_PROCESS.lock();
        try (FileChannel channel = FileChannel.open(lockFile(file), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            migrateLocked(version);
        } catch (IOException e) {
            throw new StoreException("cannot prepare database " + file + ": cannot lock " + lockFile(file) + " ("
                    + e.getMessage() + ")", e);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private void migrateLocked(int version) {
        boolean missing = !Files.exists(file);
        Set<String> before = Set.of();
        if (!missing) {
            try (Connection c = plainConnection()) {
                if (isCurrent(c, version)) {
                    return;
                }
                before = objectNames(c);
            } catch (SQLException e) {
                throw SqliteErrors.explain(e, file, backups);
            }
        }
        boolean first = !before.contains(HISTORY);
        if (first) {
            refuseForeignTablesWithOurNames(before);
        }
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
            if (first) {
                undo(missing, before);
            }
            throw explain(e);
        }
    }

    private void refuseForeignTablesWithOurNames(Set<String> present) {
        List<String> clash = ours().stream().filter(present::contains).toList();
        if (!clash.isEmpty()) {
            throw new StoreException("database " + file + " already has tables of another program with Barkeep's"
                    + " names (" + String.join(", ", clash) + "); nothing was changed: use another database file");
        }
    }

    /** Every table and index name the migrations create, as the generated schema knows them. */
    static Set<String> ours() {
        Set<String> names = new TreeSet<>();
        for (Table<?> t : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            names.add(t.getName().toLowerCase(Locale.ROOT));
            t.getIndexes().forEach(i -> names.add(i.getName().toLowerCase(Locale.ROOT)));
        }
        return names;
    }

    /** Names of the tables, indexes, views and triggers in the file (SQLite's own excluded). */
    static Set<String> objectNames(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT lower(name) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    /** Puts the file back as it was before a failed first migration: a new file goes, an old one loses what we added. */
    private void undo(boolean missing, Set<String> before) {
        try {
            if (missing) {
                for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
                }
                return;
            }
            try (Connection c = plainConnection(); Statement st = c.createStatement()) {
                List<String> added = new ArrayList<>(objectNames(c));
                added.removeAll(before);
                c.setAutoCommit(false);
                // Tables first (their indexes go with them), then whatever index or trigger is left.
                for (String type : List.of("table", "view", "index", "trigger")) {
                    for (String name : namesOfType(c, type, added)) {
                        st.execute("DROP " + type.toUpperCase(Locale.ROOT) + " IF EXISTS \"" + name + "\"");
                    }
                }
                c.commit();
            }
        } catch (IOException | SQLException e) {
            LOG.error("could not undo the failed first migration of {}", file, e);
        }
    }

    private static List<String> namesOfType(Connection c, String type, List<String> among) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type + "'")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                if (among.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private StoreException explain(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return SqliteErrors.explain(sql, file, backups);
            }
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String firstLine = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return new StoreException("cannot prepare database " + file + ": " + firstLine, e);
    }
}
