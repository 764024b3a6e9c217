package io.barkeep.ui.watchlist;

import io.barkeep.domain.Symbols;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the trader typed or pasted in the add field: tickers separated by commas or white space
 * ({@code "AAPL, MSFT NVDA"}), each checked by {@link Symbols#normalize}. Duplicates count once. Nothing else
 * separates: {@code "AAPL;DROP"} is one token and refused whole, never two tickers made up from it.
 *
 * @param symbols the good tickers, normalized, in the order given
 * @param bad     the tokens that are not tickers, as typed
 * @param errors  {@link Symbols#normalize}'s one-line message for each bad token
 */
record SymbolInput(List<String> symbols, List<String> bad, List<String> errors) {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    static SymbolInput parse(String text) {
        Set<String> good = new LinkedHashSet<>();
        Set<String> bad = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        for (String token : SEPARATORS.split(text == null ? "" : text.strip())) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                good.add(Symbols.normalize(token));
            } catch (IllegalArgumentException e) {
                if (bad.add(token)) {
                    errors.add(e.getMessage());
                }
            }
        }
        return new SymbolInput(List.copyOf(good), List.copyOf(bad), List.copyOf(errors));
    }

    boolean isEmpty() {
        return symbols.isEmpty() && bad.isEmpty();
    }
}
