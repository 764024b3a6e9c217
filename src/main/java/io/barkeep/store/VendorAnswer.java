package io.barkeep.store;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import java.time.LocalDate;
import java.util.List;

/**
 * What a vendor answered for one request, as {@link AnswerStore} takes it: the request (symbol and New York dates)
 * and the rows, not yet checked.
 *
 * @param source     the source's name, kept with quarantined rows, revisions and events
 * @param request    how the request is named in events ({@code AAPL 2024-03-01..2024-03-28})
 * @param bars       rows that traded, in any order, possibly bad or repeated
 * @param empties    rows with zero trades
 * @param unreadable rows the source could not read at all
 * @param unreadableNotKept unreadable rows past those the source kept, counted only (a flood of bad rows)
 * @param noData     the vendor said explicitly it has nothing for the request (ThetaData 472)
 */
public record VendorAnswer(String symbol, String source, String request, LocalDate from, LocalDate to,
                           List<Bar> bars, List<EmptyBar> empties, List<Unreadable> unreadable,
                           long unreadableNotKept, boolean noData) {

    public VendorAnswer {
        bars = List.copyOf(bars);
        empties = List.copyOf(empties);
        unreadable = List.copyOf(unreadable);
    }

    /** An answer whose unreadable rows were all kept. */
    public VendorAnswer(String symbol, String source, String request, LocalDate from, LocalDate to, List<Bar> bars,
                        List<EmptyBar> empties, List<Unreadable> unreadable, boolean noData) {
        this(symbol, source, request, from, to, bars, empties, unreadable, 0, noData);
    }

    /** A row that could not be read, with why. */
    public record Unreadable(String raw, String reason) {
    }

    /** Whether the answer holds no row at all, readable or not. */
    boolean isEmpty() {
        return bars.isEmpty() && empties.isEmpty() && unreadable.isEmpty();
    }
}
