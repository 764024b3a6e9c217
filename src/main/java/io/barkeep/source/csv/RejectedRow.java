package io.barkeep.source.csv;

/**
 * A data row that was not imported, kept so the user can see and fix it.
 *
 * @param lineNumber the physical line in the file, 1-based (the header is usually line 1)
 * @param line       the line's text as read, without the line ending
 * @param reason     a short lower-case reason, e.g. {@code high < low}
 */
public record RejectedRow(long lineNumber, String line, String reason) {

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason + ": " + line;
    }
}
