package io.barkeep.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * One MCP tool: what a client lists (name, description, input and output schema, hints) and what answers a call.
 *
 * @param readOnly   the tool changes nothing the user keeps (a read may still fill the cache, as any read does)
 * @param openWorld  the tool may ask the vendor
 */
record Tool(String name, String title, String description, List<Param> params, Map<String, Object> outputSchema,
            boolean readOnly, boolean idempotent, boolean openWorld, Handler handler) {

    /** Answers one call. */
    @FunctionalInterface
    interface Handler {
        Answer call(Args args, Call call);
    }

    /** A tool's answer: the text blocks a person or model reads, and the same data as structured content. */
    record Answer(List<String> texts, Map<String, Object> structured) {
    }

    /** Removing something the user kept destroys it; adding, reading and filling the cache do not. */
    boolean destructive() {
        return !readOnly && (name.startsWith("remove") || !idempotent);
    }

    McpSchema.Tool describe() {
        return McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(Param.inputSchema(params))
                .outputSchema(outputSchema)
                .annotations(new McpSchema.ToolAnnotations(title, readOnly, destructive(), idempotent, openWorld,
                        null))
                .build();
    }
}
