package io.barkeep.source.thetadata;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;

/**
 * A real MCP server over the older HTTP+SSE transport, built from the MCP Java SDK's own server classes
 * ({@link HttpServletSseServerTransportProvider} in an embedded Tomcat on 127.0.0.1), standing in for the Theta
 * Terminal's MCP server: {@code GET /mcp/sse}, then JSON-RPC posted to {@code /mcp/message}. It offers the tools it
 * is given: a historical OHLC tool answering one day of rows as JSON text (rows, columns or CSV), {@code isError}
 * results for days without data or with an injected error, and stand-ins for the snapshot tools. It records each
 * call's arguments and can hold calls at a gate to count how many a client makes at once.
 */
final class FakeMcpTerminal implements AutoCloseable {
    /** How a day's answer is written in {@code content[0].text}. */
    enum Shape {
        ROWS, COLUMNS, CSV
    }

    /** The rows of one bar as the terminal writes them. */
    record Row(LocalDate date, LocalTime time, String open, String high, String low, String close, long volume,
               long count, String vwap) {
    }

    private final Tomcat tomcat;
    private final Path baseDir;
    private final HttpServletSseServerTransportProvider transport;
    private final McpSyncServer server;
    private final Map<String, TreeMap<LocalDate, List<Row>>> data = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> errors = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> texts = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> rpcErrors = new ConcurrentHashMap<>();
    private final List<McpSchema.CallToolRequest> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile Shape shape = Shape.ROWS;

    private final Object flight = new Object();
    private boolean gateClosed;
    private int inFlight;
    private int maxInFlight;

