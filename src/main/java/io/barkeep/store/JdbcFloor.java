package io.barkeep.store;

import io.barkeep.domain.Bar;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The floor the write path is measured against (the benchmark's {@code jdbc_floor_bars_per_s}): the plainest fast
 * loop over sqlite-jdbc that upserts bars into a fresh file of Barkeep's schema, with the writer's pragmas. A
 * prepared multi-row upsert (16 rows a statement, the fastest shape measured), batched, one transaction per call;
 * no ledger, no checks, no revision read, no writer thread. Not for storing data: it bypasses every rule.
 */
public final class JdbcFloor implements AutoCloseable {
    private static final int ROWS = 16;
    private static final String COLUMNS = "(symbol_id, ts, open, high, low, close, volume, trades, vwap)";
    private static final String ON_CONFLICT = " ON CONFLICT (symbol_id, ts) DO UPDATE SET open = excluded.open,"
            + " high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume,"
            + " trades = excluded.trades, vwap = excluded.vwap";

    private final Connection connection;
    private final PreparedStatement many;
    private final PreparedStatement one;

    private JdbcFloor(Connection connection) throws SQLException {
        this.connection = connection;
        this.many = connection.prepareStatement(upsert(ROWS));
        this.one = connection.prepareStatement(upsert(1));
        connection.setAutoCommit(false);
    }

    /** Creates {@code file} with Barkeep's schema (the same migrations) and opens one plain connection to it. */
    public static JdbcFloor create(DbLocation location) {
        if (!location.postgres()) {
            return create(location.file());
        }
        Database.open(location).close();
        try {
            return new JdbcFloor(new PostgresStore(location).connect());
        } catch (SQLException e) {
            throw new StoreException("cannot open the benchmark's floor " + location + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} with Barkeep's schema (the same migrations) and opens one plain connection to it. */
    public static JdbcFloor create(Path file) {
        Database.open(file).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setCacheSize(-16_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        try {
            return new JdbcFloor(config.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
        } catch (SQLException e) {
            throw new StoreException("cannot open the benchmark's floor file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Upserts {@code bars} of symbol id {@code symbolId} in one transaction. */
    public void upsert(long symbolId, List<Bar> bars) {
        try {
            int whole = bars.size() / ROWS * ROWS;
            bind(many, symbolId, bars.subList(0, whole), ROWS);
            bind(one, symbolId, bars.subList(whole, bars.size()), 1);
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("floor upsert failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, long symbolId, List<Bar> bars, int rows) throws SQLException {
        if (!bars.isEmpty()) {
            BarWriter.bindAndRun(ps, rows, symbolId, bars);
        }
    }

    private static String upsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO bars_5m ").append(COLUMNS).append(" VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.append(ON_CONFLICT).toString();
    }

    @Override
    public void close() {
        try {
            many.close();
            one.close();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the floor file: " + e.getMessage(), e);
        }
    }
}
