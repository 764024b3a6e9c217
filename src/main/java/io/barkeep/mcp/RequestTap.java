package io.barkeep.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at each JSON-RPC message on its way to the SDK: a {@code tools/call} request gets its own session and
 * request id in {@code params._meta} (the SDK does not hand the id to a tool), and a {@code notifications/cancelled}
 * sets that call's flag in {@link Cancellations}. Anything else, or anything it cannot read, passes unchanged.
 */
final class RequestTap {
    private static final Logger LOG = LoggerFactory.getLogger(RequestTap.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cancellations cancellations;

    RequestTap(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    /**
     * The message to pass on for {@code message} received in {@code session} (null for stdio's only session), or
     * null to drop it: the SDK's stdio transport stops reading at the first line that is not a JSON-RPC message, so
     * such a line is logged and dropped here instead.
     */
    String pass(String session, String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            node = null;
        }
        if (!(node instanceof ObjectNode msg) || !(msg.path("method").isTextual() || msg.has("id")
                && (msg.has("result") || msg.has("error")))) {
            LOG.warn("dropped an input line that is not a JSON-RPC message: {}",
                    message.length() > 200 ? message.substring(0, 200) + "..." : message);
            return null;
        }
        try {
            String method = msg.path("method").asText("");
            if (method.equals("notifications/cancelled")) {
                JsonNode id = msg.path("params").path("requestId");
                if (!id.isMissingNode() && !id.isNull()) {
                    LOG.info("client cancelled request {} ({})", id, msg.path("params").path("reason").asText(""));
                    cancellations.cancel(Cancellations.key(session, id.toString()));
                }
                return message;
            }
            if (method.equals("tools/call") && msg.hasNonNull("id") && msg.path("params") instanceof ObjectNode p) {
                JsonNode meta = p.path("_meta");
                ObjectNode m = meta instanceof ObjectNode o ? o : p.putObject("_meta");
                String key = Cancellations.key(session, msg.get("id").toString());
                m.put(Cancellations.META_KEY, key);
                cancellations.expect(key);
                return JSON.writeValueAsString(msg);
            }
            return message;
        } catch (IOException e) {
            return message;
        }
    }
}
