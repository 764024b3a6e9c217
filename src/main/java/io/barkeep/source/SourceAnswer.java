package io.barkeep.source;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Quarantine;
import java.util.List;

/**
 * What a source answered for one request, before the sync layer checks each bar against the calendar.
 *
 * @param bars          bars that traded, in any order
 * @param empties       intervals the vendor reported with zero trades
 * @param unreadable    rows that could not be read at all (kept in the quarantine with their text): the first
 *                      {@link Quarantine#ROWS_PER_BATCH} of them
 * @param unreadableNotKept unreadable rows past those, counted only
 * @param roundedPrices prices that had more than four decimals and were rounded half-even to 1e-4
 * @param noData        the vendor said it has nothing for this request (ThetaData 472)
 */
public record SourceAnswer(List<Bar> bars, List<EmptyBar> empties, List<UnreadableRow> unreadable,
                           long unreadableNotKept, int roundedPrices, boolean noData) {

    public SourceAnswer {
        bars = List.copyOf(bars);
        empties = List.copyOf(empties);
        unreadable = List.copyOf(unreadable);
    }

    /** An answer whose unreadable rows were all kept. */
    public SourceAnswer(List<Bar> bars, List<EmptyBar> empties, List<UnreadableRow> unreadable, int roundedPrices,
                        boolean noData) {
        this(bars, empties, unreadable, 0, roundedPrices, noData);
    }

    /** The answer to a request the vendor has no data for. */
    public static SourceAnswer empty() {
        return new SourceAnswer(List.of(), List.of(), List.of(), 0, true);
    }

    /** A row of a vendor answer that could not be read, with why. */
    public record UnreadableRow(String raw, String reason) {
    }
}
