package io.barkeep.source.thetadata;

import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP sessions of one {@link ThetaMcpSource}: a caller borrows one for each call in flight and gives it back
 * when done, so no server has to answer two calls at once on one event stream. Sessions open on first use and are
 * kept for the next calls until {@link #close()}; a session whose transport failed is {@linkplain #discard
 * discarded}, and the next borrow opens a new one. How many sessions exist is bounded by the caller, which borrows
 * at most once per call it lets in flight.
 */
final class ThetaMcpSessions {
    private static final Logger LOG = LoggerFactory.getLogger(ThetaMcpSessions.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String root;
    private final Duration requestTimeout;
    private final HttpClient probeClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final Object lock = new Object();
    // open sessions no call uses now; guarded by lock
    private final Deque<McpSyncClient> idle = new ArrayDeque<>();
    // guarded by lock
    private boolean closed;

    /**
     * @param root           the terminal's base URL without a trailing slash; the SSE stream is {@code root + /mcp/sse}
     * @param requestTimeout how long one MCP request (and the pre-flight GET) may take
     */
    ThetaMcpSessions(String root, Duration requestTimeout) {
        this.root = root;
        this.requestTimeout = requestTimeout;
    }

    /** An idle session, or a new one. */
    McpSyncClient borrow() throws SourceException {
        synchronized (lock) {
            if (closed) {
                throw new SourceException(Kind.UNAVAILABLE, -1, "the " + ThetaMcpSource.NAME + " source is closed");
            }
            McpSyncClient session = idle.pollFirst();
            if (session != null) {
                return session;
            }
        }
        return open();
    }

    /** Keeps {@code session} for the next call; closes it when the pool is closed already. */
    void giveBack(McpSyncClient session) {
        synchronized (lock) {
            if (!closed) {
                idle.addFirst(session);
                return;
            }
        }
        discard(session);
    }

    /** Closes a session that must not be used again (its transport failed), never throwing. */
    void discard(McpSyncClient session) {
        try {
            session.closeGracefully();
        } catch (RuntimeException e) {
            LOG.debug("closing the MCP session failed", e);
        }
    }

    /** Pings one session, replacing it with a new one when it no longer answers. */
    void checkReady() throws SourceException {
        McpSyncClient session = borrow();
        try {
            session.ping();
        } catch (RuntimeException e) {
            discard(session);
            LOG.info("an MCP session with {} no longer answers ({}); opening a new one", root, e.toString());
            session = open();
        }
        giveBack(session);
    }

    /** Closes the idle sessions; sessions borrowed now are closed when given back. */
    void close() {
        List<McpSyncClient> open;
        synchronized (lock) {
            closed = true;
            open = new ArrayList<>(idle);
            idle.clear();
        }
        open.forEach(this::discard);
    }

    /** A new, initialized session. */
    private McpSyncClient open() throws SourceException {
        probe();
        HttpClientSseClientTransport transport = HttpClientSseClientTransport.builder(root)
                .sseEndpoint(ThetaMcpSource.SSE_ENDPOINT)
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
            discard(opened);
            throw ThetaMcpAnswers.unavailable(root, e);
        }
        return opened;
    }

    /**
     * Checks something answers the SSE endpoint as an MCP server would, before the SDK tries: its client does not
     * fail a connection that was refused or answered with an error status, it waits for the whole initialization
     * timeout instead (MCP Java SDK 2.1.0). The probe's own SSE stream is closed as soon as its status is read.
     */
    private void probe() throws SourceException {
        URI sse = URI.create(root + ThetaMcpSource.SSE_ENDPOINT);
        HttpRequest request = HttpRequest.newBuilder(sse).timeout(requestTimeout)
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = probeClient.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw ThetaMcpAnswers.unavailable(root, e);
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
}
