package io.barkeep.cli;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.PriceAdjuster.AppliedFactor;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How commands say what adjustment they applied: JSON fields, a header note, one stderr line per action crossed. */
final class AdjustmentNotes {
    private AdjustmentNotes() {
    }

    static Adjustment parse(String text) {
        try {
            return Adjustment.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** {@code adjustment}, {@code price_decimals} and {@code factors} for a JSON document. */
    static void putJson(Map<String, Object> doc, AdjustedBars a) {
        doc.put("adjustment", a.adjustment().label());
        doc.put("price_decimals", a.decimals());
        doc.put("factors", a.factors().stream().map(AdjustmentNotes::factor).toList());
    }

    private static Map<String, Object> factor(AppliedFactor f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ex_date", f.action().exDate().toString());
        m.put("kind", f.action().kind().label());
        m.put(f.action().isSplit() ? "ratio" : "amount", f.action().value());
        m.put("source", f.action().source());
        m.put("price_factor", f.priceFactor().toPlainString());
        m.put("volume_factor", f.volumeFactor().toPlainString());
        m.put("applied", f.applied());
        if (f.note() != null) {
            m.put("note", f.note());
        }
        return m;
    }

    /** One line for a table or a CSV comment, or null when no price changed. */
    static String header(AdjustedBars a) {
        if (!a.changed()) {
            return null;
        }
        return "adjusted (" + a.adjustment().label() + "): " + a.factors().stream().filter(AppliedFactor::applied)
                .map(f -> f.action().describe() + " x" + f.priceFactor().toPlainString())
                .collect(Collectors.joining("; "));
    }

    /** Says once on stderr which known actions fall inside the range and what was done about them. */
    static void crossed(PrintWriter err, List<CorporateAction> inRange, Adjustment mode) {
        for (CorporateAction a : inRange) {
            boolean applied = a.isSplit() ? mode.splits() : mode.dividends();
            err.println(a.describe() + " (" + a.source() + ") is inside this range: bars before it are "
                    + (applied ? "adjusted" : "as traded") + " (--adjust " + mode.label() + ")");
        }
    }
}
