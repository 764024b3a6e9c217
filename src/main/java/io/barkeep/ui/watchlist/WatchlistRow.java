package io.barkeep.ui.watchlist;

import io.barkeep.domain.Freshness;
import io.barkeep.domain.WatchlistEntry;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One watchlist line as the table edits it: active, priority and notes are writable (the view model stores a
 * change at once); the rest is what the cache says and changes only on reload.
 */
public final class WatchlistRow {
    private final String symbol;
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> priority = new SimpleObjectProperty<>(0);
    private final StringProperty notes = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Instant> added = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> lastUpdated = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> bars = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> noTrade = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> missing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Double> coverage = new ReadOnlyObjectWrapper<>();

    WatchlistRow(String symbol) {
        this.symbol = symbol;
    }

    /** Takes the stored values; {@code freshness} null while the cache holds nothing for the symbol. */
    void apply(WatchlistEntry entry, Freshness freshness) {
        active.set(entry.active());
        priority.set(entry.priority());
        notes.set(entry.notes() == null ? "" : entry.notes());
        added.set(entry.addedAt());
        lastUpdated.set(entry.lastUpdated());
        bars.set(freshness == null ? 0L : freshness.barCount());
        noTrade.set(freshness == null ? 0L : freshness.emptyCount());
        missing.set(freshness == null ? 0L
                : Math.max(0, freshness.expectedCount() - freshness.barCount() - freshness.emptyCount()));
        coverage.set(freshness == null || freshness.expectedCount() == 0 ? null : freshness.coveragePercent());
    }

    public String symbol() {
        return symbol;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<Integer> priorityProperty() {
        return priority;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ReadOnlyObjectProperty<Instant> addedProperty() {
        return added.getReadOnlyProperty();
    }

    /** When the updater last brought the symbol up to date; null if never. */
    public ReadOnlyObjectProperty<Instant> lastUpdatedProperty() {
        return lastUpdated.getReadOnlyProperty();
    }

    /** 5-minute bars held. */
    public ReadOnlyObjectProperty<Long> barsProperty() {
        return bars.getReadOnlyProperty();
    }

    /** Intervals the vendor confirmed had no trade: covered, but not bars. */
    public ReadOnlyObjectProperty<Long> noTradeProperty() {
        return noTrade.getReadOnlyProperty();
    }

    /** Expected bars neither held nor confirmed no-trade: held + no-trade + missing = expected. */
    public ReadOnlyObjectProperty<Long> missingProperty() {
        return missing.getReadOnlyProperty();
    }

    /** Percent of expected bars held or confirmed empty over the span held; null while nothing is expected. */
    public ReadOnlyObjectProperty<Double> coverageProperty() {
        return coverage.getReadOnlyProperty();
    }
}
