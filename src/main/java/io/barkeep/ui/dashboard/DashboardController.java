package io.barkeep.ui.dashboard;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The dashboard view (placeholder until its own work lands). */
public final class DashboardController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public DashboardController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
