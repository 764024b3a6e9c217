package io.barkeep.mcp;

import static io.barkeep.mcp.McpTestSupport.structured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** {@code barkeep mcp --allow-writes} over stdio: the write tools, and a backfill cancelled through the protocol. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300) // a guard against a hung child only; no assertion depends on time
class McpWritesTest {
    /** Enough vendor requests (a month each) that the backfill is still running when the cancel arrives. */
    private static final List<String> SYMBOLS = List.of("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH");

    private final CountDownLatch progressed = new CountDownLatch(1);
    private McpTestSupport.Client client;

    @BeforeAll
    void start() throws Exception {
        Path dir = McpTestSupport.folder("writes");
        Path db = dir.resolve("demo.db");
        Files.deleteIfExists(db);
        client = McpTestSupport.stdio(dir, p -> progressed.countDown(), "--db", db.toString(), "--source", "demo",
                "--allow-writes");
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void writeToolsAreListedWithTheirHints() {
        assertTrue(client.toolNames().containsAll(List.of("add_to_watchlist", "remove_from_watchlist", "backfill")));
        McpSchema.Tool backfill = client.mcp().listTools().tools().stream()
                .filter(t -> t.name().equals("backfill")).findFirst().orElseThrow();
        assertFalse(backfill.annotations().readOnlyHint());
        assertTrue(backfill.annotations().openWorldHint());
        assertFalse(backfill.annotations().destructiveHint(), "a backfill only adds to the cache");
        assertTrue(client.mcp().listTools().tools().stream().filter(t -> t.name().equals("remove_from_watchlist"))
                .findFirst().orElseThrow().annotations().destructiveHint());
    }

    @Test
    void theWatchlistToolsAddListAndRemove() {
        CallToolResult added = client.call("add_to_watchlist", Map.of("symbol", "msft", "priority", 3));
        assertFalse(Boolean.TRUE.equals(added.isError()), () -> added.content().toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) structured(
                client.call("get_watchlist", Map.of())).get("entries");
        assertTrue(entries.stream().anyMatch(e -> e.get("symbol").equals("MSFT")
                && ((Number) e.get("priority")).intValue() == 3), entries.toString());
        assertEquals(Boolean.TRUE, structured(client.call("remove_from_watchlist", Map.of("symbol", "MSFT")))
                .get("removed"));
        assertEquals(Boolean.FALSE, structured(client.call("remove_from_watchlist", Map.of("symbol", "MSFT")))
                .get("removed"));
    }

    @Test
    void aTickerTheSourceDoesNotHaveIsRefusedInOneLineAndNotAdded() {
        CallToolResult refused = client.call("add_to_watchlist", Map.of("symbol", "DROP"));
        assertEquals(Boolean.TRUE, refused.isError(), () -> refused.content().toString());
        String message = ((McpSchema.TextContent) refused.content().get(0)).text();
        assertTrue(message.contains("no such symbol at the demo feed: DROP (not added)"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) structured(
                client.call("get_watchlist", Map.of())).get("entries");
        assertTrue(entries.stream().noneMatch(e -> e.get("symbol").equals("DROP")), entries.toString());
    }

    @Test
    void aCancelledBackfillStopsKeepsWhatItStoredAndTheServerServesOn() throws Exception {
        McpSchema.CallToolRequest request = new McpSchema.CallToolRequest("backfill",
                Map.of("symbols", SYMBOLS, "lookback_days", 1095), Map.of("progressToken", "backfill-1"));
        CompletableFuture<CallToolResult> answer = CompletableFuture.supplyAsync(
                () -> client.mcp().callTool(request));
        assertTrue(progressed.await(120, TimeUnit.SECONDS), "a progress notification arrived");
        Object id = client.transport().callIds.get(client.transport().callIds.size() - 1);
        client.transport().cancel(id);

        CallToolResult r = answer.get(120, TimeUnit.SECONDS);
        Map<String, Object> doc = structured(r);
        assertEquals(Boolean.TRUE, doc.get("cancelled"), doc.toString());
        int done = ((Number) doc.get("requests_done")).intValue();
        int planned = ((Number) doc.get("requests_planned")).intValue();
        assertTrue(done > 0 && done < planned, "stopped part way: " + doc);

        CallToolResult gaps = client.call("get_gaps", Map.of("symbol", SYMBOLS.get(SYMBOLS.size() - 1),
                "lookback_days", 1095));
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) structured(gaps).get("coverage");
        assertTrue(((Number) coverage.get("sessions_missing")).intValue() > 0, "the rest was not fetched: " + coverage);
    }
}
