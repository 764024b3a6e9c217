package io.barkeep.source.thetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.Symbols;
import io.barkeep.source.BarSource;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 5-minute bars through the Theta Terminal's MCP server (v3, beta), over the older MCP "HTTP+SSE" transport at
 * {@code <root>/mcp/sse} (default root {@code http://127.0.0.1:25503}), with the official MCP Java SDK.
 * It discovers the historical OHLC tool with {@code tools/list} (preferring {@code stock_history_ohlc}), names the
 * arguments after the tool's input schema, and asks one day per call because large answers have been seen cut.
 * A result's {@code content[0].text} is read as JSON rows, JSON columns or CSV. Never more than
 * {@code maxInFlight} tool calls in flight, each on an MCP session of its own: sessions open on first use, are kept
 * for the next calls until {@link #close()}, and a session whose transport failed is closed (the next call opens a
 * new one).
 */
public final class ThetaMcpSource implements BarSource {
    /** The name on the command line and in settings. */
    public static final String NAME = "thetadata-mcp";
    /** Where the v3 terminal listens by default; always 127.0.0.1, never localhost (the terminal answers 476). */
    public static final URI DEFAULT_ROOT = URI.create("http://127.0.0.1:25503");
    /** The SSE endpoint below the root. */
    public static final String SSE_ENDPOINT = "/mcp/sse";
    /** Tool calls in flight of a VALUE account. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    /** How long one MCP request (initialize, tools/list, one day's tools/call) may take. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The tool the terminal very likely names after the REST operation id. */
    public static final String PREFERRED_TOOL = "stock_history_ohlc";

    private static final Logger LOG = LoggerFactory.getLogger(ThetaMcpSource.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String root;
    private final Duration requestTimeout;
    private final Semaphore inFlight;
    private final HttpClient probeClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Object lock = new Object();
    // open sessions no call uses now; guarded by lock
    private final Deque<McpSyncClient> idle = new ArrayDeque<>();
    // guarded by lock
    private boolean closed;
    // discovered once, with whichever session comes first
    private volatile ThetaMcpTool tool;

    /** A source for the terminal at {@link #DEFAULT_ROOT} with {@link #DEFAULT_MAX_IN_FLIGHT}. */
    public ThetaMcpSource() {
        this(DEFAULT_ROOT, DEFAULT_MAX_IN_FLIGHT);
    }

    public ThetaMcpSource(URI root, int maxInFlight) {
        this(root, maxInFlight, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * @param root           the terminal's base URL, e.g. {@code http://127.0.0.1:25503}; the SSE stream is
     *                       {@code root + /mcp/sse}
     * @param maxInFlight    tool calls in flight at most (FREE 1, VALUE 2, STANDARD 4, PRO 8)
     * @param requestTimeout how long one MCP request may take before it counts as failed (retryable)
     */
    public ThetaMcpSource(URI root, int maxInFlight, Duration requestTimeout) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        String text = Objects.requireNonNull(root, "root").toString();
        this.root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.inFlight = new Semaphore(maxInFlight, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkReady() throws SourceException {
        McpSyncClient session = borrow();
        try {
            session.ping();
        } catch (RuntimeException e) {
            closeQuietly(session);
            LOG.info("an MCP session with {} no longer answers ({}); opening a new one", root, e.toString());
            session = open();
        }
        giveBack(session);
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        String ticker;
        try {
            ticker = Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Kind.REQUEST_FAILED, -1, e.getMessage(), e);
        }
        ThetaRows rows = new ThetaRows();
        boolean anyData = false;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            // US stocks never trade on weekends: a call would only answer NO_DATA
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            anyData |= fetchDay(ticker, day, rows);
        }
        if (!anyData && rows.size() == 0) {
            return SourceAnswer.empty();
        }
        return rows.answer();
    }

    @Override
    public void close() {
        List<McpSyncClient> open;
        synchronized (lock) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(ThetaMcpSource::closeQuietly);
    }

    /**
     * Asks for one day; false when the terminal has no data for it. Each call in flight has a session of its own
     * (at most {@code maxInFlight} sessions): no server has to answer two calls at once on one event stream.
     */
    private boolean fetchDay(String ticker, LocalDate day, ThetaRows rows) throws SourceException {
        String request = ticker + " " + day;
        McpSchema.CallToolResult result;
        acquire();
        try {
            McpSyncClient session = borrow();
            try {
                ThetaMcpTool call = tool(session);
                result = session.callTool(new McpSchema.CallToolRequest(call.name(), call.arguments(ticker, day)));
            } catch (McpError e) {
                giveBack(session);
                if (ThetaStatus.inText(rpcMessage(e)).filter(ThetaStatus::isNoData).isPresent()) {
                    return false;
                }
                throw fromJsonRpcError(e, request);
            } catch (SourceException e) {
                giveBack(session);
                throw e;
            } catch (RuntimeException e) {
                // the transport failed: this session is done for
                closeQuietly(session);
                throw fromTransportFailure(e, request);
            }
            giveBack(session);
        } finally {
            inFlight.release();
        }
        String text = text(result);
        if (Boolean.TRUE.equals(result.isError())) {
            return errorAnswer(text, request);
        }
        return read(text, request, rows);
    }

    /** The rows of one day's answer into {@code rows}; false when the text says there is no data. */
    private boolean read(String text, String request, ThetaRows rows) throws SourceException {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return false;
        }
        if (body.startsWith("{") || body.startsWith("[")) {
            JsonNode root;
            try {
                root = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal's MCP answer for " + request
                        + " is not whole JSON (cut off?): " + e.getOriginalMessage(), e);
            }
            JsonNode errorType = root.path("header").path("error_type");
            if (errorType.isTextual() && !errorType.asText().isBlank()
                    && !errorType.asText().equalsIgnoreCase("null")) {
                return errorAnswer(errorType.asText() + " " + root.path("header").path("error_msg").asText(""),
                        request);
            }
            ThetaBarParser.readJson(root, rows);
            return true;
        }
        if (!ThetaBarParser.isCsv(body)) {
            // neither JSON nor CSV: a message in place of data, possibly "no data"
            return errorAnswer(body, request);
        }
        ThetaBarParser.readCsv(body, rows);
        return true;
    }

    /** An error text: false for NO_DATA, otherwise the exception it stands for. */
    private static boolean errorAnswer(String text, String request) throws SourceException {
        String message = text == null || text.isBlank() ? "(no text)" : text;
        Optional<Integer> status = ThetaStatus.inText(message);
        if (status.isPresent() && ThetaStatus.isNoData(status.get())) {
            return false;
        }
        if (status.isPresent()) {
            throw statusError(status.get(), message, request);
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no data")) {
            return false;
        }
        if (lower.contains("timeout") || lower.contains("timed out") || lower.contains("disconnected")
                || lower.contains("try again")) {
            throw new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal's MCP server failed " + request
                    + ": " + ThetaStatus.oneLine(message));
        }
        throw new SourceException(Kind.REQUEST_FAILED, -1, "the Theta Terminal's MCP server refused " + request
                + ": " + ThetaStatus.oneLine(message));
    }

    /** {@code content[0].text}; the structured content as JSON text when there is no text content. */
    private String text(McpSchema.CallToolResult result) {
        List<McpSchema.Content> content = result.content() == null ? List.of() : result.content();
        for (McpSchema.Content item : content) {
            if (item instanceof McpSchema.TextContent textContent) {
                return textContent.text();
            }
        }
        if (result.structuredContent() != null) {
            return json.valueToTree(result.structuredContent()).toString();
        }
        return "";
    }

    private static String rpcMessage(McpError e) {
        return e.getJsonRpcError() != null && e.getJsonRpcError().message() != null
                ? e.getJsonRpcError().message() : String.valueOf(e.getMessage());
    }

    private static SourceException fromJsonRpcError(McpError e, String request) {
        String message = rpcMessage(e);
        Optional<Integer> status = ThetaStatus.inText(message);
        if (status.isPresent()) {
            return statusError(status.get(), message, request);
        }
        return new SourceException(Kind.REQUEST_FAILED, -1, "the Theta Terminal's MCP server refused the call for "
                + request + ": " + ThetaStatus.oneLine(message), e);
    }

    /** The exception for an error text naming a status; it always names the day asked, one call of a range. */
    private static SourceException statusError(int status, String text, String request) {
        SourceException e = ThetaStatus.toException(status, text, request + " (MCP)");
        return ThetaStatus.namesRequest(status) ? e
                : new SourceException(e.kind(), status, e.getMessage() + " (" + request + ", MCP)");
    }

    private SourceException fromTransportFailure(RuntimeException e, String request) {
        if (causedBy(e, ConnectException.class)) {
            return unavailable(e);
        }
        String what = causedBy(e, TimeoutException.class) || causedBy(e, HttpTimeoutException.class)
                ? "did not answer within " + requestTimeout.toSeconds() + " s" : "failed: " + rootMessage(e);
        return new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal's MCP server at " + root + " " + what
                + " for " + request, e);
    }

    private SourceException unavailable(Throwable e) {
        return new SourceException(Kind.UNAVAILABLE, -1, "no Theta Terminal MCP server answers at " + root
                + SSE_ENDPOINT + ": start the Theta Terminal v3 (" + rootMessage(e) + ")", e);
    }

    /** An idle session, or a new one. */
    private McpSyncClient borrow() throws SourceException {
        synchronized (lock) {
            if (closed) {
                throw new SourceException(Kind.UNAVAILABLE, -1, "the " + NAME + " source is closed");
            }
            McpSyncClient session = idle.pollFirst();
            if (session != null) {
                return session;
            }
        }
        return open();
    }

    private void giveBack(McpSyncClient session) {
        synchronized (lock) {
            if (!closed) {
                idle.addFirst(session);
                return;
            }
        }
        closeQuietly(session);
    }

    /** A new, initialized session. */
    private McpSyncClient open() throws SourceException {
        probe();
        HttpClientSseClientTransport transport = HttpClientSseClientTransport.builder(root)
                .sseEndpoint(SSE_ENDPOINT)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        McpSyncClient opened = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("barkeep", "1"))
                .requestTimeout(requestTimeout)
                .initializationTimeout(requestTimeout)
                .build();
        try {
            McpSchema.InitializeResult init = opened.initialize();
            LOG.debug("MCP session with {} open: server {} {}, protocol {}", root,
                    init.serverInfo() == null ? "?" : init.serverInfo().name(),
                    init.serverInfo() == null ? "" : init.serverInfo().version(), init.protocolVersion());
        } catch (RuntimeException e) {
            closeQuietly(opened);
            throw unavailable(e);
        }
        return opened;
    }

    /**
     * Checks something answers the SSE endpoint as an MCP server would, before the SDK tries: its client does not
     * fail a connection that was refused or answered with an error status, it waits for the whole initialization
     * timeout instead (MCP Java SDK 2.1.0). The probe's own SSE stream is closed as soon as its status is read.
     */
    private void probe() throws SourceException {
        URI sse = URI.create(root + SSE_ENDPOINT);
        HttpRequest request = HttpRequest.newBuilder(sse).timeout(requestTimeout)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = probeClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.UNAVAILABLE, -1, "interrupted while connecting to the Theta Terminal", e);
        }
        try (InputStream body = response.body()) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                throw new SourceException(Kind.UNAVAILABLE, response.statusCode(), "the server at " + sse
                        + " answered " + response.statusCode() + (type.isEmpty() ? "" : " (" + type + ")")
                        + ", not an MCP event stream: is it a Theta Terminal v3 with its MCP server on?");
            }
        } catch (IOException e) {
            LOG.debug("closing the probe's event stream failed", e);
        }
    }

    /** The historical OHLC tool, discovered through {@code session} the first time. */
    private ThetaMcpTool tool(McpSyncClient session) throws SourceException {
        ThetaMcpTool known = tool;
        if (known != null) {
            return known;
        }
        List<McpSchema.Tool> tools = new ArrayList<>();
        try {
            McpSchema.ListToolsResult page = session.listTools();
            tools.addAll(page.tools());
            // a cursor that repeats would loop forever: at most 100 pages
            for (int i = 0; i < 100 && page.nextCursor() != null && !page.nextCursor().isBlank(); i++) {
                page = session.listTools(page.nextCursor());
                tools.addAll(page.tools());
            }
        } catch (McpError e) {
            throw new SourceException(Kind.FATAL, -1, "the Theta Terminal's MCP server at " + root
                    + " refused to list its tools: " + ThetaStatus.oneLine(String.valueOf(e.getMessage())), e);
        }
        known = ThetaMcpTool.discover(tools);
        LOG.info("MCP tool for historical bars at {}: {}", root, known);
        tool = known;
        return known;
    }

    private void acquire() throws SourceException {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.RETRYABLE, -1, "interrupted while waiting to ask the Theta Terminal", e);
        }
    }

    private static void closeQuietly(McpSyncClient session) {
        try {
            session.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP session failed", e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + ThetaStatus.oneLine(t.getMessage());
    }
}
