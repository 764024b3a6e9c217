package io.barkeep.source;

import java.util.Objects;
import java.util.Optional;

/**
 * What a source said about a ticker before it is added to the watchlist: it has it, it has no such ticker, or it
 * could not say. "Could not say" carries a {@link #warning()} when the source keeps a symbol list it failed to
 * get (the caller adds the symbol anyway and shows that one line: the vendor being down never blocks an add), and
 * none when the source keeps no list at all (a fetch will tell).
 *
 * @param verdict what the source said
 * @param warning why it could not say, one line; empty unless {@code verdict} is {@link Verdict#UNCHECKED}
 */
public record SymbolCheck(Verdict verdict, Optional<String> warning) {
    /** The three answers. */
    public enum Verdict { KNOWN, UNKNOWN, UNCHECKED }

    private static final SymbolCheck KNOWN = new SymbolCheck(Verdict.KNOWN, Optional.empty());
    private static final SymbolCheck UNKNOWN = new SymbolCheck(Verdict.UNKNOWN, Optional.empty());
    private static final SymbolCheck NO_LIST = new SymbolCheck(Verdict.UNCHECKED, Optional.empty());

    public SymbolCheck {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(warning);
        if (warning.isPresent() && verdict != Verdict.UNCHECKED) {
            throw new IllegalArgumentException("only an unchecked symbol carries a warning");
        }
    }

    /** The source lists {@code symbol}, or does not: {@code true} is {@link Verdict#KNOWN}. */
    public static SymbolCheck of(boolean known) {
        return known ? KNOWN : UNKNOWN;
    }

    /** The source keeps no symbol list: nothing to warn about. */
    public static SymbolCheck noList() {
        return NO_LIST;
    }

    /** The source's symbol list could not be had; {@code why} is one line for the user. */
    public static SymbolCheck unavailable(String why) {
        return new SymbolCheck(Verdict.UNCHECKED, Optional.of(why));
    }

    /** The source has no such ticker: adding it would only collect failures. */
    public boolean unknown() {
        return verdict == Verdict.UNKNOWN;
    }

    /** {@code true}/{@code false} when the source could say, empty when it could not. */
    public Optional<Boolean> known() {
        return verdict == Verdict.UNCHECKED ? Optional.empty() : Optional.of(verdict == Verdict.KNOWN);
    }
}
