package io.barkeep.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jooq.SQLDialect;

/**
 * Where a Barkeep cache lives: a SQLite file (a path, the embedded default) or a PostgreSQL database shared by a
 * team ({@code postgresql://user@host:5432/db} or {@code jdbc:postgresql://...}). The jOOQ dialect follows. A
 * password is never part of a location Barkeep keeps: the driver reads {@code ~/.pgpass} itself and Barkeep hands
 * it {@code PGPASSWORD} when set.
 *
 * @param file    the SQLite file, or null for PostgreSQL
 * @param jdbcUrl the JDBC URL (for SQLite {@code jdbc:sqlite:<absolute file>})
 */
public record DbLocation(Path file, String jdbcUrl) {
    private static final String JDBC_PG = "jdbc:postgresql:";

    public DbLocation {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** A SQLite file. */
    public static DbLocation sqlite(Path file) {
        Path absolute = file.toAbsolutePath();
        return new DbLocation(absolute, "jdbc:sqlite:" + absolute);
    }

    /** Whether {@code text} names a PostgreSQL database rather than a file. */
    public static boolean isPostgres(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith(JDBC_PG);
    }

    /**
     * A location as a person types it: {@code postgresql://user@host:port/db}, {@code postgres://...},
     * {@code jdbc:postgresql://...}, or else a SQLite file path.
     *
     * @throws IllegalArgumentException (one line) for a PostgreSQL URL that is malformed or carries a password
     */
    public static DbLocation parse(String text) {
        String s = text.strip();
        if (!isPostgres(s)) {
            return sqlite(Path.of(s));
        }
        String rest = s.toLowerCase(Locale.ROOT).startsWith(JDBC_PG) ? s.substring(JDBC_PG.length())
                : s.substring(s.indexOf(':') + 1);
        URI uri;
        try {
            uri = new URI("postgresql:" + rest);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + s + " (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("a PostgreSQL URL needs a host and a database, e.g."
                    + " postgresql://trader@db.example:5432/barkeep: " + s);
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("no password in the URL, please: put it in ~/.pgpass or PGPASSWORD ("
                    + redact(s) + ")");
        }
        StringBuilder url = new StringBuilder(JDBC_PG).append("//").append(uri.getHost());
        if (uri.getPort() > 0) {
            url.append(':').append(uri.getPort());
        }
        url.append(uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null && query.toLowerCase(Locale.ROOT).matches("(^|.*&)password=.*")) {
            throw new IllegalArgumentException("no password in the URL, please: put it in ~/.pgpass or PGPASSWORD ("
                    + redact(s) + ")");
        }
        String user = userInfo;
        if (user != null && !user.isEmpty()) {
            query = (query == null || query.isEmpty() ? "" : query + "&") + "user=" + user;
        }
        if (query != null && !query.isEmpty()) {
            url.append('?').append(query);
        }
        return new DbLocation(null, url.toString());
    }

    public boolean postgres() {
        return file == null;
    }

    public SQLDialect dialect() {
        return postgres() ? SQLDialect.POSTGRES : SQLDialect.SQLITE;
    }

    /** How messages name this database: the file, or {@code postgresql://user@host:port/db}. */
    public String display() {
        if (!postgres()) {
            return file.toString();
        }
        String rest = jdbcUrl.substring(JDBC_PG.length());
        String user = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String p : rest.substring(q + 1).split("&")) {
                if (p.startsWith("user=")) {
                    user = p.substring("user=".length());
                }
            }
            rest = rest.substring(0, q);
        }
        return "postgresql:" + (user == null ? rest : "//" + user + "@" + rest.substring(2));
    }

    /** The short name a status line shows: the file's name, or the whole URL of a shared database. */
    public String shortName() {
        return postgres() ? display() : file.getFileName().toString();
    }

    /** What is stored and shown (settings, messages): the location without anything secret in it. */
    @Override
    public String toString() {
        return display();
    }

    private static String redact(String s) {
        return s.replaceAll("(//[^:/@]*):[^@]*@", "$1:***@").replaceAll("(?i)password=[^&]*", "password=***");
    }
}
