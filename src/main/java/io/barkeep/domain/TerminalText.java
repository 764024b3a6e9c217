package io.barkeep.domain;

/**
 * Text from outside (a CSV file, a vendor's answer) made safe to print on a terminal: control characters (escape
 * sequences that could move the cursor, retitle the window or hide text) and invisible format characters (such as
 * right-to-left overrides) are shown as {@code \xHH} or {@code \}{@code uHHHH}, so what the user reads is what the
 * text holds.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every control and format character escaped; null stays null. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(TerminalText::unsafe)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xFF) {
                out.append(String.format("\\x%02X", c));
            } else {
                out.append(String.format("\\u%04X", c));
            }
        });
        return out.toString();
    }

    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
