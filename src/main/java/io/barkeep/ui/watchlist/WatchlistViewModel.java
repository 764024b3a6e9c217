package io.barkeep.ui.watchlist;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.CacheEngine;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The watchlist editor's state and actions. Every change is stored at once off the FX thread; adding symbols
 * queues their backfill as a background job. Rows are reloaded, with bars cached and coverage from the freshness
 * service, whenever cached data changes.
 */
public final class WatchlistViewModel {
    /** Days of history a newly added symbol gets at once. */
    public static final int BACKFILL_DAYS = 90;

    /** The stored list and, per symbol, its freshness. */
    private record Snapshot(List<WatchlistEntry> entries, Map<String, Freshness> freshness) {
    }

    private final AppServices services;
    private final UiState state;
    // Active in the extractor: the count of active symbols follows a tick in the table.
    private final ObservableList<WatchlistRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.activeProperty()});
    private final FilteredList<WatchlistRow> visible = new FilteredList<>(rows);
    private final StringProperty input = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final WatchlistMessages messages;
    private final SymbolAdder adder;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<String> lastAdded = new ReadOnlyObjectWrapper<>();
    // Edits are stored one after another, so a quick second edit of a row can never be overtaken by the first.
    private CompletableFuture<?> writes = CompletableFuture.completedFuture(null);
    private boolean applying;
    private String pendingSelect;
    private boolean loadFailed;
    private int generation;

    public WatchlistViewModel(AppServices services, UiState state, ResourceBundle text) {
        this.services = services;
        this.state = state;
        this.messages = new WatchlistMessages(text);
        this.adder = new SymbolAdder(services, state, messages);
        filter.addListener((obs, was, now) -> visible.setPredicate(matching(now)));
        state.dataVersionProperty().addListener((obs, was, now) -> reload());
    }

    /** The first load: at once when the database is open, else as soon as it is (the app opens it behind). */
    public void start() {
        services.ready().thenRun(() -> services.ui().onFx(this::reload));
    }

    /** Reads the watchlist and each symbol's freshness in the background; the newest reload wins. */
    public void reload() {
        int mine = ++generation;
        loading.set(true);
        services.ui().load(this::read, snapshot -> {
            if (mine == generation) {
                apply(snapshot);
                loading.set(false);
                if (loadFailed) {
                    messages.show("", "");
                    loadFailed = false;
                }
            }
        }, e -> {
            if (mine == generation) {
                loading.set(false);
                loadFailed = true;
                messages.error("watchlist.loadFailed", e.getMessage());
            }
        });
    }

    private Snapshot read() {
        CacheEngine engine = services.engine();
        List<WatchlistEntry> entries = engine.watchlist().list();
        // The report the other views share covers every watched symbol (see FreshnessService.computeAll).
        Map<String, Freshness> all = services.freshness().bySymbol();
        Map<String, Freshness> freshness = new HashMap<>();
        for (WatchlistEntry e : entries) {
            Freshness f = all.get(e.symbol());
            freshness.put(e.symbol(), f != null ? f : engine.freshness().compute(e.symbol()));
        }
        return new Snapshot(entries, freshness);
    }

    private void apply(Snapshot snapshot) {
        Map<String, WatchlistRow> existing = rows.stream().collect(Collectors.toMap(WatchlistRow::symbol,
                Function.identity()));
        List<WatchlistRow> next = new ArrayList<>();
        applying = true;
        try {
            for (WatchlistEntry e : snapshot.entries()) {
                WatchlistRow row = existing.computeIfAbsent(e.symbol(), this::newRow);
                row.apply(e, snapshot.freshness().get(e.symbol()));
                next.add(row);
            }
        } finally {
            applying = false;
        }
        // Replacing the list clears the table's selection: only do it when the rows really changed.
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        if (pendingSelect != null && existing.containsKey(pendingSelect)) {
            lastAdded.set(null);
            lastAdded.set(pendingSelect);
            pendingSelect = null;
        }
    }

    private WatchlistRow newRow(String symbol) {
        WatchlistRow row = new WatchlistRow(symbol);
        row.activeProperty().addListener((obs, was, now) -> store(row));
        row.priorityProperty().addListener((obs, was, now) -> store(row));
        row.notesProperty().addListener((obs, was, now) -> store(row));
        return row;
    }

    /**
     * Adds what the input field holds. Bad tokens stay in the field, so the trader fixes only what was wrong; the
     * first new symbol is selected once it shows.
     */
    public void add() {
        SymbolInput in = SymbolInput.parse(input.get());
        if (in.isEmpty()) {
            return;
        }
        input.set(String.join(" ", in.bad()));
        adder.add(in, added -> pendingSelect = added.added().get(0));
    }

    /** Removes {@code selected} from the watchlist (the caller has asked the trader); cached bars stay. */
    public void remove(List<WatchlistRow> selected) {
        remove(selected, false);
    }

    /**
     * Removes {@code selected} from the watchlist (the caller has asked the trader); with {@code purge} their cached
     * bars, no-trade markers and coverage go too.
     */
    public void remove(List<WatchlistRow> selected, boolean purge) {
        List<String> symbols = selected.stream().map(WatchlistRow::symbol).toList();
        if (symbols.isEmpty()) {
            return;
        }
        services.ui().load(() -> {
            symbols.forEach(services.engine().watchlist()::remove);
            if (purge) {
                symbols.forEach(services.engine().retention()::purge);
            }
            return symbols;
        }, removed -> {
            rows.removeIf(r -> removed.contains(r.symbol()));
            messages.info(purge ? "watchlist.purged" : "watchlist.removed", String.join(", ", removed));
            state.dataChanged();
        }, e -> messages.error("watchlist.saveFailed", String.join(", ", symbols), e.getMessage()));
    }

    private void store(WatchlistRow row) {
        if (applying) {
            return;
        }
        boolean active = row.activeProperty().get();
        int priority = row.priorityProperty().get() == null ? 0 : row.priorityProperty().get();
        String notes = row.notesProperty().get() == null || row.notesProperty().get().isBlank() ? null
                : row.notesProperty().get().strip();
        writes = writes.handle((x, e) -> null).thenCompose(x -> services.ui().load(
                () -> services.engine().watchlist().update(row.symbol(), active, priority, notes),
                stored -> {
                    if (stored) {
                        messages.info("watchlist.saved", row.symbol());
                    } else {
                        messages.error("watchlist.gone", row.symbol());
                    }
                },
                e -> messages.error("watchlist.saveFailed", row.symbol(), e.getMessage())));
    }

    private static Predicate<WatchlistRow> matching(String filterText) {
        String f = filterText == null ? "" : filterText.strip().toUpperCase(Locale.ROOT);
        if (f.isEmpty()) {
            return null;
        }
        return r -> r.symbol().contains(f) || r.notesProperty().get().toUpperCase(Locale.ROOT).contains(f);
    }

    /** Every row, in stored order (highest priority first). */
    public ObservableList<WatchlistRow> rows() {
        return rows;
    }

    /** The rows the filter lets through. */
    public ObservableList<WatchlistRow> visibleRows() {
        return visible;
    }

    /** The add field's text. */
    public StringProperty inputProperty() {
        return input;
    }

    /** The filter field's text: matches symbols and notes. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The messages beside the add field. */
    public WatchlistMessages messages() {
        return messages;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The symbol added last, for the table to select and show. */
    public ReadOnlyObjectProperty<String> lastAddedProperty() {
        return lastAdded.getReadOnlyProperty();
    }
}
