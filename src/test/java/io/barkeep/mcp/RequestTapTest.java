package io.barkeep.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The stdio input as the SDK's transport reads it: lines that are not JSON-RPC messages are dropped (the SDK stops
 * reading at the first one), a tool call learns its own request key, and a cancel reaches that call's flag.
 */
class RequestTapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dropsLinesThatAreNotJsonRpcTagsToolCallsAndRoutesTheirCancel() throws Exception {
        Cancellations cancellations = new Cancellations();
        AtomicInteger ends = new AtomicInteger();
        String input = String.join("\n",
                "garbage",
                "",
                "{\"not\":\"a message\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"c-7\",\"method\":\"tools/call\",\"params\":{\"name\":\"backfill\","
                        + "\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c-7\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}") + "\n";
        TappedInputStream in = new TappedInputStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new RequestTap(cancellations), ends::incrementAndGet);
        List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();

        assertEquals(3, lines.size(), lines.toString());
        JsonNode call = JSON.readTree(lines.get(0));
        String key = call.path("params").path("_meta").path(Cancellations.META_KEY).asText();
        assertEquals(Cancellations.key(null, "\"c-7\""), key);
        assertEquals("backfill", call.path("params").path("name").asText(), "the call itself unchanged");
        assertTrue(lines.get(1).contains("notifications/cancelled"), "the cancel still reaches the SDK");
        assertEquals("ping", JSON.readTree(lines.get(2)).path("method").asText());
        assertEquals(1, ends.get(), "the end of input is told once");

        io.barkeep.source.Cancellation flag = cancellations.flag(key);
        assertTrue(flag.isCancelled(), "the cancel that came before the call started reached its flag");
        cancellations.release(key);
        assertFalse(cancellations.flag(key).isCancelled(), "a new call with a reused id starts uncancelled");
    }
}
