package io.barkeep.mcp;

import io.barkeep.domain.AggregateBar;
import java.util.List;

/**
 * Split and dividend adjustment of the bars the tools answer (DESIGN point 12): the one place it is applied.
 * This build stores and answers bars as traded; until the adjustment of reads exists in the engine, every request
 * is answered unadjusted and says so ({@code adjustment: "none"}) rather than failing.
 */
final class Adjustment {
    static final String NONE = "none";
    static final String[] CHOICES = {"none", "splits", "all"};

    private Adjustment() {
    }

    /** Bars with the adjustment applied, and the name of the adjustment actually applied. */
    record Adjusted(List<AggregateBar> bars, String applied, String note) {
    }

    /**
     * Applies {@code requested} to {@code bars} of {@code symbol}. Wire split/dividend adjustment here (issue 10):
     * every bar the MCP tools answer passes through this method.
     */
    static Adjusted apply(String symbol, List<AggregateBar> bars, String requested) {
        if (NONE.equals(requested)) {
            return new Adjusted(bars, NONE, null);
        }
        return new Adjusted(bars, NONE, "adjustment '" + requested + "' is not available in this build: prices are "
                + "as traded (unadjusted)");
    }
}
