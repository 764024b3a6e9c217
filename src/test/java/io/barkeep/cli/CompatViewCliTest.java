package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.DbLocation;
import io.barkeep.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original design's 30-day query, run verbatim by an outside client, returns what {@code bars} prints for the
 * bars as stored ({@code --adjust none}: the views show raw bars, as the original table held them).
 */
class CompatViewCliTest {
    @TempDir
    Path dir;

    @Test
    void theOriginalQueryReturnsTheBarsTheCommandLinePrints() throws Exception {
        DbLocation db = TestDatabases.location(dir, "demo.db");
        String[] where = {"--source", "demo", "--db", db.toString()};
        assertEquals(0, run(concat(new String[] {"backfill", "AAPL", "--from", "2024-03-04", "--to", "2024-03-15"},
                where)).code());
        CliTestSupport.Result csv = run(concat(new String[] {"bars", "AAPL", "--from", "2024-03-07", "--to",
                "2024-03-15", "--format", "csv", "--no-fetch", "--adjust", "none"}, where));
        List<String> printed = new ArrayList<>();
        for (String line : csv.outLines().subList(1, csv.outLines().size())) {
            String[] f = line.split(",");
            printed.add(String.join(",", f[0], num(f[1]), num(f[2]), num(f[3]), num(f[4]), f[5]));
        }

        List<String> viewed = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT * FROM market_data_bars WHERE symbol = ? AND timestamp >= ? ORDER BY timestamp ASC")) {
            ps.setString(1, "AAPL");
            ps.setString(2, "2024-03-07");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    viewed.add(String.join(",", rs.getString("timestamp"), num(rs.getString("open")),
                            num(rs.getString("high")), num(rs.getString("low")), num(rs.getString("close")),
                            rs.getString("volume")));
                }
            }
        }
        assertTrue(printed.size() > 7 * 70, "about seven sessions of bars: " + printed.size());
        assertEquals(printed, viewed);
    }

    /** A price as a number, whatever its trailing zeros ({@code 187.1500} and {@code 187.15} are one price). */
    private static String num(String text) {
        return new BigDecimal(text).stripTrailingZeros().toPlainString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
