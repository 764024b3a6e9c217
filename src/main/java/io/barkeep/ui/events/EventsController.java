package io.barkeep.ui.events;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;

/** The events view (placeholder until its own work lands). */
public final class EventsController {
    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;

    public EventsController(AppServices services, UiState state, Navigator navigator) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
    }
}
