package io.barkeep.source.csv;

import io.barkeep.domain.TerminalText;

/**
 * A data row that was not imported, kept so the user can see and fix it.
 *
 * @param lineNumber the physical line in the file, 1-based (the header is usually line 1)
 * @param line       the line's text as read, without the line ending, cut to
 *                   {@link io.barkeep.domain.Quarantine#RAW_CHARS} characters
 * @param reason     a short lower-case reason, e.g. {@code high < low}
 */
public record RejectedRow(long lineNumber, String line, String reason) {

    /** One line for a terminal: control characters of the row (escape sequences) are shown escaped. */
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + TerminalText.escape(reason) + ": " + TerminalText.escape(line);
    }
}
