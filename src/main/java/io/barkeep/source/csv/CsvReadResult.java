package io.barkeep.source.csv;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Quarantine;
import java.util.List;

/**
 * What a CSV file held: good bars and vendor-confirmed empty intervals, each sorted by start with one entry per
 * start, and the rows turned away.
 *
 * @param bars              bars that passed every rule
 * @param emptyBars         rows with {@code count == 0}: no trade in that interval (not a hole, and not a bar)
 * @param rejected          bad rows in file order: the first {@link Quarantine#ROWS_PER_BATCH} of them
 * @param rejectedNotKept   bad rows past those, counted only
 * @param roundedPrices     prices kept (a bar's open, high, low, close and vwap; an empty bar's vwap) that had
 *                          more than four decimals and were rounded half-even to 1e-4
 * @param duplicatesIgnored rows that repeated an earlier row exactly and were skipped
 */
public record CsvReadResult(List<Bar> bars, List<EmptyBar> emptyBars, List<RejectedRow> rejected,
                            long rejectedNotKept, int roundedPrices, int duplicatesIgnored) {

    public CsvReadResult {
        bars = List.copyOf(bars);
        emptyBars = List.copyOf(emptyBars);
        rejected = List.copyOf(rejected);
    }

    /** A result whose rejected rows were all kept. */
    public CsvReadResult(List<Bar> bars, List<EmptyBar> emptyBars, List<RejectedRow> rejected, int roundedPrices,
                         int duplicatesIgnored) {
        this(bars, emptyBars, rejected, 0, roundedPrices, duplicatesIgnored);
    }

    /** Every bad row, kept or only counted. */
    public long rejectedTotal() {
        return rejected.size() + rejectedNotKept;
    }
}
