package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.sync.Settings;
import io.barkeep.ui.common.SameThreadUiExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app never migrates a file holding the original design's tables without the person's yes. */
class AppServicesMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path file;
    final List<Path> asked = new ArrayList<>();

    @BeforeEach
    void originalFile() throws Exception {
        file = dir.resolve("trades.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE market_data_bars (id INTEGER PRIMARY KEY AUTOINCREMENT, symbol TEXT NOT NULL, "
                    + "timestamp TEXT NOT NULL, open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, "
                    + "close REAL NOT NULL, volume INTEGER NOT NULL, vwap REAL, created_at TEXT, "
                    + "UNIQUE(symbol, timestamp))");
            st.executeUpdate("INSERT INTO market_data_bars (symbol, timestamp, open, high, low, close, volume) "
                    + "VALUES ('AAPL', '2024-03-11T09:30:00', 170.5, 171, 170, 170.75, 1200)");
        }
    }

    private AppServices services() {
        Settings s = new Settings("thetadata", "http://127.0.0.1:9", 1, 60, file.toString(), 1095, 7, 10);
        return new AppServices(dir, s, new SameThreadUiExecutor(), CLOCK);
    }

    private String tableType() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT type FROM sqlite_master WHERE name = 'market_data_bars'")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    @Test
    void aDeclinedMigrationLeavesTheFileAsItIsAndSaysWhy() throws Exception {
        try (AppServices services = services()) {
            services.askBeforeMigrating(f -> asked.add(f) && false);
            CompletionException e = assertThrows(CompletionException.class, () -> services.start().join());
            assertTrue(e.getCause().getMessage().contains("holds the original design's market_data_bars table"),
                    e.getCause().getMessage());
        }
        assertEquals(List.of(file), asked);
        assertEquals("table", tableType(), "nothing migrated");
    }

    @Test
    void anAcceptedMigrationOpensTheMigratedFile() throws Exception {
        try (AppServices services = services()) {
            services.askBeforeMigrating(f -> asked.add(f));
            services.start().join();
            assertEquals(List.of("AAPL"), services.engine().bars().symbols());
        }
        assertEquals(List.of(file), asked);
        assertEquals("view", tableType(), "the original name is now a view");
    }
}
