package io.barkeep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run the updater on a shared cache: exactly one process holds it. On PostgreSQL it is a session
 * advisory lock held on a connection of its own, so it goes when the process or its network link dies (no stale
 * lock to clear by hand); the holder's host and start are written beside it ({@code cache_meta}) for the others to
 * show. A SQLite file belongs to one machine's processes and needs none: there every caller gets the right, as
 * before.
 */
public final class UpdaterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpdaterLock.class);
    /** The advisory lock's two keys: "bark" and 1 (pg_locks shows them as classid and objid). */
    private static final int KEY_CLASS = 0x6261726b;
    private static final int KEY_OBJECT = 1;
    private static final String META_KEY = "updater";

    /** Who runs the updater of a shared cache, and since when. */
    public record Holder(String host, Instant since) {
        /** As people read it: {@code updater running on HOST since TIME}. */
        public String describe(java.util.function.Function<Instant, String> time) {
            return "updater running on " + host + " since " + time.apply(since);
        }
    }

    private final Connection held;

    private UpdaterLock(Connection held) {
        this.held = held;
    }

    /** Takes the right for {@code host}, or empty when another process holds it (see {@link #holder}). */
    public static Optional<UpdaterLock> tryAcquire(Database db, String host, Instant now) {
        if (!db.isPostgres()) {
            return Optional.of(new UpdaterLock(null));
        }
        Connection c = null;
        try {
            c = db.postgres().connect();
            boolean got;
            try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                st.setInt(1, KEY_CLASS);
                st.setInt(2, KEY_OBJECT);
                try (ResultSet rs = st.executeQuery()) {
                    got = rs.next() && rs.getBoolean(1);
                }
            }
            if (!got) {
                c.close();
                return Optional.empty();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO cache_meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                st.setString(1, META_KEY);
                st.setString(2, now.getEpochSecond() + " " + host);
                st.executeUpdate();
            }
            return Optional.of(new UpdaterLock(c));
        } catch (SQLException e) {
            closeQuietly(c);
            throw db.explain(e);
        }
    }

    /** The process running the updater of this shared cache, if one does (always empty for a SQLite file). */
    public static Optional<Holder> holder(Database db) {
        if (!db.isPostgres()) {
            return Optional.empty();
        }
        return db.readJdbc(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT m.value FROM cache_meta m WHERE m.key = ?"
                    + " AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
                    + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND l.classid = ? AND l.objid = ? AND l.objsubid = 2)")) {
                st.setString(1, META_KEY);
                st.setLong(2, KEY_CLASS);
                st.setLong(3, KEY_OBJECT);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String[] parts = rs.getString(1).split(" ", 2);
                    return Optional.of(new Holder(parts.length > 1 ? parts[1] : "?",
                            Instant.ofEpochSecond(Long.parseLong(parts[0]))));
                }
            }
        });
    }

    /** This machine's name, as the others see it. */
    public static String thisHost() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName() + " (pid " + ProcessHandle.current().pid()
                    + ")";
        } catch (java.net.UnknownHostException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    /** Gives the right up (closing the connection releases the lock even if the unlock fails). */
    @Override
    public void close() {
        if (held == null) {
            return;
        }
        try (PreparedStatement st = held.prepareStatement("DELETE FROM cache_meta WHERE key = ?")) {
            st.setString(1, META_KEY);
            st.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("could not clear the updater's name", e);
        }
        closeQuietly(held);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the updater lock's connection failed", e);
        }
    }
}
