package io.barkeep.ui.freshness;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The freshness view (placeholder until its own work lands). */
public final class FreshnessController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public FreshnessController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
