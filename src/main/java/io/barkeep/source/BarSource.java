package io.barkeep.source;

import java.time.LocalDate;

/**
 * Somewhere 5-minute bars come from: the ThetaData terminal (v3 REST, v2 REST, MCP) or the built-in simulated
 * feed. Implementations are thread-safe and never have more requests in flight than their concurrency limit;
 * retrying, splitting and recording failures is the sync layer's job, not theirs.
 */
public interface BarSource extends AutoCloseable {

    /** The name used on the command line, in settings and in safety events ({@code thetadata}, {@code demo}...). */
    String name();

    /** True for the simulated feed: everything that shows its bars says SIMULATED. */
    default boolean simulated() {
        return false;
    }

    /**
     * Checks the source can answer now (for the terminal: it runs and is connected upstream).
     *
     * @throws SourceException of kind {@link SourceException.Kind#UNAVAILABLE} with a plain message when not
     */
    void checkReady() throws SourceException;

    /**
     * The regular-hours 5-minute bars of {@code symbol} for the New York dates from..to inclusive.
     * Bars with zero trades come back as {@link SourceAnswer#empties()}, never as prices; the bar stamped at the
     * session close (the vendor's inclusive end time) is dropped. An answer of "no data" is an empty answer.
     */
    SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException;

    /**
     * As {@link #fetch(String, LocalDate, LocalDate)}, aborting the request in flight when {@code cancel} is
     * cancelled (then it throws a {@link SourceException.Kind#CANCELLED}). Sources that answer at once (the
     * simulated feed) need not override it.
     */
    default SourceAnswer fetch(String symbol, LocalDate from, LocalDate to, Cancellation cancel)
            throws SourceException {
        if (cancel.isCancelled()) {
            throw new SourceException(SourceException.Kind.CANCELLED, -1, "cancelled");
        }
        return fetch(symbol, from, to);
    }

    /**
     * Whether the source knows {@code symbol} (normalized), asked before it is added so an unknown ticker is refused
     * there: sources with a symbol list check it (fetching it at most once a day, within their request deadline),
     * others answer {@link SymbolCheck#noList()} and a fetch tells. Never throws for the vendor being down: that is
     * {@link SymbolCheck#unavailable}.
     */
    default SymbolCheck checkSymbol(String symbol) {
        return SymbolCheck.noList();
    }

    /** {@link #checkSymbol}'s answer as true/false, empty when the source could not say. */
    default java.util.Optional<Boolean> hasSymbol(String symbol) {
        return checkSymbol(symbol).known();
    }

    /** What this source's requests did, for the vendor health view; null for a source that sends none. */
    default RequestStats requestStats() {
        return null;
    }

    @Override
    default void close() {
    }
}
