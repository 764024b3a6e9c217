package io.barkeep.ui.chart;

import java.time.LocalDate;

/** The range presets of the toolbar: the last session, five sessions, a month ... three years, or all loaded. */
enum ChartRange {
    D1("1D"), D5("5D"), M1("1M"), M3("3M"), Y1("1Y"), Y3("3Y"), ALL("All");

    final String label;

    ChartRange(String label) {
        this.label = label;
    }

    /** The first day the range covers when {@code last} is the newest session; null for sessions or all. */
    LocalDate from(LocalDate last) {
        return switch (this) {
            case M1 -> last.minusMonths(1).plusDays(1);
            case M3 -> last.minusMonths(3).plusDays(1);
            case Y1 -> last.minusYears(1).plusDays(1);
            case Y3 -> last.minusYears(3).plusDays(1);
            default -> null;
        };
    }

    /** Sessions the range covers when it counts sessions rather than calendar time; 0 otherwise. */
    int sessions() {
        return this == D1 ? 1 : this == D5 ? 5 : 0;
    }
}
