package io.barkeep.ui.freshness;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The freshness table's state: one {@link FreshnessRow} per symbol, recomputed in the background (the freshness
 * service reads the coverage ledger) whenever cached data changes or the trader asks, with the lag measured at
 * the app's clock.
 */
public final class FreshnessViewModel {
    /** What a load produced: the rows and the reference their lag was measured against. */
    record Snapshot(List<FreshnessRow> rows, Optional<FreshnessLag.Reference> reference) {
    }

    private final AppServices services;
    private final ObservableList<FreshnessRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<FreshnessLag.Reference> reference = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<Thresholds.State, Integer>> counts =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private int generation;

    public FreshnessViewModel(AppServices services, UiState state) {
        this.services = services;
        state.dataVersionProperty().addListener((obs, was, now) -> reload());
    }

    /** The first load: at once when the database is open, else as soon as it is (the app opens it behind). */
    public void start() {
        services.ready().thenRun(() -> services.ui().onFx(this::reload));
    }

    /** Recomputes every row off the FX thread; a newer reload wins over an older one still running. */
    public void reload() {
        int mine = ++generation;
        loading.set(true);
        services.ui().load(this::compute, snapshot -> {
            if (mine == generation) {
                apply(snapshot);
            }
        }, e -> {
            if (mine == generation) {
                loading.set(false);
                error.set(String.valueOf(e.getMessage()));
            }
        });
    }

    private Snapshot compute() {
        CacheEngine engine = services.engine();
        List<Freshness> all = services.freshness().all();
        TradingCalendar calendar = engine.bars().calendar();
        Optional<FreshnessLag.Reference> ref = FreshnessLag.reference(calendar, services.clock().instant());
        return new Snapshot(all.stream().map(f -> FreshnessRow.of(f, calendar, ref)).toList(), ref);
    }

    private void apply(Snapshot snapshot) {
        rows.setAll(snapshot.rows());
        reference.set(snapshot.reference().orElse(null));
        Map<Thresholds.State, Integer> byState = new EnumMap<>(Thresholds.State.class);
        snapshot.rows().forEach(r -> byState.merge(r.state(), 1, Integer::sum));
        counts.set(byState);
        error.set("");
        loading.set(false);
    }

    public ObservableList<FreshnessRow> rows() {
        return rows;
    }

    /** The last closed bar the lag is counted to, null before the first load. */
    public ReadOnlyObjectProperty<FreshnessLag.Reference> referenceProperty() {
        return reference.getReadOnlyProperty();
    }

    /** How many symbols are in each state. */
    public ReadOnlyObjectProperty<Map<Thresholds.State, Integer>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
