package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.run;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.store.PostgresOnly;
import io.barkeep.store.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --from trading_data.db --to postgresql://...} and back: resumable, verified per symbol. */
@PostgresOnly
class CliMigrateTest {
    @TempDir
    Path dir;

    @Test
    void aSqliteCacheGoesToPostgresqlAndBackWithEveryBarLedgerRowAndWatchedSymbol() throws Exception {
        Path file = dir.resolve("trading_data.db");
        runOn(file, "import", write(dir.resolve("a.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "AAPL").ok();
        runOn(file, "import", write(dir.resolve("m.csv"), csv(rows(date("2024-12-26")))).toString(), "--symbol",
                "MSFT").ok();
        runOn(file, "watchlist", "add", "AAPL", "--priority", "4", "--notes", "core").ok();
        String team = PostgresServer.shared().freshDatabase().toString();

        CliTestSupport.Result copied = migrate("--from", file.toString(), "--to", team);
        assertTrue(copied.out().contains(String.format("2 symbols (0 already there), %,d bars; verified: counts per"
                + " symbol match", queryLong(file, "SELECT count(*) FROM bars_5m"))), copied.out());
        assertEquals(2, copied.errLines().size(), "one progress line per symbol: " + copied.err());
        assertEquals(bars(file.toString(), "AAPL"), bars(team, "AAPL"));
        assertEquals(bars(file.toString(), "MSFT"), bars(team, "MSFT"));
        assertEquals(gaps(file.toString()), gaps(team), "the ledger travels: same coverage on both");
        assertEquals(query(file, "SELECT symbol, priority, notes FROM watched_symbols").toString(),
                query(team, "SELECT symbol, priority, notes FROM watched_symbols").toString());

        // Half a copy (a killed migrate): the next run copies that symbol again and skips the other.
        try (Connection c = CliTestSupport.connect(team); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM bars_5m WHERE ts >= (SELECT min(ts) + 3000 FROM bars_5m)"
                    + " AND symbol_id = (SELECT id FROM symbols WHERE symbol = 'AAPL')");
        }
        CliTestSupport.Result resumed = migrate("--from", file.toString(), "--to", team);
        assertTrue(resumed.out().contains("2 symbols (1 already there)"), resumed.out());
        assertEquals(bars(file.toString(), "AAPL"), bars(team, "AAPL"));

        Path back = dir.resolve("back.db");
        migrate("--from", team, "--to", back.toString());
        assertEquals(bars(file.toString(), "AAPL"), bars(back.toString(), "AAPL"));
        assertEquals(queryLong(file, "SELECT count(*) FROM session_coverage"),
                queryLong(back, "SELECT count(*) FROM session_coverage"));
    }

    @Test
    void benchOnPostgresqlPrintsTheSameKeysAsOnSqlite() {
        JsonNode sqlite = run("bench", "--symbols", "1", "--days", "40", "--json").ok().json();
        String team = PostgresServer.shared().freshDatabase().toString();
        JsonNode pg = run("bench", "--symbols", "1", "--days", "40", "--json", "--db", team).ok().json();
        List<String> keys = new ArrayList<>();
        sqlite.fieldNames().forEachRemaining(keys::add);
        List<String> pgKeys = new ArrayList<>();
        pg.fieldNames().forEachRemaining(pgKeys::add);
        assertEquals(keys, pgKeys);
        assertTrue(pg.get("engine").asText().contains("PostgreSQL"), pg.toString());
        assertTrue(pg.get("bytes_per_bar").asDouble() > 0, pg.toString());
        assertEquals(0, queryLong(team, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'barkeep_scratch_%'"),
                "the scratch schemas are gone");
    }

    @Test
    void backupOnPostgresqlSaysPgDumpIsTheTool() {
        String team = PostgresServer.shared().freshDatabase().toString();
        CliTestSupport.Result r = run("backup", "--db", team);
        assertTrue(r.err().contains("back it up with the server's tool, e.g. pg_dump -Fc"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void aPasswordInTheTargetUrlIsRefusedInOneLine() {
        CliTestSupport.Result r = run("migrate", "--from", dir.resolve("x.db").toString(), "--to",
                "postgresql://trader:hunter2@db.example/barkeep");
        assertTrue(r.err().startsWith("error: --to: no password in the URL"), r.err());
        assertTrue(!r.err().contains("hunter2"), r.err());
    }

    /** Progress goes to stderr, so not {@code ok()}: it wants stderr empty. */
    private static CliTestSupport.Result migrate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "migrate";
        System.arraycopy(args, 0, all, 1, args.length);
        CliTestSupport.Result r = run(all);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    private static JsonNode bars(String db, String symbol) {
        return runOn(db, "bars", "--no-fetch", symbol, "--from", "2024-12-23", "--to", "2024-12-27", "--json").ok()
                .json().get("bars");
    }

    private static String gaps(String db) {
        return runOn(db, "gaps", "--from", "2024-12-23", "--to", "2024-12-27", "--json").ok().json().toString();
    }
}
