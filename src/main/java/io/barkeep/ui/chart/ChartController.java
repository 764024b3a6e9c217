package io.barkeep.ui.chart;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The chart view (placeholder until its own work lands). */
public final class ChartController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public ChartController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
