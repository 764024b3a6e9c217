package io.barkeep.source.thetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What one day's MCP tool call came to, for {@link ThetaMcpSource}: the rows of a result read into {@link ThetaRows}
 * (its text as JSON rows, JSON columns or CSV), or "no data" for that day, or the {@link SourceException} that a
 * result flagged as an error, a JSON-RPC error or a failed transport stands for. Every message names the day asked,
 * since each call is one day of a longer range.
 */
final class ThetaMcpAnswers {
    private final String root;
    private final Duration requestTimeout;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param root           the terminal's base URL, for messages
     * @param requestTimeout how long one MCP request may take, for the message of one that did not answer in time
     */
    ThetaMcpAnswers(String root, Duration requestTimeout) {
        this.root = root;
        this.requestTimeout = requestTimeout;
    }

    /** The exception for no MCP server answering at {@code root}: the terminal is not running (or not v3). */
    static SourceException unavailable(String root, Throwable e) {
        return new SourceException(Kind.UNAVAILABLE, -1, "no Theta Terminal MCP server answers at " + root
                + ThetaMcpSource.SSE_ENDPOINT + ": start the Theta Terminal v3 (" + rootMessage(e) + ")", e);
    }

    /** The rows of one day's result into {@code rows}; false when the terminal has no data for the day. */
    boolean read(McpSchema.CallToolResult result, String request, ThetaRows rows) throws SourceException {
        String text = text(result);
        if (Boolean.TRUE.equals(result.isError())) {
            return errorAnswer(text, request);
        }
        return readText(text, request, rows);
    }

    /** Whether a JSON-RPC error only says the day has no data. */
    static boolean isNoData(McpError e) {
        return ThetaStatus.inText(rpcMessage(e)).filter(ThetaStatus::isNoData).isPresent();
    }

    /** The exception for a JSON-RPC error answering a call; the session that carried it is still sound. */
    static SourceException fromJsonRpcError(McpError e, String request) {
        String message = rpcMessage(e);
        Optional<Integer> status = ThetaStatus.inText(message);
        if (status.isPresent()) {
            return statusError(status.get(), message, request);
        }
        return new SourceException(Kind.REQUEST_FAILED, -1, "the Theta Terminal's MCP server refused the call for "
                + request + ": " + ThetaStatus.oneLine(message), e);
    }

    /** The exception for a call whose transport failed: unavailable when refused, otherwise worth a retry. */
    SourceException fromTransportFailure(RuntimeException e, String request) {
        if (causedBy(e, ConnectException.class)) {
            return unavailable(root, e);
        }
        String what = causedBy(e, TimeoutException.class) || causedBy(e, HttpTimeoutException.class)
                ? "did not answer within " + requestTimeout.toSeconds() + " s" : "failed: " + rootMessage(e);
        return new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal's MCP server at " + root + " " + what
                + " for " + request, e);
    }

    private boolean readText(String text, String request, ThetaRows rows) throws SourceException {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return false;
        }
        if (body.startsWith("{") || body.startsWith("[")) {
            JsonNode tree;
            try {
                tree = json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal's MCP answer for " + request
                        + " is not whole JSON (cut off?): " + e.getOriginalMessage(), e);
            }
            JsonNode errorType = tree.path("header").path("error_type");
            if (errorType.isTextual() && !errorType.asText().isBlank()
                    && !errorType.asText().equalsIgnoreCase("null")) {
                return errorAnswer(errorType.asText() + " " + tree.path("header").path("error_msg").asText(""),
                        request);
            }
            ThetaBarParser.readJson(tree, rows);
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

    /** The exception for an error text naming a status; it always names the day asked, one call of a range. */
    private static SourceException statusError(int status, String text, String request) {
        SourceException e = ThetaStatus.toException(status, text, request + " (MCP)");
        return ThetaStatus.namesRequest(status) ? e
                : new SourceException(e.kind(), status, e.getMessage() + " (" + request + ", MCP)");
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
