package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.source.simulated.Universe;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backfill --demo-universe}: the documented way to make a large demo database for the app. */
class CliDemoUniverseTest {
    @TempDir
    Path dir;

    @Test
    void theDemoFeedKnowsAFiveHundredSymbolUniverse() {
        assertTrue(Universe.size() >= 500, "tickers: " + Universe.size());
    }

    @Test
    void theFirstTickersOfTheUniverseAreBackfilledAndWatched() {
        String db = TestDatabases.dbArgument(dir, "universe.db");
        run("--db", db, "--source", "demo", "backfill", "--demo-universe", "3", "--from", "2024-03-11",
                "--to", "2024-03-15").ok();
        List<String> first = Universe.tickers().stream().limit(3).toList();
        List<String> watched = new ArrayList<>();
        for (JsonNode entry : run("--db", db, "watchlist", "list", "--json").ok().json()) {
            watched.add(entry.path("symbol").asText());
        }
        assertEquals(first, watched.stream().sorted().toList());
        for (String symbol : first) {
            JsonNode bars = run("--db", db, "--source", "demo", "bars", symbol, "--from", "2024-03-11",
                    "--to", "2024-03-15", "--no-fetch", "--json").ok().json();
            assertTrue(bars.path("count").asInt() > 300, symbol + ": " + bars.path("count"));
        }
    }

    @Test
    void theUniverseNeedsTheDemoFeedAndNoOtherSymbols() {
        Path db = dir.resolve("x.db");
        String both = run("--db", db.toString(), "--source", "demo", "backfill", "--demo-universe", "AAPL")
                .usageError();
        assertTrue(both.contains("--demo-universe"), both);
        String real = run("--db", db.toString(), "--source", "thetadata", "backfill", "--demo-universe").usageError();
        assertTrue(real.contains("--source demo"), real);
    }
}