    private FakeMcpTerminal(List<McpSchema.Tool> tools, String historyTool) throws IOException {
        baseDir = Files.createTempDirectory("fake-mcp-tomcat");
        transport = HttpServletSseServerTransportProvider.builder()
                .sseEndpoint("/mcp/sse")
                .messageEndpoint("/mcp/message")
                .build();
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            specs.add(SyncToolSpecification.builder()
                    .tool(tool)
                    .callHandler((exchange, request) -> tool.name().equals(historyTool) ? history(request)
                            : McpSchema.CallToolResult.builder().addTextContent("{\"response\":[]}").build())
                    .build());
        }
        server = McpServer.sync(transport)
                .serverInfo("fake-theta-terminal", "3.0-test")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(specs)
                .build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        // leak detection that needs --add-opens only warns, twice per server, in every test
        if (context instanceof StandardContext standard) {
            standard.setClearReferencesRmiTargets(false);
            standard.setClearReferencesThreadLocals(false);
        }
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", transport);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IOException("Tomcat did not start", e);
        }
    }

    /** A terminal whose OHLC tool is {@code stock_history_ohlc(symbol, date, interval, format)}, as documented. */
    static FakeMcpTerminal standard() throws IOException {
        return new FakeMcpTerminal(List.of(snapshotTool("stock_snapshot_quote"), snapshotTool("stock_snapshot_ohlc"),
                historyTool("stock_history_ohlc", Map.of(
                        "symbol", Map.of("type", "string", "description", "The stock symbol"),
                        "date", Map.of("type", "string", "description", "The date, YYYYMMDD"),
                        "interval", Map.of("type", "string", "enum", List.of("1m", "5m", "15m", "1h")),
                        "format", Map.of("type", "string", "enum", List.of("csv", "json", "ndjson"))),
                        List.of("symbol", "date"))), "stock_history_ohlc");
    }

    /** A terminal with an OHLC tool of another name that takes a range with integer dates and ivl in ms. */
    static FakeMcpTerminal withTool(String name) throws IOException {
        return new FakeMcpTerminal(List.of(snapshotTool("option_history_ohlc"), historyTool(name, Map.of(
                "root", Map.of("type", "string"),
                "start_date", Map.of("type", "integer", "description", "YYYYMMDD"),
                "end_date", Map.of("type", "integer", "description", "YYYYMMDD"),
                "ivl", Map.of("type", "integer", "description", "interval in milliseconds")),
                List.of("root", "start_date", "end_date", "ivl"))), name);
    }

    /** A terminal that offers only snapshot tools. */
    static FakeMcpTerminal withoutHistory() throws IOException {
        return new FakeMcpTerminal(List.of(snapshotTool("stock_snapshot_quote"), snapshotTool("stock_snapshot_ohlc"),
                snapshotTool("option_list_expirations")), null);
    }

    private static McpSchema.Tool snapshotTool(String name) {
        return McpSchema.Tool.builder().name(name).description("stand-in")
                .inputSchema(Map.of("type", "object", "properties", Map.of("symbol", Map.of("type", "string"))))
                .build();
    }

    private static McpSchema.Tool historyTool(String name, Map<String, Object> properties, List<String> required) {
        return McpSchema.Tool.builder().name(name).description("Historical OHLC bars of a stock")
                .inputSchema(Map.of("type", "object", "properties", properties, "required", required))
                .build();
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort());
    }

    FakeMcpTerminal shape(Shape answerShape) {
        shape = answerShape;
        return this;
    }

    FakeMcpTerminal row(String symbol, Row row) {
        data.computeIfAbsent(symbol, s -> new TreeMap<>()).computeIfAbsent(row.date(), d -> new ArrayList<>())
                .add(row);
        return this;
    }

    /** 78 traded rows 09:30..15:55 and the 16:00 row of the inclusive end time; bar i opens at 50 + i cents. */
    FakeMcpTerminal regularDay(String symbol, LocalDate date) {
        for (int i = 0; i < 78; i++) {
            String price = String.format("%d.%02d0", 50 + i / 100, i % 100);
            row(symbol, new Row(date, LocalTime.of(9, 30).plusMinutes(5L * i), price, price, price, price, 100 + i,
                    5 + i, "50.5"));
        }
        return row(symbol, new Row(date, LocalTime.of(16, 0), "0", "0", "0", "0", 0, 0, "50.5"));
    }

    /** Calls for {@code date} answer {@code isError: true} with {@code text}. */
    FakeMcpTerminal errorOn(LocalDate date, String text) {
        errors.put(date, text);
        return this;
    }

    /** Calls for {@code date} answer {@code text} as a successful result. */
    FakeMcpTerminal textOn(LocalDate date, String text) {
        texts.put(date, text);
        return this;
    }

    /** Calls for {@code date} fail as JSON-RPC errors (not results) with {@code message}. */
    /**
     * The SDK's servlet SSE transport on Tomcat sometimes breaks its own event stream (the client reads a cut chunk,
     * the server then drops the session) when a JSON-RPC error is written within a millisecond or so of its request
     * arriving: about 1 call in 100 here, and only on this instant-error path. The client is not at fault and the
     * real terminal never answers that fast, so the stand-in waits as a server would; with 20 ms, 800 runs of the
     * error-then-call case in a row were clean (against 2-7 broken streams in 400 without it).
     */
    private static void pauseBeforeAnError() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    FakeMcpTerminal rpcErrorOn(LocalDate date, String message) {
        rpcErrors.put(date, message);
        return this;
    }

    List<McpSchema.CallToolRequest> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    FakeMcpTerminal closeGate() {
        synchronized (flight) {
            gateClosed = true;
        }
        return this;
    }

    void openGate() {
        synchronized (flight) {
            gateClosed = false;
            flight.notifyAll();
        }
    }

    int inFlight() {
        synchronized (flight) {
            return inFlight;
        }
    }

    int maxInFlight() {
        synchronized (flight) {
            return maxInFlight;
        }
    }

    @Override
    public void close() {
        openGate();
        server.close();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("Tomcat did not stop", e);
        }
        try (Stream<Path> files = Files.walk(baseDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private McpSchema.CallToolResult history(McpSchema.CallToolRequest request) {
        calls.add(request);
        synchronized (flight) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            // a safety net against a hung build only; tests never rely on it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gateClosed && System.nanoTime() < deadline) {
                try {
                    flight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            inFlight--;
        }
        Map<String, Object> args = request.arguments();
        String symbol = String.valueOf(args.containsKey("symbol") ? args.get("symbol") : args.get("root"));
        LocalDate date = LocalDate.parse(String.valueOf(args.containsKey("date") ? args.get("date")
                : args.get("start_date")), DateTimeFormatter.BASIC_ISO_DATE);
        String error = errors.get(date);
        if (error != null) {
            return McpSchema.CallToolResult.builder().addTextContent(error).isError(true).build();
        }
        String rpcError = rpcErrors.get(date);
        if (rpcError != null) {
            pauseBeforeAnError();
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(rpcError).build();
        }
        String text = texts.get(date);
        if (text != null) {
            return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
        }
        List<Row> rows = data.getOrDefault(symbol, new TreeMap<>()).getOrDefault(date, List.of());
        if (rows.isEmpty()) {
            return McpSchema.CallToolResult.builder()
                    .addTextContent("Error 472 NO_DATA: No data for the specified timeframe & contract.")
                    .isError(true).build();
        }
        return McpSchema.CallToolResult.builder().addTextContent(text(rows)).isError(false).build();
    }

    private String text(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        switch (shape) {
            case ROWS -> {
                out.append("{\"response\":[");
                for (int i = 0; i < rows.size(); i++) {
                    Row r = rows.get(i);
                    out.append(i == 0 ? "" : ",").append("{\"timestamp\":\"").append(r.date()).append('T')
                            .append(r.time()).append(":00").append("\",\"open\":").append(r.open())
                            .append(",\"high\":").append(r.high()).append(",\"low\":").append(r.low())
                            .append(",\"close\":").append(r.close()).append(",\"volume\":").append(r.volume())
                            .append(",\"count\":").append(r.count()).append(",\"vwap\":").append(r.vwap())
                            .append('}');
                }
                out.append("]}");
            }
            case COLUMNS -> {
                out.append("{\"timestamp\":[");
                column(out, rows, r -> "\"" + r.date() + "T" + r.time() + ":00.000\"");
                out.append("],\"open\":[");
                column(out, rows, Row::open);
                out.append("],\"high\":[");
                column(out, rows, Row::high);
                out.append("],\"low\":[");
                column(out, rows, Row::low);
                out.append("],\"close\":[");
                column(out, rows, Row::close);
                out.append("],\"volume\":[");
                column(out, rows, r -> Long.toString(r.volume()));
                out.append("],\"count\":[");
                column(out, rows, r -> Long.toString(r.count()));
                out.append("],\"vwap\":[");
                column(out, rows, Row::vwap);
                out.append("]}");
            }
            case CSV -> {
                out.append("timestamp,open,high,low,close,volume,count,vwap\r\n");
                for (Row r : rows) {
                    out.append(r.date()).append('T').append(r.time()).append(":00.0,").append(r.open()).append(',')
                            .append(r.high()).append(',').append(r.low()).append(',').append(r.close()).append(',')
                            .append(r.volume()).append(',').append(r.count()).append(',').append(r.vwap())
                            .append("\r\n\r\n");
                }
            }
        }
        return out.toString();
    }

    private static void column(StringBuilder out, List<Row> rows, Function<Row, String> value) {
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "" : ",").append(value.apply(rows.get(i)));
        }
    }
}
