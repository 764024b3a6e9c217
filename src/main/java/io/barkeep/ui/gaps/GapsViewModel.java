package io.barkeep.ui.gaps;

import io.barkeep.domain.Session;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The gap heatmap's state: the coverage map (loaded in the background, again whenever cached data changed),
 * the selected cells, and the backfill that repairs them. Holds no node; properties change on the FX thread.
 */
public final class GapsViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Rows read before the map first shows: more than a full-screen window holds at the largest row height. */
    static final int FIRST_ROWS = 60;

    private final AppServices services;
    private final UiState state;
    private final Navigator navigator;
    private final ResourceBundle text;
    private final CellDescriber describer;
    private final ReadOnlyObjectWrapper<HeatmapModel> model = new ReadOnlyObjectWrapper<>(HeatmapModel.EMPTY);
    private final ReadOnlyObjectWrapper<Set<CellKey>> selection = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyIntegerWrapper repairableSelected = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<CellDescriber.GapRow>> gaps = new ReadOnlyObjectWrapper<>(List.of());
    private int generation;

    public GapsViewModel(AppServices services, UiState state, Navigator navigator, ResourceBundle text) {
        this.services = services;
        this.state = state;
        this.navigator = navigator;
        this.text = text;
        this.describer = new CellDescriber(text);
        state.dataVersionProperty().addListener((obs, was, now) -> reload());
        services.settingsProperty().addListener((obs, was, now) -> {
            if (was.retainDays() != now.retainDays()) {
                reload();
            }
        });
        selection.addListener((obs, was, now) -> countRepairable());
        model.addListener((obs, was, now) -> countRepairable());
    }

    /** Reads the map again in the background; a newer reload wins over an older one still running. */
    public CompletableFuture<HeatmapModel> reload() {
        int mine = ++generation;
        loading.set(true);
        int retainDays = services.settings().retainDays();
        // The first open shows the rows a window holds at once, then all of them; a reload keeps the old map
        // until the new one is whole (a map that shrank for a moment would jump).
        boolean firstOpen = model.get() == HeatmapModel.EMPTY;
        return services.ui().load(() -> loaded(new HeatmapLoader(services.engine()).load(retainDays,
                services.clock().instant(), firstOpen ? FIRST_ROWS : Integer.MAX_VALUE, first ->
                        services.ui().onFx(() -> {
                            if (mine == generation && loading.get()) {
                                model.set(first);
                            }
                        }))), loaded -> {
                    if (mine == generation) {
                        apply(loaded);
                    }
                }, failure -> {
                    if (mine == generation) {
                        loading.set(false);
                        error.set(format("error.load", failure.getMessage()));
                    }
                }).thenApply(Loaded::model);
    }

    /**
     * A whole map with what the view shows of it besides the cells: its counts and the sessions to repair, worked out
     * in the background with the map, since they walk every cell (430,000 at 554 symbols over three years).
     */
    private record Loaded(HeatmapModel model, Map<CellState, Integer> counts, List<CellDescriber.GapRow> gaps) {
    }

    private Loaded loaded(HeatmapModel m) {
        return new Loaded(m, m.counts(), describer.gapRows(m));
    }

    private void apply(Loaded l) {
        HeatmapModel loaded = l.model();
        model.set(loaded);
        Set<CellKey> kept = new LinkedHashSet<>();
        for (CellKey k : selection.get()) {
            if (loaded.cell(k) != null) {
                kept.add(k);
            }
        }
        selection.set(Set.copyOf(kept));
        Map<CellState, Integer> counts = l.counts();
        long sessions = loaded.columns().stream().filter(c -> !c.closed()).count();
        summary.set(format("summary", loaded.rows(), sessions, counts.getOrDefault(CellState.PARTIAL, 0),
                counts.getOrDefault(CellState.MISSING, 0),
                TIME.format(loaded.asOf().atZone(Session.NEW_YORK))));
        gaps.set(l.gaps());
        loading.set(false);
        error.set("");
    }

    /** The tooltip of a cell. */
    public String describe(int row, int column) {
        return describer.describe(model.get(), row, column);
    }

    /** Opens the chart at the cell's session; a closed day has no session to open. */
    public void open(int row, int column) {
        HeatmapModel m = model.get();
        if (!m.columns().get(column).closed()) {
            navigator.openChart(m.symbols().get(row), m.columns().get(column).date());
        }
    }

    public void select(Set<CellKey> cells) {
        selection.set(Set.copyOf(cells));
    }

    /** Selects every cell a backfill could improve. */
    public void selectGaps() {
        select(model.get().repairableCells());
    }

    public void clearSelection() {
        select(Set.of());
    }

    /** The backfills that would repair the selection. */
    BackfillPlan plan() {
        return BackfillPlan.of(model.get(), selection.get());
    }

    /**
     * Queues one backfill per job of the plan (progress and cancel in the status bar) and clears the selection;
     * each finished job bumps the data version, which reloads the map.
     */
    public CompletableFuture<Void> backfill() {
        List<CompletableFuture<?>> queued = new ArrayList<>();
        for (BackfillPlan.Job job : plan().jobs()) {
            String dates = job.from().equals(job.to()) ? job.from().toString() : job.from() + " \u2013 " + job.to();
            queued.add(services.backfill(format("backfill.title", String.join(", ", job.symbols()), dates),
                    job.symbols(), job.from(), job.to()).whenComplete((result, failure) -> services.ui().onFx(() -> {
                        if (failure != null) {
                            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                            error.set(format("error.backfill", cause.getMessage()));
                        }
                        state.dataChanged();
                    })));
        }
        clearSelection();
        return CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).handle((x, e) -> null);
    }

    private void countRepairable() {
        HeatmapModel m = model.get();
        repairableSelected.set((int) selection.get().stream().map(m::cell)
                .filter(c -> c != null && c.repairable()).count());
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), java.util.Locale.ENGLISH).format(args);
    }

    public ReadOnlyObjectProperty<HeatmapModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<CellKey>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** How many selected cells a backfill could improve. */
    public ReadOnlyIntegerProperty repairableSelectedProperty() {
        return repairableSelected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The sessions a backfill could improve, newest first, for the list under the map. */
    ReadOnlyObjectProperty<List<CellDescriber.GapRow>> gapsProperty() {
        return gaps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
