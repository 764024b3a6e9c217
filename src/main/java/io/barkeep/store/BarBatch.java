package io.barkeep.store;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import java.time.Instant;
import java.util.List;

/**
 * One range of one symbol to write in one transaction: the bars that traded and the intervals the vendor
 * confirmed empty.
 *
 * @param from          start of the range the source answered for (inclusive)
 * @param to            end of that range (exclusive)
 * @param authoritative the source answered for the whole range (a vendor fetch), so empty markers inside it
 *                      that the answer no longer has are dropped; false for partial sources like CSV files
 * @param noData        the vendor said explicitly that it has nothing for the range (ThetaData 472): the sessions
 *                      that hold nothing are recorded as "no data" rather than left missing. Only that answer may
 *                      say so; an answer that merely lacks sessions leaves them missing.
 */
public record BarBatch(String symbol, Instant from, Instant to, List<Bar> bars, List<EmptyBar> empties,
                       boolean authoritative, boolean noData) {

    /** A batch that is not a "no data" verdict. */
    public BarBatch(String symbol, Instant from, Instant to, List<Bar> bars, List<EmptyBar> empties,
                    boolean authoritative) {
        this(symbol, from, to, bars, empties, authoritative, false);
    }

    /** A batch of traded bars only, not authoritative (imports, tests). */
    public static BarBatch of(String symbol, List<Bar> bars) {
        Instant from = bars.isEmpty() ? Instant.EPOCH : bars.get(0).start();
        Instant to = bars.isEmpty() ? Instant.EPOCH : bars.get(bars.size() - 1).start().plusSeconds(300);
        return new BarBatch(symbol, from, to, bars, List.of(), false);
    }
}
