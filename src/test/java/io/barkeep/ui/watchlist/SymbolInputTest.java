package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bulk add splits on white space and commas only: a token with other punctuation is refused whole. */
class SymbolInputTest {
    @Test
    void splitsOnWhiteSpaceAndCommas() {
        assertEquals(List.of("AAPL", "MSFT", "NVDA", "BRK.B"),
                SymbolInput.parse(" aapl, MSFT\tNVDA\nbrk.b ,").symbols());
    }

    @Test
    void aTokenWithASemicolonIsOneBadTokenNotTwoTickers() {
        SymbolInput input = SymbolInput.parse("AAPL;DROP TABLE");
        assertEquals(List.of("TABLE"), input.symbols());
        assertEquals(List.of("AAPL;DROP"), input.bad());
        assertEquals(1, input.errors().size());
    }
}
