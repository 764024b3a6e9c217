package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetching commands end to end on the built-in simulated feed and against a terminal that is not there. */
class CliSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String demoDb;

    private String demoDb() {
        if (demoDb == null) {
            demoDb = TestDatabases.dbArgument(dir, "demo.db");
        }
        return demoDb;
    }

    private CliTestSupport.Result demo(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--source", "demo", "--db", demoDb()));
        return run(all.toArray(String[]::new));
    }

    @Test
    void backfillFillsARangeAndGapsThenShowsItComplete() throws Exception {
        CliTestSupport.Result r = demo("backfill", "AAPL", "MSFT", "--from", "2024-03-01", "--to", "2024-03-28");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("SIMULATED"), r.out());
        // The demo feed drops a stretch from a few bulk answers; a second backfill repairs them one day at a time.
        demo("backfill", "AAPL", "MSFT", "--from", "2024-03-01", "--to", "2024-03-28");
        JsonNode gaps = JSON.readTree(demo("gaps", "--from", "2024-03-01", "--to", "2024-03-28", "--json").out());
        for (JsonNode s : gaps.get("symbols")) {
            assertEquals(0, s.get("missing_bars").asInt(), s.toString());
            assertEquals(20 * 78, s.get("expected_bars").asInt(), "March 2024 to the 28th: 20 sessions");
        }
    }

    @Test
    void barsFetchesWhatIsMissingAndSaysSimulated() throws Exception {
        CliTestSupport.Result r = demo("bars", "NVDA", "--from", "2024-03-11", "--to", "2024-03-15", "--interval",
                "1d", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.get("simulated").asBoolean());
        assertEquals(5, doc.get("bars").size());
        CliTestSupport.Result table = demo("bars", "NVDA", "--from", "2024-03-11", "--to", "2024-03-15");
        assertTrue(table.out().startsWith("SIMULATED"), table.out());
    }

    @Test
    void noTradeIntervalsCountAsCoveredNotAsHoles() throws Exception {
        // A small cap: a liquid name like AAPL goes months without a no-trade bar, as on a real feed.
        demo("backfill", "BARK", "--from", "2024-03-04", "--to", "2024-03-22");
        demo("backfill", "BARK", "--from", "2024-03-04", "--to", "2024-03-22");
        JsonNode doc = JSON.readTree(demo("bars", "BARK", "--from", "2024-03-04", "--to", "2024-03-22", "--interval",
                "1d", "--json", "--no-fetch").out());
        int quiet = 0;
        for (JsonNode b : doc.get("bars")) {
            assertEquals(b.get("expected_bars").asInt(), b.get("bars").asInt() + b.get("no_trade_bars").asInt(),
                    b.toString());
            quiet += b.get("no_trade_bars").asInt();
        }
        assertTrue(quiet > 0, "the demo feed has a few no-trade intervals in three weeks");
    }

    @Test
    void multiAnswersEveryIntervalInOneDocument() throws Exception {
        CliTestSupport.Result r = demo("multi", "AAPL", "--intervals", "5m,1h,1d", "--lookback-days", "7");
        assertEquals(0, r.code(), r.toString());
        JsonNode intervals = JSON.readTree(r.out()).get("intervals");
        assertTrue(intervals.has("5m") && intervals.has("1h") && intervals.has("1d"), intervals.toString());
        long v5 = 0;
        long v1d = 0;
        for (JsonNode b : intervals.get("5m")) {
            v5 += b.get("volume").asLong();
        }
        for (JsonNode b : intervals.get("1d")) {
            v1d += b.get("volume").asLong();
        }
        assertEquals(v5, v1d);
    }

    @Test
    void latestGivesTheNewestBarWithItsSource() throws Exception {
        CliTestSupport.Result r = demo("latest", "AAPL", "--json");
        assertEquals(0, r.code(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("AAPL", doc.get("symbol").asText());
        assertEquals("demo", doc.get("source").asText());
        assertTrue(doc.get("price").decimalValue().signum() > 0);
    }

    @Test
    void updateBringsEveryActiveSymbolUpToDate() {
        demo("watchlist", "add", "AAPL");
        demo("watchlist", "add", "MSFT");
        CliTestSupport.Result r = demo("update");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("updated 2 active symbols"), r.out());
        CliTestSupport.Result list = demo("watchlist", "list", "--json");
        assertTrue(!list.out().contains("\"last_updated\" : null"), list.out());
        CliTestSupport.Result actions = demo("actions", "list", "AAPL");
        assertTrue(actions.out().contains("dividend") && actions.out().contains("demo"),
                "update also fetched the active symbols' splits and dividends: " + actions);
    }

    @Test
    void aTerminalThatIsNotThereIsOneLineAndExitOne() {
        CliTestSupport.Result r = run("bars", "AAPL", "--from", "2024-03-11", "--to", "2024-03-15", "--source",
                "thetadata", "--theta-url", "http://127.0.0.1:9", "--db", TestDatabases.dbArgument(dir, "real.db"));
        assertEquals(1, r.code(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("no Theta Terminal at http://127.0.0.1:9"), r.err());
    }

    @Test
    void anUnknownSourceIsRefused() {
        CliTestSupport.Result r = run("bars", "AAPL", "--source", "yahoo", "--db",
                TestDatabases.dbArgument(dir, "x.db"));
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("unknown source 'yahoo'"), r.err());
    }

    @Test
    void simulatedBarsNeverLandInAFileOfRealOnes() {
        String real = TestDatabases.dbArgument(dir, "real.db");
        Path csv = CliTestSupport.write(dir.resolve("a.csv"), CliTestSupport.csv(CliTestSupport.rows(
                CliTestSupport.date("2024-03-11"))));
        run("import", csv.toString(), "--symbol", "AAPL", "--db", real);
        CliTestSupport.Result r = run("bars", "AAPL", "--from", "2024-03-11", "--to", "2024-03-15", "--source", "demo",
                "--db", real);
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("holds real bars"), r.err());
    }
}
