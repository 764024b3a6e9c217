package io.barkeep.mcp;

import static io.barkeep.mcp.McpTestSupport.FROM;
import static io.barkeep.mcp.McpTestSupport.SYMBOL;
import static io.barkeep.mcp.McpTestSupport.TO;
import static io.barkeep.mcp.McpTestSupport.structured;
import static io.barkeep.mcp.McpTestSupport.text;
import static io.barkeep.mcp.McpTestSupport.toolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code barkeep mcp} as a child process, driven by the MCP Java SDK's own client over stdio, on a demo database
 * holding three years of 5-minute bars: read-only (no --allow-writes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300) // a guard against a hung child only; no assertion depends on time
class McpStdioTest {
    private Path db;
    private McpTestSupport.Client client;

    @BeforeAll
    void start() throws Exception {
        db = McpTestSupport.threeYears();
        client = McpTestSupport.stdio(McpTestSupport.folder("stdio-home"), null, "--db", db.toString(),
                "--source", "demo");
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void listsTheReadToolsWithSchemasAndHintsButNoWriteTool() {
        List<McpSchema.Tool> tools = client.mcp().listTools().tools();
        assertEquals(List.of("get_calendar", "get_freshness", "get_gaps", "get_historical_bars", "get_latest_price",
                "get_multi_timeframe_data", "get_watchlist"), client.toolNames());
        for (McpSchema.Tool t : tools) {
            assertNotNull(t.outputSchema(), t.name() + " has an output schema");
            assertEquals("object", t.inputSchema().get("type"), t.name());
            assertTrue(t.annotations().readOnlyHint(), t.name() + " is read-only");
        }
        McpSchema.Tool bars = tools.stream().filter(t -> t.name().equals("get_historical_bars")).findFirst().get();
        assertTrue(bars.annotations().openWorldHint(), "bars may ask the vendor");
        assertTrue(((Map<?, ?>) bars.inputSchema().get("properties")).keySet().containsAll(List.of("symbol", "interval", "from", "to",
                "lookback_days", "adjust", "limit", "cursor", "fetch")));
    }

    @Test
    void pagingThroughThreeYearsOfFiveMinuteBarsGivesExactlyWhatBarsCsvPrints() {
        String expected = McpTestSupport.barsCsv(db, "5m");
        String paged = McpTestSupport.pagingCsv(client, Map.of("symbol", SYMBOL, "from", FROM.toString(),
                "to", TO.toString()));
        assertTrue(expected.lines().count() > 50_000, "three years of 5-minute bars");
        assertEquals(expected, paged);
    }

    @Test
    void hourBarsPageTheSameAsBarsCsvWithASmallLimit() {
        assertEquals(McpTestSupport.barsCsv(db, "1h"), McpTestSupport.pagingCsv(client, Map.of("symbol", SYMBOL,
                "interval", "1h", "from", FROM.toString(), "to", TO.toString(), "limit", 997)));
    }

    @Test
    void noAnswerExceedsTheSizeLimitAndALimitOverTheCapIsCappedAndMarked() throws Exception {
        CallToolResult r = client.call("get_historical_bars", Map.of("symbol", SYMBOL, "from", FROM.toString(),
                "to", TO.toString(), "limit", 100_000));
        Map<String, Object> doc = structured(r);
        int returned = ((Number) doc.get("returned_rows")).intValue();
        assertTrue(returned > 0 && returned < BarTools.MAX_LIMIT, "cut by the character budget: " + returned);
        assertEquals(Boolean.TRUE, doc.get("truncated"));
        assertNotNull(doc.get("next_cursor"));
        assertTrue(McpTestSupport.size(r) <= ToolRunner.MAX_ANSWER_CHARS, "answer of " + McpTestSupport.size(r));

        CallToolResult daily = client.call("get_historical_bars", Map.of("symbol", SYMBOL, "interval", "1d",
                "from", FROM.toString(), "to", TO.toString(), "limit", 10));
        Map<String, Object> d = structured(daily);
        assertEquals(10, ((Number) d.get("returned_rows")).intValue());
        assertEquals(Boolean.FALSE, d.get("truncated"), "limit reached, not truncated");
        assertEquals("splits", d.get("adjustment"), "reads default to split-adjusted prices");
        assertEquals(Boolean.TRUE, d.get("simulated"));
        assertEquals("demo", d.get("source"));
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) d.get("coverage");
        assertEquals(((Number) coverage.get("sessions")).intValue(), ((Number) coverage.get("sessions_complete"))
                .intValue() + ((Number) coverage.get("sessions_partial")).intValue()
                + ((Number) coverage.get("sessions_missing")).intValue()
                + ((Number) coverage.get("sessions_vendor_empty")).intValue(), "every session counted once");
        assertTrue(text(daily, 0).contains("SIMULATED"), text(daily, 0));

        CallToolResult calendar = client.call("get_calendar", Map.of("from", "2013-01-01", "to", "2024-12-31"));
        assertEquals(Boolean.TRUE, structured(calendar).get("truncated"));
        assertTrue(McpTestSupport.size(calendar) <= ToolRunner.MAX_ANSWER_CHARS);
    }

