package io.barkeep.mcp;

import static io.barkeep.mcp.McpTestSupport.FROM;
import static io.barkeep.mcp.McpTestSupport.SYMBOL;
import static io.barkeep.mcp.McpTestSupport.TO;
import static io.barkeep.mcp.McpTestSupport.toolError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code barkeep mcp --http --port 0 --token-file F} as a child process: the SDK's Streamable HTTP client with the
 * token, and plain HTTP requests without it or from a foreign origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300) // a guard against a hung child only; no assertion depends on time
class McpHttpTest {
    private static final Pattern URL = Pattern.compile("barkeep MCP server on (http://127\\.0\\.0\\.1:\\d+/mcp)");
    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private Process child;
    private String url;
    private Path db;
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());
    private McpTestSupport.Client client;

    @BeforeAll
    void start() throws Exception {
        db = McpTestSupport.threeYears();
        Path dir = McpTestSupport.folder("http");
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        ProcessBuilder pb = new ProcessBuilder(McpTestSupport.command("--http", "--port", "0", "--token-file",
                tokenFile.toString(), "--db", db.toString(), "--source", "demo"));
        pb.environment().put("BARKEEP_HOME", dir.toString());
        child = pb.start();
        child.getOutputStream().close();
        CompletableFuture<String> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    stderr.add(line);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new AssertionError("the server ended: " + stderr));
        }, "mcp-http-stderr");
        reader.setDaemon(true);
        reader.start();
        url = found.get(120, TimeUnit.SECONDS);
        URI uri = URI.create(url);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://" + uri.getAuthority())
                .endpoint(uri.getPath())
                .httpRequestCustomizer((builder, method, endpoint, body, context) ->
                        builder.header("Authorization", "Bearer " + TOKEN))
                .build();
        client = McpTestSupport.Client.open(transport, null, stderr);
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (child != null) {
            child.destroy();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> post(String origin, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsTheReadToolsOverStreamableHttp() {
        List<String> names = client.toolNames();
        assertTrue(names.contains("get_historical_bars") && names.contains("get_multi_timeframe_data"), names::toString);
        assertFalse(names.contains("backfill"), "no write tool without --allow-writes");
    }

    @Test
    void pagingOverHttpGivesExactlyWhatBarsCsvPrints() {
        assertEquals(McpTestSupport.barsCsv(db, "5m"), McpTestSupport.pagingCsv(client, Map.of("symbol", SYMBOL,
                "from", FROM.toString(), "to", TO.toString())));
    }

    @Test
    void aRequestWithoutTheTokenIsRefused() throws Exception {
        assertEquals(401, post(null, null).statusCode());
        assertEquals(401, post(null, "Bearer wrong").statusCode());
        assertEquals(200, post(null, "Bearer " + TOKEN).statusCode(), "the same request with the token");
    }

    @Test
    void aRequestFromAForeignOriginIsRefused() throws Exception {
        assertEquals(403, post("http://evil.example", "Bearer " + TOKEN).statusCode());
        assertEquals(200, post("http://localhost:3000", "Bearer " + TOKEN).statusCode(), "a local origin is served");
    }

    @Test
    void badArgumentsAreToolErrorsAndTheServerServesOn() {
        assertTrue(toolError(client.call("get_multi_timeframe_data", Map.of("symbol", SYMBOL,
                "intervals", List.of("5m", "13m")))).contains("multiple of 5 minutes"));
        assertFalse(Boolean.TRUE.equals(client.call("get_calendar", Map.of("from", "2024-12-23", "to", "2024-12-27"))
                .isError()));
    }
}
