package io.barkeep.ui.watchlist;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The watchlist view (placeholder until its own work lands). */
public final class WatchlistController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public WatchlistController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
