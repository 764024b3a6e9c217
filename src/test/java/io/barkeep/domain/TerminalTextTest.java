package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text from outside is printed with what could drive a terminal shown, not obeyed. */
class TerminalTextTest {

    @Test
    void escapeSequencesAndOtherControlCharactersAreShownEscaped() {
        assertEquals("\\x1B]0;pwned\\x07\\x1B[2Jbad open", TerminalText.escape("\u001b]0;pwned\u0007\u001b[2Jbad open"));
        assertEquals("a\\x0Db\\x09c\\x9B", TerminalText.escape("a\rb\tc\u009b"));
    }

    @Test
    void invisibleDirectionOverridesAreShownEscaped() {
        assertEquals("abc\\u202Efdp.exe", TerminalText.escape("abc\u202efdp.exe"));
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String text = "bad open '１２３' — Zürich 187.15";
        assertSame(text, TerminalText.escape(text));
    }
}
