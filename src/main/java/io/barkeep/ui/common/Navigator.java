package io.barkeep.ui.common;

import java.time.LocalDate;

/** Moves between the main window's views. */
public interface Navigator {
    /** The views of the main window, in navigation order. */
    enum View { DASHBOARD, WATCHLIST, CHART, GAPS, FRESHNESS, EVENTS, HEALTH }

    void show(View view);

    /** Opens the chart on {@code symbol} centred on the session of {@code date}. */
    void openChart(String symbol, LocalDate date);
}
