package io.barkeep.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.ui.common.Navigator.View;
import io.barkeep.ui.common.UiState;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change of cached data reloads the view on screen at once and every other view when it is next shown. */
class ViewStatesTest {
    private final UiState shared = new UiState();
    private final ViewStates views = new ViewStates(shared);
    private final Map<View, Integer> reloads = new EnumMap<>(View.class);

    private UiState follow(View view) {
        UiState state = views.of(view);
        reloads.put(view, 0);
        state.dataVersionProperty().addListener(obs -> reloads.merge(view, 1, Integer::sum));
        return state;
    }

    @Test
    void onlyTheVisibleViewReloadsAtOnceTheOthersWhenShown() {
        shared.viewProperty().set(View.DASHBOARD);
        follow(View.DASHBOARD);
        follow(View.GAPS);
        follow(View.EVENTS);

        shared.dataChanged();
        shared.dataChanged();
        assertEquals(Map.of(View.DASHBOARD, 2, View.GAPS, 0, View.EVENTS, 0), reloads);

        shared.viewProperty().set(View.GAPS);
        assertEquals(Map.of(View.DASHBOARD, 2, View.GAPS, 1, View.EVENTS, 0), reloads, "one reload for both changes");
        shared.viewProperty().set(View.DASHBOARD);
        assertEquals(Map.of(View.DASHBOARD, 2, View.GAPS, 1, View.EVENTS, 0), reloads, "nothing new: no reload");
    }

    @Test
    void aViewsOwnWriteReloadsItselfOnceAndTheOthersWhenShown() {
        shared.viewProperty().set(View.GAPS);
        follow(View.DASHBOARD);
        UiState gaps = follow(View.GAPS);

        gaps.dataChanged();
        assertEquals(Map.of(View.DASHBOARD, 0, View.GAPS, 1), reloads);
        shared.viewProperty().set(View.DASHBOARD);
        assertEquals(Map.of(View.DASHBOARD, 1, View.GAPS, 1), reloads);
    }

    @Test
    void whichViewShowsAndTheChartTargetStayShared() {
        UiState chart = follow(View.CHART);
        chart.chartTargetProperty().set(new UiState.ChartTarget("AAPL", LocalDate.of(2024, 3, 12)));
        assertEquals("AAPL", shared.chartTargetProperty().get().symbol());
        shared.viewProperty().set(View.EVENTS);
        assertEquals(View.EVENTS, chart.viewProperty().get());
    }
}
