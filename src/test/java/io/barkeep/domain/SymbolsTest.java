package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolsTest {

    @ParameterizedTest
    @CsvSource({
        "AAPL, AAPL",
        "BRK.B, BRK.B",
        "BF-B, BF-B",
        "F, F",
        "GOOGL, GOOGL",
        "aapl, AAPL",
        "brk.b, BRK.B",
        "Bf-b, BF-B",
        "'  msft  ', MSFT",
        "ABC.DE, ABC.DE",
    })
    void acceptsUsTickersTrimmedAndUpperCased(String raw, String expected) {
        assertEquals(expected, Symbols.normalize(raw));
        assertTrue(Symbols.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AAPL1", "1", "BRK B", "A APL", "$AAPL", "", "   ", "GOOGLE", "ABCDEF", "BRK..B", ".B",
        "BRK.", "BRK-", "BRK.BCD", "BRK.B.C", "BRK/B", "BRK_B", "-B", "BRK.1", "ÄAPL", "aapı", "ß", "AAPL\n"
            + "X"})
    void rejectsAnythingElse(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Symbols.normalize(raw));
        assertFalse(Symbols.isValid(raw));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void errorNamesTheBadValueAndGivesExamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Symbols.normalize("AAPL1"));
        assertEquals("bad symbol 'AAPL1': use a US ticker like AAPL, BRK.B or BF-B", e.getMessage());
    }

    @Test
    void errorForAnEmptyValueShowsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Symbols.normalize(""));
        assertEquals("bad symbol '': use a US ticker like AAPL, BRK.B or BF-B", e.getMessage());
    }

    @Test
    void nullIsABadSymbolNotANullPointer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Symbols.normalize(null));
        assertTrue(e.getMessage().startsWith("bad symbol"));
    }
}
