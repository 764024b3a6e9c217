package io.barkeep.mcp;

/** A request the tool cannot answer: sent back as a tool error ({@code isError}) with this one line. */
final class ToolError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolError(String message) {
        super(message);
    }
}
