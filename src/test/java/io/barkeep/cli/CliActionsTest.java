package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code actions ...} and {@code --adjust} end to end on the demo feed and a real database file. */
class CliActionsTest {
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
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--source", "demo", "--db", demoDb()));
        return run(all.toArray(String[]::new));
    }

    @Test
    void addListRemoveWithSourceAndDateLearnt() throws Exception {
        assertTrue(demo("actions", "add", "ODD", "--split", "1046:1000", "--ex-date", "2024-05-01").ok().out()
                .startsWith("added ODD 2024-05-01 1046:1000 split"));
        demo("actions", "add", "ODD", "--dividend", "0.24", "--ex-date", "2024-05-10").ok();
        demo("actions", "add", "REV", "--split", "1:10", "--ex-date", "2024-02-01").ok();
        JsonNode list = CliTestSupport.JSON.readTree(demo("actions", "list", "ODD", "--json").ok().out());
        assertEquals(2, list.get("actions").size());
        JsonNode split = list.get("actions").get(0);
        assertEquals("1046:1000", split.get("ratio").asText());
        assertEquals("manual", split.get("source").asText());
        assertTrue(split.hasNonNull("learnt_at"));
        assertEquals("0.24", list.get("actions").get(1).get("amount").asText());
        assertTrue(demo("actions", "remove", "ODD", "--ex-date", "2024-05-01", "--kind", "split").ok().out()
                .contains("removed 1"));
        assertEquals(1, CliTestSupport.JSON.readTree(demo("actions", "list", "ODD", "--json").out()).get("actions")
                .size());
    }

    @Test
    void badInputIsOneClearLineAndStoresNothingFromIt() throws Exception {
        CliTestSupport.Result bad = demo("actions", "add", "X", "--split", "10-1", "--ex-date", "2024-06-10");
        assertEquals(1, bad.err().strip().lines().count(), bad.toString());
        assertTrue(bad.err().contains("new:old"), bad.err());
        Path csv = CliTestSupport.write(dir.resolve("actions.csv"), "symbol,ex_date,kind,ratio|amount\n"
                + "NVDA,2024-06-10,split,10:1\n"
                + "NVDA,2024-13-01,split,10:1\n"
                + "AAPL,2024-05-10,dividend,0.25\n"
                + "AAPL,2024-08-12,dividend,abc\n"
                + "MSFT,2024-05-15,bonus,1\n");
        CliTestSupport.Result r = demo("actions", "import", csv.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals(3, r.err().strip().lines().count(), r.toString());
        assertTrue(r.err().contains("line 3") && r.err().contains("line 5") && r.err().contains("line 6"), r.err());
        assertTrue(r.out().contains("2 new"), r.out());
        JsonNode all = CliTestSupport.JSON.readTree(demo("actions", "list", "--json").out()).get("actions");
        assertEquals(2, all.size(), all.toString());
        assertTrue(all.findValues("source").stream().allMatch(s -> s.asText().equals("csv")));
    }

    @Test
    void barsAcrossTheDemoSplitAreAdjustedByDefaultSayWhatWasAppliedAndExportStaysRaw() throws Exception {
        demo("backfill", "NVDA", "--from", "2024-06-05", "--to", "2024-06-12").ok();
        assertTrue(demo("actions", "list", "NVDA").out().contains("10:1"), "backfill fetched the demo's actions");
        CliTestSupport.Result adjusted = demo("bars", "NVDA", "--from", "2024-06-05", "--to", "2024-06-12",
                "--interval", "1d", "--json", "--no-fetch");
        JsonNode doc = CliTestSupport.JSON.readTree(adjusted.out());
        assertEquals("splits", doc.get("adjustment").asText());
        assertTrue(doc.get("factors").findValues("ratio").stream().anyMatch(n -> n.asText().equals("10:1")));
        assertEquals(1, adjusted.err().lines().filter(l -> l.contains("2024-06-10 10:1 split")).count(),
                adjusted.toString());
        JsonNode raw = CliTestSupport.JSON.readTree(demo("bars", "NVDA", "--from", "2024-06-05", "--to",
                "2024-06-12", "--interval", "1d", "--json", "--no-fetch", "--adjust", "none").out());
        assertEquals("none", raw.get("adjustment").asText());
        assertEquals(0.1, jump(raw), 0.02, "as traded: the cliff");
        assertEquals(1, jump(doc), 0.05, "adjusted: continuous");
        assertTrue(demo("bars", "NVDA", "--from", "2024-06-05", "--to", "2024-06-12", "--format", "csv",
                "--no-fetch").out().startsWith("# adjusted (splits): NVDA 2024-06-10 10:1 split x0.1"));
        String export = demo("export", "NVDA", "--from", "2024-06-05", "--to", "2024-06-07").out();
        String firstRow = export.lines().filter(l -> !l.startsWith("#")).skip(1).findFirst().orElseThrow();
        assertEquals(0, raw.get("bars").get(0).get("open").decimalValue().compareTo(
                new java.math.BigDecimal(firstRow.split(",")[1])), "export defaults to the raw bars: " + firstRow);
        CliTestSupport.Result wrong = demo("bars", "NVDA", "--adjust", "half");
        assertTrue(wrong.err().contains("--adjust must be none, splits or all"), wrong.toString());
    }

    /** The first open on 2024-06-10 over the close before it, from a 1d JSON document. */
    private static double jump(JsonNode doc) {
        double close = 0;
        for (JsonNode b : doc.get("bars")) {
            LocalDate d = LocalDate.parse(b.get("timestamp").asText().substring(0, 10));
            if (d.equals(LocalDate.of(2024, 6, 10))) {
                return b.get("open").asDouble() / close;
            }
            close = b.get("close").asDouble();
        }
        throw new AssertionError("no 2024-06-10 bar in " + doc);
    }
}
