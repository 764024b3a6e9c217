package io.barkeep.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims on sessions about to be asked of the vendor, so processes on several machines backfilling one shared
 * PostgreSQL cache never ask twice for one session: a fetch claims its sessions first (waiting while another live
 * process holds any of them) and then leaves out what another process answered meanwhile ({@link #ledger}).
 * A claim is alive while its claimant holds a session advisory lock on its own connection: a killed process's
 * claims die with its connection and are taken over, so nothing is lost. On a SQLite file (one machine, one
 * writer) claims are not needed: every claim succeeds at once and the ledger is not consulted.
 */
public final class FetchClaims implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FetchClaims.class);
    /** The claimants' advisory lock keys: "bkcl" and the claimant's number. */
    private static final int KEY_CLASS = 0x626b636c;
    private static final String LIVE = "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = " + KEY_CLASS + " AND l.objid = c.claimant AND l.objsubid = 2)";

    private final Database db;
    private final Connection connection;
    private final int claimant;

    private FetchClaims(Database db, Connection connection, int claimant) {
        this.db = db;
        this.connection = connection;
        this.claimant = claimant;
    }

    /** A claimant for one run of fetches; close it when the run ends (its claims go with it). */
    public static FetchClaims open(Database db) {
        if (!db.isPostgres()) {
            return new FetchClaims(db, null, 0);
        }
        Connection c = null;
        try {
            c = db.postgres().connect();
            for (int attempt = 0; ; attempt++) {
                int id = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
                try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                    st.setInt(1, KEY_CLASS);
                    st.setInt(2, id);
                    try (ResultSet rs = st.executeQuery()) {
                        if (rs.next() && rs.getBoolean(1)) {
                            return new FetchClaims(db, c, id);
                        }
                    }
                }
                if (attempt > 10) {
                    throw new StoreException("database " + db.name() + ": no free claimant number");
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw db.explain(e);
        }
    }

    /**
     * Claims every session of {@code symbol} in {@code dateKeys} (yyyymmdd), or none: false when another live
     * process holds one of them (ask again later). Claims this claimant already holds count as claimed.
     */
    public synchronized boolean tryClaim(String symbol, List<Integer> dateKeys, Instant now) {
        if (connection == null || dateKeys.isEmpty()) {
            return true;
        }
        try {
            connection.setAutoCommit(false);
            try {
                Array dates = connection.createArrayOf("integer", dateKeys.stream().sorted().toArray());
                try (PreparedStatement dead = connection.prepareStatement("DELETE FROM fetch_claims c"
                        + " WHERE c.symbol = ? AND c.session_date = ANY(?) AND c.claimant <> ? AND NOT " + LIVE)) {
                    dead.setString(1, symbol);
                    dead.setArray(2, dates);
                    dead.setLong(3, claimant);
                    dead.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fetch_claims"
                        + " (symbol, session_date, claimant, claimed_at) SELECT ?, d, ?, ? FROM unnest(?) AS d"
                        + " ON CONFLICT (symbol, session_date) DO NOTHING")) {
                    insert.setString(1, symbol);
                    insert.setLong(2, claimant);
                    insert.setLong(3, now.getEpochSecond());
                    insert.setArray(4, dates);
                    insert.executeUpdate();
                }
                int ours;
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM fetch_claims"
                        + " WHERE symbol = ? AND session_date = ANY(?) AND claimant = ?")) {
                    count.setString(1, symbol);
                    count.setArray(2, dates);
                    count.setLong(3, claimant);
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        ours = rs.getInt(1);
                    }
                }
                if (ours == dateKeys.size()) {
                    connection.commit();
                    return true;
                }
                connection.rollback();
                return false;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw db.explain(e);
        }
    }

    /** Gives claims up (after the answer is stored, or the fetch failed). */
    public synchronized void release(String symbol, List<Integer> dateKeys) {
        if (connection == null || dateKeys.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement("DELETE FROM fetch_claims WHERE symbol = ?"
                + " AND session_date = ANY(?) AND claimant = ?")) {
            st.setString(1, symbol);
            st.setArray(2, connection.createArrayOf("integer", dateKeys.toArray()));
            st.setLong(3, claimant);
            st.executeUpdate();
        } catch (SQLException e) {
            throw db.explain(e);
        }
    }

    /**
     * The ledger rows of {@code symbol}'s sessions as comparable text (fetched, held, empty, verdict), to see
     * which sessions another process answered since a first look. Empty on SQLite, where no one else writes.
     */
    public Map<Integer, String> ledger(String symbol, List<Integer> dateKeys) {
        return connection == null ? Map.of() : ledger(db, symbol, dateKeys);
    }

    /**
     * {@link #ledger} without a claimant: the look a run takes before it plans, so that what another process
     * answers between the plan and the claim shows as changed. Empty on SQLite.
     */
    public static Map<Integer, String> ledger(Database db, String symbol, List<Integer> dateKeys) {
        if (!db.isPostgres() || dateKeys.isEmpty()) {
            return Map.of();
        }
        return db.readJdbc(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT v.session_date, v.fetched_at || '/' || v.held_bars"
                    + " || '/' || v.empty_bars || '/' || v.no_data FROM session_coverage v JOIN symbols s"
                    + " ON s.id = v.symbol_id WHERE s.symbol = ? AND v.session_date = ANY(?)")) {
                st.setString(1, symbol);
                st.setArray(2, c.createArrayOf("integer", dateKeys.toArray()));
                Map<Integer, String> out = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), rs.getString(2));
                    }
                }
                return out;
            }
        });
    }

    /** Whether claims matter here (a shared PostgreSQL cache). */
    public boolean shared() {
        return connection != null;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("closing the fetch claims' connection failed", e);
        }
    }
}
