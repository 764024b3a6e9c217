package io.barkeep.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.cli.BarkeepCli;
import io.barkeep.domain.Session;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Real parts for the MCP tests: a demo database holding three years of 5-minute bars of one symbol (filled once
 * per test run by the {@code backfill} command), child {@code barkeep mcp} processes, and the SDK's own client.
 */
final class McpTestSupport {
    static final String SYMBOL = "AAPL";
    /** Three years up to a week ago: settled sessions, the same whatever the day the tests run. */
    static final LocalDate TO = LocalDate.now(Session.NEW_YORK).minusDays(7);
    static final LocalDate FROM = TO.minusYears(3);
    private static Path threeYears;

    private McpTestSupport() {
    }

    /** A folder under target/ for this run's files. */
    static Path folder(String name) throws IOException {
        Path dir = Path.of("target", "mcp-tests", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }

    /** The demo database with three years of {@link #SYMBOL}, backfilled once per run. */
    static synchronized Path threeYears() throws IOException {
        if (threeYears == null) {
            Path db = folder("three-years").resolve("demo.db");
            Files.deleteIfExists(db);
            Result r = cli("backfill", SYMBOL, "--from", FROM.toString(), "--to", TO.toString(), "--db", db.toString(),
                    "--source", "demo");
            assertEquals(0, r.code(), r.err());
            threeYears = db;
        }
        return threeYears;
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BarkeepCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** What {@code bars --format csv} prints for the range, from the cache only. */
    static String barsCsv(Path db, String interval) {
        Result r = cli("bars", SYMBOL, "--interval", interval, "--from", FROM.toString(), "--to", TO.toString(),
                "--format", "csv", "--no-fetch", "--db", db.toString(), "--source", "demo");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    /** The command line of a child {@code barkeep mcp}: this JVM's java and class path, the given arguments. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.barkeep.Main", "mcp"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A client of a child {@code barkeep mcp} over stdio; its stderr lines go to {@code stderr}. */
    static Client stdio(Path home, Consumer<McpSchema.ProgressNotification> progress, String... args) {
        List<String> cmd = command(args);
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size()))
                .addEnvVar("BARKEEP_HOME", home.toString()).build();
        StdioClientTransport stdio = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        List<String> stderr = Collections.synchronizedList(new ArrayList<>());
        stdio.setStdErrorHandler(stderr::add);
        return Client.open(stdio, progress, stderr);
    }

    /** An initialized SDK client over {@code transport}, which records the ids of the tool calls it sends. */
    record Client(McpSyncClient mcp, Recording transport, List<String> stderr) implements AutoCloseable {
        static Client open(McpClientTransport inner, Consumer<McpSchema.ProgressNotification> progress,
                           List<String> stderr) {
            Recording recording = new Recording(inner);
            McpSyncClient client = McpClient.sync(recording)
                    .clientInfo(new McpSchema.Implementation("barkeep-test", "1"))
                    .requestTimeout(Duration.ofSeconds(120))
                    .initializationTimeout(Duration.ofSeconds(60))
                    .progressConsumer(progress == null ? p -> { } : progress)
                    .build();
            client.initialize();
            return new Client(client, recording, stderr);
        }

        CallToolResult call(String tool, Map<String, Object> args) {
            return mcp.callTool(new McpSchema.CallToolRequest(tool, args));
        }

        List<String> toolNames() {
            return mcp.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
        }

        @Override
        public void close() {
            mcp.closeGracefully();
        }
    }

    /** The client's transport, recording the ids of {@code tools/call} requests so a test can cancel one. */
    static final class Recording implements McpClientTransport {
        private final McpClientTransport inner;
        final List<Object> callIds = Collections.synchronizedList(new ArrayList<>());

        Recording(McpClientTransport inner) {
            this.inner = inner;
        }

        @Override
        public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
            return inner.connect(handler);
        }

        @Override
        public void setExceptionHandler(Consumer<Throwable> handler) {
            inner.setExceptionHandler(handler);
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCRequest r && r.method().equals(McpSchema.METHOD_TOOLS_CALL)) {
                callIds.add(r.id());
            }
            return inner.sendMessage(message);
        }

        /** Sends {@code notifications/cancelled} for the request {@code id}, as the MCP specification words it. */
        void cancel(Object id) {
            inner.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "notifications/cancelled",
                    Map.of("requestId", id, "reason", "the test cancels it"))).block(Duration.ofSeconds(10));
        }

        @Override
        public Mono<Void> closeGracefully() {
            return inner.closeGracefully();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return inner.unmarshalFrom(data, typeRef);
        }

        @Override
        public List<String> protocolVersions() {
            return inner.protocolVersions();
        }
    }

    static String text(CallToolResult r, int block) {
        return ((McpSchema.TextContent) r.content().get(block)).text();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    /** The answer's size as sent: the JSON of the whole result. */
    static int size(CallToolResult r) throws IOException {
        return McpJsonDefaults.getMapper().writeValueAsString(r).length();
    }

    /** Asserts a tool error of one line; returns it. */
    static String toolError(CallToolResult r) {
        assertTrue(Boolean.TRUE.equals(r.isError()), () -> "a tool error: " + r);
        assertEquals(1, r.content().size(), () -> "one block: " + r);
        String line = text(r, 0);
        assertFalse(line.contains("\n") || line.contains("\tat ") || line.contains("Exception"),
                () -> "one plain line: " + line);
        return line;
    }

    /**
     * Pages through {@code first} with next_cursor until the last page, checking each page's counts, and returns
     * the CSV of every page joined under one header.
     */
    static String pagingCsv(Client client, Map<String, Object> first) {
        StringBuilder csv = new StringBuilder();
        Map<String, Object> args = new LinkedHashMap<>(first);
        int seen = 0;
        for (int page = 0; ; page++) {
            CallToolResult r = client.call("get_historical_bars", args);
            assertFalse(Boolean.TRUE.equals(r.isError()), () -> "page answered: " + r.content());
            Map<String, Object> doc = structured(r);
            String text = text(r, 1);
            List<String> lines = text.lines().toList();
            if (page == 0) {
                csv.append(lines.get(0)).append('\n');
            }
            lines.subList(1, lines.size()).forEach(l -> csv.append(l).append('\n'));
            int returned = ((Number) doc.get("returned_rows")).intValue();
            assertEquals(lines.size() - 1, returned, "CSV rows = returned_rows");
            assertEquals(returned, ((List<?>) doc.get("bars")).size(), "structured rows = returned_rows");
            seen += returned;
            Object next = doc.get("next_cursor");
            if (next == null) {
                assertEquals(((Number) doc.get("total_rows")).intValue(), seen, "every row once");
                return csv.toString();
            }
            assertTrue(returned > 0, "a page with a cursor after it holds rows");
            args = new LinkedHashMap<>(Map.of("cursor", next));
            if (first.containsKey("limit")) {
                args.put("limit", first.get("limit"));
            }
        }
    }
}
