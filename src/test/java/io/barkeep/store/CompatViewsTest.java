package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BarRules;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old code writes through the original names: an INSERT into {@code market_data_bars} or {@code watchlist}
 * lands in the compact tables and the coverage ledger, or fails with one clear line and writes nothing. On SQLite
 * (db/migration/V4's triggers) and, run with {@code -Dbarkeep.test.db=postgresql}, on PostgreSQL
 * (db/postgresql/V5's).
 */
class CompatViewsTest {
    private static final TradingCalendar NYSE = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    DbLocation cache;

    @BeforeEach
    void createCache() {
        cache = TestDatabases.location(dir, "trading_data.db");
        CacheEngine.open(cache, NYSE, 0, CLOCK).close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cache.jdbcUrl());
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void insert(String symbol, String timestamp, Object open, Object high, Object low, Object close,
                        Object volume, Object vwap, String verb) throws SQLException {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(verb + " INTO market_data_bars "
                     + "(symbol, timestamp, open, high, low, close, volume, vwap) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Object[] values = {symbol, timestamp, open, high, low, close, volume, vwap};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void anInsertThroughTheOriginalNameLandsInTheCompactTableAndTheLedger() throws SQLException {
        insert("aapl", "2024-03-11T09:30:00", 170.5, 171.0, 170.25, 170.75, 1200, 170.6, "INSERT");
        insert("AAPL", "2024-03-11T09:35:00", 170.75, 171.25, 170.5, 171.0, 800, null, "INSERT");

        try (CacheEngine engine = CacheEngine.open(cache, NYSE, 0, CLOCK)) {
            Session s = NYSE.session(LocalDate.of(2024, 3, 11)).orElseThrow();
            List<Bar> bars = engine.bars().bars("AAPL", s.open(), s.close());
            assertEquals(List.of(new Bar(s.open(), 1_705_000, 1_710_000, 1_702_500, 1_707_500, 1200, Bar.UNKNOWN,
                            1_706_000),
                    new Bar(s.open().plusSeconds(300), 1_707_500, 1_712_500, 1_705_000, 1_710_000, 800, Bar.UNKNOWN,
                            Bar.UNKNOWN)), bars);
            var report = engine.gaps().report("AAPL", s.date(), s.date());
            assertEquals(2, report.sessions().get(0).held(), "the ledger counts what came through the view");
        }
    }

    /** SQLite's INSERT OR REPLACE; PostgreSQL has no such verb, and its plain INSERT corrects a bar alike. */
    @Test
    void insertOrReplaceCorrectsABarAndKeepsTheSymbolsId() throws SQLException {
        insert("MSFT", "2024-03-11T10:00:00", 400.0, 401.0, 399.0, 400.5, 10, null, "INSERT");
        long id = queryLong("SELECT id FROM symbols WHERE symbol = 'MSFT'");
        insert("MSFT", "2024-03-11T10:00:00", 400.0, 402.0, 399.0, 401.5, 12, null,
                cache.postgres() ? "INSERT" : "INSERT OR REPLACE");

        assertEquals(id, queryLong("SELECT id FROM symbols WHERE symbol = 'MSFT'"));
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT timestamp, high, close, volume FROM market_data_bars WHERE symbol = 'MSFT'")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4)));
            }
        }
        assertEquals(List.of(List.of("2024-03-11T10:00:00", 402.0, 401.5, 12L)), rows);
        assertEquals(1, queryLong("SELECT count(*) FROM bars_5m"));
    }

    @Test
    void aRefusedInsertSaysWhatWasWrongInOneLine() {
        SQLException e = assertThrows(SQLException.class, () ->
                insert("AAPL", "next tuesday", 1.0, 1.0, 1.0, 1.0, 1, null, "INSERT"));
        assertEquals("timestamp must be an ISO date-time such as 2025-11-20T09:30:00", reason(e));
        e = assertThrows(SQLException.class, () ->
                insert("AAPL$", "2024-03-11T09:30:00", 1.0, 1.0, 1.0, 1.0, 1, null, "INSERT"));
        assertEquals("symbol must be a ticker such as AAPL or BRK.B", reason(e));
    }

    /** The trigger's own words: the driver wraps them (SQLite) or adds a context line after them (PostgreSQL). */
    private static String reason(SQLException e) {
        return e.getMessage().lines().findFirst().orElse("").replaceFirst(".*market_data_bars: ", "")
                .replaceFirst("\\)$", "");
    }

    /** One corpus through BarRules and through the trigger: the same verdict and the same reason. */
    @Test
    void theTriggerJudgesBarsAsBarRulesDoes() throws SQLException {
        Session monday = NYSE.session(LocalDate.of(2024, 3, 11)).orElseThrow();
        Session earlyClose = NYSE.session(LocalDate.of(2024, 7, 3)).orElseThrow();
        List<Bar> corpus = List.of(
                bar(monday.open(), 100, 101, 99, 100.5, 10),
                bar(monday.open().plusSeconds(600), 100, 99, 101, 100, 10),
                bar(monday.open().plusSeconds(900), 102, 101, 99, 100, 10),
                bar(monday.open().plusSeconds(1200), 100, 101, 99, 98, 10),
                bar(monday.open().plusSeconds(1500), 100, 101, 99, 100, -1),
                bar(monday.open().plusSeconds(1800), 0, 0, 0, 0, 10),
                bar(monday.open().plusSeconds(2100), 0, 0, 0, 0, 0),
                bar(monday.open().plusSeconds(2460), 100, 101, 99, 100, 10),
                bar(monday.close(), 100, 101, 99, 100, 10),
                bar(earlyClose.close().plusSeconds(300), 100, 101, 99, 100, 10),
                bar(Instant.parse("2024-03-09T15:00:00Z"), 100, 101, 99, 100, 10),
                bar(earlyClose.close().minusSeconds(300), 100, 101, 99, 100, 10));
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Bar b : corpus) {
            expected.add(b.start() + " " + BarRules.check(b, NYSE).orElse("stored"));
            String local = LocalDateTime.ofInstant(b.start(), Session.NEW_YORK).toString();
            String verdict;
            try {
                insert("IBM", local.length() == 16 ? local + ":00" : local, price(b.open()), price(b.high()),
                        price(b.low()), price(b.close()), b.volume(), null, "INSERT");
                verdict = "stored";
            } catch (SQLException e) {
                verdict = reason(e);
            }
            actual.add(b.start() + " " + verdict);
        }
        assertEquals(expected, actual);
        long stored = expected.stream().filter(v -> v.endsWith(" stored")).count();
        assertEquals(stored, queryLong("SELECT count(*) FROM bars_5m"),
                "a refused insert writes nothing");
        assertTrue(stored >= 2, "the corpus holds good bars too");
    }

    @Test
    void theWatchlistTakesTheOriginalDesignsInsertUpdateAndDelete() throws SQLException {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO watchlist (symbol, added_at, priority, notes) "
                    + "VALUES ('nvda', '2024-03-11T08:00:00', 3, 'ai, chips')");
            st.executeUpdate("INSERT INTO watchlist (symbol, added_at) VALUES ('amd', '2024-03-11T13:00:00Z')");
            st.executeUpdate("UPDATE watchlist SET active = 0 WHERE symbol = 'NVDA'");
            st.executeUpdate("INSERT INTO watchlist (symbol) VALUES ('intc')");
            st.executeUpdate("DELETE FROM watchlist WHERE symbol = 'INTC'");
        }
        try (CacheEngine engine = CacheEngine.open(cache, NYSE, 0, CLOCK)) {
            var entry = engine.watchlist().find("NVDA").orElseThrow();
            assertEquals(Instant.parse("2024-03-11T12:00:00Z"), entry.addedAt(), "New York 08:00 in daylight time");
            assertEquals(false, entry.active());
            assertEquals(3, entry.priority());
            assertEquals("ai, chips", entry.notes());
            assertEquals(Instant.parse("2024-03-11T13:00:00Z"), engine.watchlist().find("AMD").orElseThrow()
                    .addedAt(), "a time with Z is that instant");
            assertTrue(engine.watchlist().find("INTC").isEmpty(), "deleted through the view");
        }
    }

    private static Bar bar(Instant start, double open, double high, double low, double close, long volume) {
        return Bar.of(start, ticks(open), ticks(high), ticks(low), ticks(close), volume);
    }

    private static long ticks(double dollars) {
        return Prices.toTicks(java.math.BigDecimal.valueOf(dollars));
    }

    private static double price(long ticks) {
        return ticks / (double) Prices.SCALE;
    }
}
