package io.barkeep.mcp;

import io.barkeep.sync.MarketData;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Barkeep as an MCP server (DESIGN point 13): the original design's "skill" functions as tools over the lazy cache,
 * read-only unless {@code allowWrites}; over stdio ({@link #serveStdio}) or Streamable HTTP ({@link HttpHost}).
 */
public final class BarkeepMcp {
    static final String NAME = "barkeep";
    static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(BarkeepMcp.class);
    private static final String INSTRUCTIONS = "Barkeep is a local cache of 5-minute OHLCV bars of US stocks "
            + "(NYSE regular sessions, New York time). Prefer lookback_days to computing dates. Bar answers are paged: "
            + "pass next_cursor back as cursor for more. Every answer says its source (SIMULATED for the demo feed), "
            + "the adjustment applied and how complete the cache is over the range.";

    /** After the client closes stdin, how long calls in progress may still finish before the engine closes. */
    private static final long STOP_WAIT_MILLIS = 10_000;

    private final Context context;
    private final boolean allowWrites;
    private final Cancellations cancellations = new Cancellations();

    /**
     * @param retainDays  the retention window of the settings, to explain empty answers older than it
     * @param allowWrites offer the watchlist and backfill tools
     */
    public BarkeepMcp(MarketData data, int retainDays, boolean allowWrites) {
        this.context = new Context(data, retainDays);
        this.allowWrites = allowWrites;
    }

    /** The tools this server offers. */
    List<Tool> tools() {
        List<Tool> tools = new ArrayList<>(new BarTools(context).tools());
        tools.addAll(new CacheTools(context).tools());
        if (allowWrites) {
            tools.addAll(new WriteTools(context).tools());
        }
        return tools;
    }

    RequestTap tap() {
        return new RequestTap(cancellations);
    }

    McpSyncServer build(McpServer.SyncSpecification<?> spec) {
        ToolRunner runner = new ToolRunner(cancellations);
        List<SyncToolSpecification> specs = tools().stream().map(runner::specification).toList();
        return spec.serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // Args checks the arguments with one clear line per mistake; the SDK's message is a schema dump
                .validateToolInputs(false)
                .tools(specs)
                .build();
    }

    /**
     * Serves MCP over {@code in}/{@code out} (newline-delimited JSON-RPC) until the client closes {@code in}.
     * Nothing but protocol may be written to {@code out}.
     */
    public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream tapped = new TappedInputStream(new BufferedInputStream(in), tap(), ended::countDown);
        McpSyncServer server = build(McpServer.sync(
                new StdioServerTransportProvider(McpJsonDefaults.getMapper(), tapped, out)));
        LOG.info("MCP server on stdio ({} tools{})", tools().size(), allowWrites ? ", writes allowed" : "");
        try {
            ended.await();
            cancellations.awaitIdle(STOP_WAIT_MILLIS);
        } finally {
            server.closeGracefully();
            LOG.info("MCP client closed stdin; server stopped");
        }
    }

    /** Starts the Streamable HTTP server on 127.0.0.1; {@code token} null serves without a bearer token. */
    public HttpHost serveHttp(int port, String token) throws Exception {
        return HttpHost.start(this, port, token);
    }

    boolean allowWrites() {
        return allowWrites;
    }
}
