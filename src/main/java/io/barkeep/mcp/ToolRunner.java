package io.barkeep.mcp;

import io.barkeep.store.StoreException;
import io.barkeep.sync.SyncAbortedException;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link Tool} into the SDK's tool specification: checks the arguments, runs the handler, and makes every
 * failure a tool error of one line (never a stack trace, never a protocol error), so a bad request leaves the
 * server serving the next. It also holds the one size rule: no answer over {@link #MAX_ANSWER_CHARS}.
 */
final class ToolRunner {
    /** Agents' clients reject answers above about 25,000 tokens: about 100,000 characters. */
    static final int MAX_ANSWER_CHARS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);

    private final Cancellations cancellations;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    ToolRunner(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    SyncToolSpecification specification(Tool tool) {
        return SyncToolSpecification.builder()
                .tool(tool.describe())
                .callHandler((exchange, request) -> run(tool, exchange, request))
                .build();
    }

    private CallToolResult run(Tool tool, McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        String key = Cancellations.keyOf(request.meta());
        try {
            Args args = Args.check(request.arguments(), tool.params());
            Call call = new Call(exchange, request.progressToken(), cancellations.flag(key));
            Tool.Answer answer = tool.handler().call(args, call);
            CallToolResult result = CallToolResult.builder()
                    .textContent(answer.texts())
                    .structuredContent(answer.structured())
                    .isError(false)
                    .build();
            int size = size(result);
            if (size > MAX_ANSWER_CHARS) {
                LOG.error("{} built an answer of {} characters; refusing to send it", tool.name(), size);
                return error("the answer would be " + size + " characters, over the limit of " + MAX_ANSWER_CHARS
                        + ": ask a narrower range or a smaller limit");
            }
            return result;
        } catch (ToolError | IllegalArgumentException | SyncAbortedException | StoreException e) {
            LOG.info("{} refused: {}", tool.name(), e.getMessage());
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly", tool.name(), e);
            return error("internal error in " + tool.name() + ": " + e.getClass().getSimpleName()
                    + " (details in barkeep.log)");
        } finally {
            cancellations.release(key);
        }
    }

    private int size(CallToolResult result) {
        try {
            return json.writeValueAsString(result).length();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    static CallToolResult error(String message) {
        String line = message == null ? "failed" : message.replaceAll("[\\r\\n]+", " ").strip();
        return CallToolResult.builder().addTextContent(line).isError(true).build();
    }
}
