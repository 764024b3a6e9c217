package io.barkeep.source.thetadata;

import io.barkeep.domain.Symbols;
import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SymbolCheck;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.VendorErrorCode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
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
    /** Why this source adds a ticker unchecked. */
    static final String CANNOT_CHECK = "ThetaData's symbol list is read through its v3 terminal only,"
            + " not the MCP server;"
            + " the first backfill will tell whether ThetaData has it";
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

    private final String root;
    private final Semaphore inFlight;
    private final ThetaMcpSessions sessions;
    private final ThetaMcpAnswers answers;
    private final RequestStats stats;
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
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.inFlight = new Semaphore(maxInFlight, true);
        this.sessions = new ThetaMcpSessions(this.root, requestTimeout);
        this.answers = new ThetaMcpAnswers(this.root, requestTimeout);
        this.stats = new RequestStats(maxInFlight, Clock.systemUTC());
    }

    @Override
    public RequestStats requestStats() {
        return stats;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkReady() throws SourceException {
        try {
            sessions.checkReady();
            stats.checked(true, "");
        } catch (SourceException e) {
            stats.checked(false, VendorErrorCode.of(e));
            throw e;
        }
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        return fetch(symbol, from, to, Cancellation.none());
    }

    /**
     * Barkeep reads ThetaData's symbol list from the v3 REST surface only: through the MCP server it cannot check a
     * ticker before it is added, and says so in one line (as the v3 source does when its list cannot be had)
     * rather than letting it through in silence. The first backfill tells whether ThetaData has it.
     */
    @Override
    public SymbolCheck checkSymbol(String symbol) {
        return SymbolCheck.unavailable(CANNOT_CHECK);
    }

    /** The bars from..to, one day per tool call; a cancel aborts the call in flight (its session is closed). */
    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to, Cancellation cancel)
            throws SourceException {
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
            anyData |= fetchDay(ticker, day, rows, cancel);
        }
        if (!anyData && rows.size() == 0) {
            return SourceAnswer.empty();
        }
        return rows.answer();
    }

    @Override
    public void close() {
        sessions.close();
    }

    /**
     * Asks for one day; false when the terminal has no data for it. Each call in flight has a session of its own
     * (at most {@code maxInFlight} sessions): no server has to answer two calls at once on one event stream.
     */
    private boolean fetchDay(String ticker, LocalDate day, ThetaRows rows, Cancellation cancel)
            throws SourceException {
        acquire(cancel);
        long started = stats.begin();
        try {
            boolean data = callDay(ticker, day, rows, cancel);
            stats.succeeded(started);
            return data;
        } catch (SourceException e) {
            if (e.kind() == Kind.CANCELLED) {
                stats.abandoned(started);
            } else if (e.kind() == Kind.UNAVAILABLE || e.kind() == Kind.RETRYABLE && e.status() < 0) {
                // no answer came: the server is not there, or the transport failed or timed out
                stats.failed(started, VendorErrorCode.of(e));
            } else {
                stats.refused(started, VendorErrorCode.of(e));
            }
            throw e;
        } finally {
            inFlight.release();
            if (cancel.isCancelled()) {
                // the registration is closed: clear the interrupt the cancel may have sent this thread
                Thread.interrupted();
            }
        }
    }

    /** One tool call and its reading, holding a slot; false when the terminal has no data for the day. */
    private boolean callDay(String ticker, LocalDate day, ThetaRows rows, Cancellation cancel)
            throws SourceException {
        String request = ticker + " " + day;
        McpSchema.CallToolResult result;
        McpSyncClient session = sessions.borrow();
        // The SDK's blocking call gives up when its thread is interrupted: that is how a cancel reaches it.
        Thread caller = Thread.currentThread();
        try (Cancellation.Registration abort = cancel.onCancel(caller::interrupt)) {
            ThetaMcpTool call = tool(session);
            result = session.callTool(new McpSchema.CallToolRequest(call.name(), call.arguments(ticker, day)));
        } catch (McpError e) {
            // the server answered, with an error: the session itself is sound
            sessions.giveBack(session);
            if (ThetaMcpAnswers.isNoData(e)) {
                return false;
            }
            throw ThetaMcpAnswers.fromJsonRpcError(e, request);
        } catch (SourceException e) {
            sessions.giveBack(session);
            throw e;
        } catch (RuntimeException e) {
            // the transport failed, or the call was cut off by a cancel: this session is done for
            sessions.discard(session);
            if (cancel.isCancelled()) {
                throw new SourceException(Kind.CANCELLED, -1, "cancelled while asking for " + request, e);
            }
            throw answers.fromTransportFailure(e, request);
        }
        sessions.giveBack(session);
        return answers.read(result, request, rows);
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

    private void acquire(Cancellation cancel) throws SourceException {
        try {
            while (!inFlight.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (cancel.isCancelled()) {
                    throw new SourceException(Kind.CANCELLED, -1, "cancelled while waiting to ask the Theta Terminal");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.RETRYABLE, -1, "interrupted while waiting to ask the Theta Terminal", e);
        }
    }
}
