package io.barkeep.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.barkeep.source.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One tool call in progress: where its progress goes and whether the client cancelled it. */
final class Call {
    private static final Logger LOG = LoggerFactory.getLogger(Call.class);

    private final McpSyncServerExchange exchange;
    private final Object progressToken;
    private final Cancellation cancelled;

    Call(McpSyncServerExchange exchange, Object progressToken, Cancellation cancelled) {
        this.exchange = exchange;
        this.progressToken = progressToken;
        this.cancelled = cancelled;
    }

    /** Set when the client sends {@code notifications/cancelled} for this call. */
    Cancellation cancelled() {
        return cancelled;
    }

    /** Sends a progress notification when the client asked for them (gave a progress token). */
    void progress(double done, double total, String message) {
        if (progressToken == null || exchange == null) {
            return;
        }
        try {
            exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, done, total, message));
        } catch (RuntimeException e) {
            // a client gone away must not stop the work it asked for; the answer reports the outcome
            LOG.debug("progress notification not sent", e);
        }
    }
}
