package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file built with the original design's schema (a trader's data_lake/trades.db: bars, watchlist, freshness
 * and a trades table of their own) migrates exactly: good bars into the compact store, bad ones to the
 * quarantine, the watchlist carried over, the trades table untouched, and the original query run verbatim
 * returns the same rows as before.
 */
@SqliteOnly("migrates the original design's trades.db file in place")
class OriginalDesignMigrationTest {
    static final String ORIGINAL_QUERY =
            "SELECT * FROM market_data_bars WHERE symbol = ? AND timestamp >= ? ORDER BY timestamp ASC";
    private static final TradingCalendar NYSE = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-02T12:00:00Z"), ZoneOffset.UTC);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    /** Sessions of the fixture: they cross the 2024-03-10 switch to daylight time. */
    private static final List<Session> SESSIONS = NYSE.sessions(LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 22));

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void buildOriginalFile() throws SQLException {
        file = dir.resolve("trades.db");
        try (Connection c = connect(file); Statement st = c.createStatement()) {
            // The original design's schema, verbatim (origin/market-data-cache-design.md).
            st.executeUpdate("""
                    CREATE TABLE market_data_bars (
                        id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL, timestamp TEXT NOT NULL,
                        open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL,
                        volume INTEGER NOT NULL, vwap REAL, created_at TEXT DEFAULT CURRENT_TIMESTAMP,
                        UNIQUE(symbol, timestamp))""");
            st.executeUpdate("""
                    CREATE TABLE watchlist (symbol TEXT PRIMARY KEY, added_at TEXT NOT NULL, active BOOLEAN DEFAULT 1,
                        last_updated TEXT, priority INTEGER DEFAULT 0, notes TEXT)""");
            st.executeUpdate("""
                    CREATE TABLE data_freshness (symbol TEXT PRIMARY KEY, oldest_bar TEXT, newest_bar TEXT,
                        bar_count INTEGER DEFAULT 0, last_checked TEXT, gaps_detected TEXT)""");
            st.executeUpdate("CREATE INDEX idx_bars_symbol ON market_data_bars(symbol)");
            st.executeUpdate("CREATE INDEX idx_bars_timestamp ON market_data_bars(timestamp)");
            st.executeUpdate("CREATE INDEX idx_bars_symbol_timestamp ON market_data_bars(symbol, timestamp)");
            st.executeUpdate("CREATE INDEX idx_watchlist_active ON watchlist(active)");
            st.executeUpdate("CREATE INDEX idx_watchlist_priority ON watchlist(priority DESC)");
            st.executeUpdate("CREATE TABLE trades (id INTEGER PRIMARY KEY, symbol TEXT, executed_at TEXT, "
                    + "price REAL, qty INTEGER)");
            st.executeUpdate("INSERT INTO trades (symbol, executed_at, price, qty) VALUES "
                    + "('AAPL', '2024-03-11T10:07:13', 170.5, 100), ('MSFT', '2024-03-05T15:59:59', 410.25, -50), "
                    + "('AAPL', '2024-02-27T09:30:00', 182.0, 10)");
            st.executeUpdate("INSERT INTO watchlist (symbol, added_at, active, last_updated, priority, notes) VALUES "
                    + "('AAPL', '2024-02-01T08:00:00', 1, '2024-03-22T16:05:00', 5, 'core, long'), "
                    + "('MSFT', '2024-02-02T08:00:00', 0, NULL, 1, NULL)");
            st.executeUpdate("INSERT INTO data_freshness (symbol, oldest_bar, newest_bar, bar_count) VALUES "
                    + "('AAPL', '2024-02-26T09:30:00', '2024-03-22T15:55:00', 1560)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO market_data_bars "
                    + "(symbol, timestamp, open, high, low, close, volume, vwap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (String symbol : List.of("AAPL", "MSFT")) {
                    for (int day = 0; day < SESSIONS.size(); day++) {
                        for (int k = 0; k < 78; k++) {
                            Session s = SESSIONS.get(day);
                            long base = ticks(symbol, day, k);
                            ps.setString(1, symbol);
                            ps.setString(2, ISO.format(s.openInNewYork().plusMinutes(5L * k).toLocalDateTime()));
                            ps.setDouble(3, base / 10_000.0);
                            ps.setDouble(4, (base + 2_500) / 10_000.0);
                            ps.setDouble(5, (base - 1_000) / 10_000.0);
                            ps.setDouble(6, (base + 500) / 10_000.0);
                            ps.setLong(7, 1000 + k);
                            ps.setDouble(8, (base + 100) / 10_000.0);
                            ps.addBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            // The bad rows a real file collects over the years.
            st.executeUpdate("INSERT INTO market_data_bars (symbol, timestamp, open, high, low, close, volume) VALUES "
                    + "('TSLA', '2024-03-09T10:00:00', 1, 2, 1, 2, 5), "          // a Saturday
                    + "('TSLA', '2024-03-11T09:31:00', 1, 2, 1, 2, 5), "          // off the grid
                    + "('TSLA', '2024-03-11T16:00:00', 1, 2, 1, 2, 5), "          // the close is no bar start
                    + "('TSLA', '2024-03-11T10:00:00', 1, 1, 2, 1, 5), "          // high < low
                    + "('A;B', '2024-03-11T10:00:00', 1, 2, 1, 2, 5), "           // not a ticker
                    + "('TSLA', '2024-03-12T10:00:00', 'abc', 2, 1, 2, 5), "      // a word for a price
                    + "('TSLA', 'yesterday', 1, 2, 1, 2, 5)");
        }
    }

    /** The fixture's open price of bar {@code k} of session {@code day}, in 1e-4 dollars. */
    static long ticks(String symbol, int day, int k) {
        return (symbol.equals("AAPL") ? 1_700_000 : 4_000_000) + day * 10_000L + k * 101L;
    }

    @Test
    void migratesGoodBarsQuarantinesBadOnesAndKeepsTheOriginalQueryAnswering() throws SQLException {
        List<List<Object>> before = originalQuery(file, "AAPL", "2024-03-01");
        List<List<Object>> beforeMsft = originalQuery(file, "MSFT", "2024-02-01");
        String tradesSchema = queryString(file, "SELECT sql FROM sqlite_master WHERE name = 'trades'");
        List<List<Object>> trades = rows(file, "SELECT * FROM trades ORDER BY id");

        OriginalDesignMigration.Report report = OriginalDesignMigration.migrate(file, NYSE, CLOCK);

        long good = 2L * SESSIONS.size() * 78;
        assertEquals(good + 7, report.barsRead());
        assertEquals(good, report.barsStored());
        assertEquals(7, report.barsQuarantined());
        assertEquals(Map.of("outside the session", 2L, "off the 5-minute grid", 1L, "high < low", 1L,
                "not a ticker", 1L, "column open is not a number", 1L, "timestamp is not an ISO date-time", 1L),
                report.reasons());
        assertEquals(2, report.watchlistRows());
        assertEquals(2, report.symbols());

        assertEquals(before, originalQuery(file, "AAPL", "2024-03-01"), "the original query, verbatim, same rows");
        assertEquals(beforeMsft, originalQuery(file, "MSFT", "2024-02-01"));
        assertEquals(good, queryLong(file, "SELECT count(*) FROM bars_5m"));
        assertEquals(7, queryLong(file, "SELECT count(*) FROM quarantine WHERE source = 'original-design'"));
        assertEquals(tradesSchema, queryString(file, "SELECT sql FROM sqlite_master WHERE name = 'trades'"));
        assertEquals(trades, rows(file, "SELECT * FROM trades ORDER BY id"), "a table we do not own is untouched");
        assertEquals(List.of(List.of("AAPL", "2024-02-01T08:00:00", 1L, "2024-03-22T16:05:00", 5L, "core, long"),
                        java.util.Arrays.asList("MSFT", "2024-02-02T08:00:00", 0L, null, 1L, null)),
                rows(file, "SELECT * FROM watchlist ORDER BY symbol"));
        assertEquals(List.of(List.of("AAPL", "2024-02-26T09:30:00", "2024-03-22T15:55:00", 1560L)),
                rows(file, "SELECT symbol, oldest_bar, newest_bar, bar_count FROM data_freshness "
                        + "WHERE symbol = 'AAPL'"), "freshness recomputed from the migrated bars");
        assertEquals(0, queryLong(file, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'barkeep_original_%'"));

        assertTrue(Files.exists(report.backup()));
        assertEquals(good + 7, queryLong(report.backup(), "SELECT count(*) FROM market_data_bars"),
                "the backup holds the file as it was");
    }

    /** The README's join (docs/examples/trades_join.sql) pairs each trade with the bar that holds it. */
    @Test
    void theReadmesTradesJoinFindsTheBarOfEachTrade() throws Exception {
        OriginalDesignMigration.migrate(file, NYSE, CLOCK);
        String sql = Files.readString(Path.of("docs/examples/trades_join.sql"));

        List<List<Object>> joined = rows(file, sql);

        // Trade 1: AAPL 2024-03-11 10:07:13 lies in bar 7 (10:05) of session 10; trade 2: MSFT 15:59:59 on
        // 2024-03-05 in the last bar (77) of session 6; trade 3: AAPL 09:30:00 in bar 0 of session 1.
        int[][] where = {{10, 7}, {6, 77}, {1, 0}};
        String[] symbols = {"AAPL", "MSFT", "AAPL"};
        assertEquals(3, joined.size());
        for (int i = 0; i < 3; i++) {
            long open = ticks(symbols[i], where[i][0], where[i][1]);
            Session s = SESSIONS.get(where[i][0]);
            List<Object> row = joined.get(i);
            assertEquals(ISO.format(s.openInNewYork().plusMinutes(5L * where[i][1]).toLocalDateTime()), row.get(4));
            assertEquals(open / 10_000.0, row.get(5));
            assertEquals((open + 100) / 10_000.0, row.get(10), "the session VWAP at that bar");
        }
    }

    @Test
    void theOriginalQueryUsesThePrimaryKey() throws SQLException {
        OriginalDesignMigration.migrate(file, NYSE, CLOCK);
        String plan = String.join("\n", rows(file, "EXPLAIN QUERY PLAN " + ORIGINAL_QUERY.replace("?", "'AAPL'"))
                .stream().map(r -> String.valueOf(r.get(3))).toList());
        assertTrue(plan.contains("SEARCH b USING PRIMARY KEY (symbol_id=?)"), plan);
    }

    @Test
    void openingTheFileMigratesItOnceWithABackup() throws Exception {
        try (CacheEngine engine = CacheEngine.open(file, NYSE, 0, CLOCK)) {
            assertEquals(SESSIONS.size() * 78, engine.bars().bars("AAPL", SESSIONS.get(0).open(),
                    SESSIONS.get(SESSIONS.size() - 1).close()).size());
        }
        CacheEngine.open(file, NYSE, 0, CLOCK).close();
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().contains(".before-barkeep-")).count());
        }
    }

    @Test
    void aFailedMigrationLeavesTheFileAsItWas() throws SQLException {
        try (Connection c = connect(file); Statement st = c.createStatement()) {
            // A table of the user's own under a name Barkeep's schema needs: creating Barkeep's tables fails.
            st.executeUpdate("CREATE TABLE symbols (ticker TEXT, sector TEXT)");
        }
        List<List<Object>> schema = rows(file, "SELECT type, name, sql FROM sqlite_master ORDER BY name");
        List<List<Object>> bars = rows(file, "SELECT * FROM market_data_bars ORDER BY id");

        StoreException e = assertThrows(StoreException.class, () -> OriginalDesignMigration.migrate(file, NYSE, CLOCK));

        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("the file is as it was"), e.getMessage());
        assertEquals(schema, rows(file, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        assertEquals(bars, rows(file, "SELECT * FROM market_data_bars ORDER BY id"));
    }

    static List<List<Object>> originalQuery(Path db, String symbol, String from) throws SQLException {
        try (Connection c = connect(db); PreparedStatement ps = c.prepareStatement(ORIGINAL_QUERY)) {
            ps.setString(1, symbol);
            ps.setString(2, from);
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // id and created_at are the storage's own; the market data is what must not change.
                    out.add(java.util.Arrays.asList(rs.getString("symbol"), rs.getString("timestamp"),
                            rs.getDouble("open"), rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"),
                            rs.getLong("volume"), rs.getObject("vwap")));
                }
            }
            return out;
        }
    }

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    static List<List<Object>> rows(Path db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof Integer x ? Long.valueOf(x) : v);
                }
                out.add(row);
            }
            return out;
        }
    }

    static long queryLong(Path db, String sql) throws SQLException {
        return ((Number) rows(db, sql).get(0).get(0)).longValue();
    }

    static String queryString(Path db, String sql) throws SQLException {
        return (String) rows(db, sql).get(0).get(0);
    }
}
