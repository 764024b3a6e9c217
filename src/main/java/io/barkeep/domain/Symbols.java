package io.barkeep.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * US stock tickers as Barkeep stores them: 1-5 letters, optionally a share-class suffix of 1-2 letters
 * after {@code .} or {@code -} ({@code AAPL}, {@code BRK.B}, {@code BF-B}). The suffix separator is kept as
 * given, because vendors differ on it and the user typed what their vendor expects.
 */
public final class Symbols {
    // Checked on the raw text, before upper-casing: toUpperCase maps some non-ASCII letters to ASCII
    // ("ı" -> "I", "ß" -> "SS"), which would let them slip through.
    private static final Pattern TICKER = Pattern.compile("[A-Za-z]{1,5}(?:[.-][A-Za-z]{1,2})?");

    private Symbols() {
    }

    /**
     * The ticker trimmed and upper-cased.
     *
     * @throws IllegalArgumentException when {@code raw} is not a US ticker; the message names the bad value
     */
    public static String normalize(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("bad symbol: none given: use a US ticker like AAPL, BRK.B or BF-B");
        }
        String trimmed = raw.strip();
        if (!TICKER.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("bad symbol '" + printable(raw)
                    + "': use a US ticker like AAPL, BRK.B or BF-B");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    /** Whether {@code raw} would normalize without an error. */
    public static boolean isValid(String raw) {
        return raw != null && TICKER.matcher(raw.strip()).matches();
    }

    // The message must stay on one line whatever the user pasted.
    private static String printable(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