    @Test
    void splitAdjustmentIsAcceptedAndTheAnswerSaysWhatWasApplied() {
        CallToolResult r = client.call("get_historical_bars", Map.of("symbol", SYMBOL, "interval", "1d",
                "lookback_days", 10, "to", TO.toString(), "adjust", "splits", "fetch", false));
        assertFalse(Boolean.TRUE.equals(r.isError()), () -> r.content().toString());
        assertEquals("splits", structured(r).get("adjustment"), "the answer says what was applied");
        CallToolResult raw = client.call("get_historical_bars", Map.of("symbol", SYMBOL, "interval", "1d",
                "lookback_days", 10, "to", TO.toString(), "adjust", "none", "fetch", false));
        assertEquals("none", structured(raw).get("adjustment"));
    }

    @Test
    void anEmptyAnswerSaysWhy() {
        LocalDate saturday = TO.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        CallToolResult weekend = client.call("get_historical_bars", Map.of("symbol", SYMBOL,
                "from", saturday.toString(), "to", saturday.plusDays(1).toString()));
        assertTrue(structured(weekend).get("empty_reason").toString().startsWith("market closed"),
                structured(weekend).toString());

        CallToolResult uncached = client.call("get_historical_bars", Map.of("symbol", "MSFT", "lookback_days", 10,
                "to", TO.toString(), "fetch", false));
        assertTrue(structured(uncached).get("empty_reason").toString().startsWith("nothing cached for MSFT"),
                structured(uncached).toString());
        assertEquals(0, ((Number) structured(uncached).get("total_rows")).intValue());
        assertNull(structured(uncached).get("next_cursor"));
    }

    @Test
    void badArgumentsAreOneLineToolErrorsAndTheServerKeepsServing() {
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", "not a ticker")))
                .startsWith("bad symbol"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "interval", "7m")))
                .contains("multiple of 5 minutes"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "from", "1900-01-01")))
                .startsWith("dates out of range"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "from", "2024-02-30")))
                .startsWith("bad from"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "from", "2024-03-01",
                "to", "2024-02-01"))).contains("before"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "limit", "many")))
                .startsWith("bad limit"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("symbol", SYMBOL, "adjust", "dividends")))
                .startsWith("bad adjust"));
        assertTrue(toolError(client.call("get_historical_bars", Map.of("cursor", "not-a-cursor")))
                .startsWith("bad cursor"));
        assertTrue(toolError(client.call("get_gaps", Map.of("symbol", SYMBOL, "sym", "x")))
                .startsWith("unknown argument 'sym'"));
        assertTrue(toolError(client.call("get_latest_price", Map.of())).startsWith("missing argument 'symbol'"));

        CallToolResult ok = client.call("get_gaps", Map.of("symbol", SYMBOL, "from", FROM.toString(),
                "to", TO.toString()));
        assertFalse(Boolean.TRUE.equals(ok.isError()), () -> ok.content().toString());
        McpTestSupport.Result cli = McpTestSupport.cli("gaps", SYMBOL, "--from", FROM.toString(), "--to",
                TO.toString(), "--json", "--db", db.toString(), "--source", "demo");
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) structured(ok).get("coverage");
        assertTrue(cli.out().contains("\"missing_bars\" : " + coverage.get("missing_bars") + ","),
                "the same missing bars as the gaps command: " + coverage + "\n" + cli.out());
    }
}
