package io.barkeep.ui.app;

import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives each view its own {@link UiState}, tied to the app's shared one, so that a change of cached data reloads
 * only the view on screen at once; the others are marked stale and reload when next shown. Which view shows,
 * the chart target and the theme stay shared (bound both ways). A view's own write ({@code dataChanged()} on its
 * state) reloads itself, as before, and reaches the others through the shared state. FX thread only.
 */
final class ViewStates {
    private final UiState shared;
    private final Map<View, UiState> states = new EnumMap<>(View.class);
    private final Set<View> stale = EnumSet.noneOf(View.class);
    // the view whose own write is being passed on (it reloaded already), or null
    private View writer;
    private boolean forwarding;

    ViewStates(UiState shared) {
        this.shared = shared;
        shared.dataVersionProperty().addListener(obs -> dataChanged());
        shared.viewProperty().addListener((obs, was, now) -> shown(now));
    }

    /** The state {@code view}'s controller and view model follow. */
    UiState of(View view) {
        return states.computeIfAbsent(view, v -> {
            UiState own = new UiState();
            own.viewProperty().bindBidirectional(shared.viewProperty());
            own.chartTargetProperty().bindBidirectional(shared.chartTargetProperty());
            own.darkProperty().bindBidirectional(shared.darkProperty());
            own.dataVersionProperty().addListener(obs -> {
                if (!forwarding) {
                    writer = v;
                    try {
                        shared.dataChanged();
                    } finally {
                        writer = null;
                    }
                }
            });
            return own;
        });
    }

    private void dataChanged() {
        View visible = shared.viewProperty().get();
        states.forEach((view, state) -> {
            if (view == writer) {
                return;
            }
            if (view == visible) {
                forward(state);
            } else {
                stale.add(view);
            }
        });
    }

    private void shown(View view) {
        if (stale.remove(view)) {
            forward(states.get(view));
        }
    }

    private void forward(UiState state) {
        forwarding = true;
        try {
            state.dataChanged();
        } finally {
            forwarding = false;
        }
    }
}
