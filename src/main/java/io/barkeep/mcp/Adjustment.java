package io.barkeep.mcp;

import io.barkeep.domain.PriceAdjuster.AdjustedBars;

/**
 * Split and dividend adjustment of the bars the tools answer (DESIGN point 12): the engine adjusts the 5-minute
 * bars before they are aggregated ({@code AdjustedReads}); this names what was applied and at which scale the
 * prices are (4 decimals as stored, more once an action changed them).
 */
final class Adjustment {
    static final String NONE = "none";
    /** The default of reads and charts (DESIGN point 12). */
    static final String SPLITS = "splits";
    static final String[] CHOICES = {"none", "splits", "all"};

    private Adjustment() {
    }

    /** What the answer applied: the adjustment's name, the decimals of its prices, a note or null. */
    record Adjusted(String applied, int decimals, String note) {
    }

    static io.barkeep.domain.Adjustment parse(String requested) {
        return io.barkeep.domain.Adjustment.parse(requested);
    }

    static Adjusted of(AdjustedBars read) {
        String note = read.factors().isEmpty() ? null : read.factors().size() + " corporate action(s) applied: "
                + read.factors().stream().map(f -> f.action().exDate() + " " + f.action().kind()).toList();
        return new Adjusted(read.adjustment().label(), read.decimals(), note);
    }
}
