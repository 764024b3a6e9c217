package io.barkeep.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backups of the database into {@code backups/} beside it, keeping the newest few. Uses SQLite's
 * {@code VACUUM INTO}: a consistent, compacted copy taken while readers and the writer carry on.
 */
public final class Backups {
    /** How many backups are kept by default. */
    public static final int DEFAULT_KEEP = 7;
    // Milliseconds, so two backups within one second do not overwrite each other; names sort in time order.
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    /** What follows the database's base name in one of its backups' names (older ones have no milliseconds). */
    private static final Pattern STAMPED = Pattern.compile("-\\d{8}-\\d{6}(-\\d{3})?\\.db");

    private final Path databaseFile;
    /** A PostgreSQL cache: backed up by the server's own tools (pg_dump), never by Barkeep; else null. */
    private final DbLocation server;

    Backups(Path databaseFile) {
        this.databaseFile = databaseFile;
        this.server = null;
    }

    private Backups(DbLocation server) {
        this.databaseFile = null;
        this.server = server;
    }

    /** The backups of a PostgreSQL cache: none kept by Barkeep; {@link #take} says to use pg_dump. */
    static Backups onServer(DbLocation server) {
        return new Backups(server);
    }

    /** Why Barkeep takes no backup of a PostgreSQL cache, and the command that does. */
    public static String pgDumpAdvice(String display) {
        return "database " + display + " lives on a PostgreSQL server: back it up with the server's tool, e.g. "
                + "pg_dump -Fc -f barkeep.dump '" + display + "' (restore with pg_restore)";
    }

    public Path folder() {
        if (server != null) {
            throw new StoreException(pgDumpAdvice(server.display()));
        }
        Path parent = databaseFile.getParent();
        return (parent == null ? Path.of(".") : parent).resolve("backups");
    }

    /** Backups of this database, newest first. */
    public List<Path> list() {
        if (server != null) {
            return List.of();
        }
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String base = baseName();
        try (Stream<Path> files = Files.list(folder)) {
            // The whole name, not just the prefix: "market.db" must not take "market-sim.db"'s backups for its own.
            return files.filter(p -> p.getFileName().toString().startsWith(base))
                    .filter(p -> STAMPED.matcher(p.getFileName().toString().substring(base.length())).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Optional<Path> newest() {
        return list().stream().findFirst();
    }

    /**
     * The newest backup that passes {@code PRAGMA quick_check}, opened read-only: the one to point a person to
     * when the database itself is damaged.
     */
    public Optional<Path> newestGood() {
        for (Path candidate : list()) {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            try (var c = config.createConnection("jdbc:sqlite:" + candidate);
                 var st = c.createStatement();
                 var rs = st.executeQuery("PRAGMA quick_check")) {
                if (rs.next() && "ok".equalsIgnoreCase(rs.getString(1))) {
                    return Optional.of(candidate);
                }
            } catch (java.sql.SQLException e) {
                // a damaged backup: try the next older one
            }
        }
        return Optional.empty();
    }

    /** Takes a backup when the newest is older than {@code every}; returns it, or empty when none was due. */
    public Optional<Path> takeIfDue(Database db, int keep, Clock clock, java.time.Duration every) {
        if (server != null) {
            return Optional.empty();
        }
        Optional<Path> newest = newest();
        if (newest.isPresent()) {
            try {
                var age = java.time.Duration.between(Files.getLastModifiedTime(newest.get()).toInstant(),
                        clock.instant());
                if (age.compareTo(every) < 0) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                // unreadable time: take one
            }
        }
        return Optional.of(take(db, keep, clock));
    }

    /** Takes a backup now and prunes all but the newest {@code keep}; returns the new file. */
    public Path take(Database db, int keep, Clock clock) {
        if (server != null) {
            throw new StoreException(pgDumpAdvice(server.display()));
        }
        Path folder = folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create backup folder " + folder + ": " + e.getMessage(), e);
        }
        java.time.Instant at = clock.instant();
        Path target = folder.resolve(baseName() + "-" + STAMP.format(at) + ".db");
        while (Files.exists(target)) {
            at = at.plusMillis(1);
            target = folder.resolve(baseName() + "-" + STAMP.format(at) + ".db");
        }
        Path partial = folder.resolve(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            // VACUUM INTO cannot run inside a transaction and jOOQ has no statement for it.
            db.readJdbc(c -> {
                try (var st = c.prepareStatement("VACUUM INTO ?")) {
                    st.setString(1, partial.toString());
                    st.execute();
                }
                return null;
            });
            // Renamed only when whole: a crash or full disk never leaves a half backup that looks good.
            Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("backup to " + target + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a stray .partial is never taken for a backup
            }
        }
        prune(keep);
        return target;
    }

    private void prune(int keep) {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new StoreException("cannot remove old backup " + old + ": " + e.getMessage(), e);
            }
        }
    }

    private String baseName() {
        String name = databaseFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
