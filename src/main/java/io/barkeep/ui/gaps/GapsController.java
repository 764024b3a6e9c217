package io.barkeep.ui.gaps;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The gaps view (placeholder until its own work lands). */
public final class GapsController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public GapsController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
