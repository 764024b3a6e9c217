package io.barkeep.mcp;

import io.barkeep.domain.CoverageState;
import io.barkeep.domain.MissingRange;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.store.GapService.GapReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How complete the cache is over a range, as every answer with bars tells it: sessions complete, partial, missing
 * and vendor-confirmed empty (the vendor said no trade at all: not a hole), and the same in 5-minute bars.
 */
final class Coverage {
    private Coverage() {
    }

    static Map<String, Object> of(GapReport r) {
        int complete = 0;
        int partial = 0;
        int missing = 0;
        int vendorEmpty = 0;
        for (SessionCoverage s : r.sessions()) {
            CoverageState state = s.state();
            if (state == CoverageState.COMPLETE && s.held() == 0) {
                vendorEmpty++;
            } else if (state == CoverageState.COMPLETE) {
                complete++;
            } else if (state == CoverageState.PARTIAL) {
                partial++;
            } else {
                missing++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sessions", r.sessions().size());
        m.put("sessions_complete", complete);
        m.put("sessions_partial", partial);
        m.put("sessions_missing", missing);
        m.put("sessions_vendor_empty", vendorEmpty);
        m.put("expected_bars", r.expectedBars());
        m.put("held_bars", r.heldBars());
        m.put("vendor_empty_bars", r.emptyBars());
        m.put("missing_bars", r.missing().stream().mapToInt(MissingRange::bars).sum());
        m.put("coverage_pct", Math.round(r.coveragePercent() * 100) / 100.0);
        m.put("calendar_version", r.calendarVersion());
        return m;
    }

    /** One line for the text answer. */
    static String line(Map<String, Object> c) {
        return "coverage " + c.get("coverage_pct") + "% of " + c.get("sessions") + " sessions: "
                + c.get("sessions_complete") + " complete, " + c.get("sessions_partial") + " partial, "
                + c.get("sessions_missing") + " missing, " + c.get("sessions_vendor_empty")
                + " vendor-confirmed empty (" + c.get("missing_bars") + " 5m bars missing)";
    }

    static Map<String, Object> schema() {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String n : new String[] {"sessions", "sessions_complete", "sessions_partial", "sessions_missing",
                "sessions_vendor_empty", "expected_bars", "held_bars", "vendor_empty_bars", "missing_bars"}) {
            props.put(n, Map.of("type", "integer"));
        }
        props.put("coverage_pct", Map.of("type", "number"));
        props.put("calendar_version", Map.of("type", "string"));
        return Map.of("type", "object", "properties", props, "required", new java.util.ArrayList<>(props.keySet()));
    }
}
