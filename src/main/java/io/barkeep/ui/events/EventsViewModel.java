package io.barkeep.ui.events;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.ui.app.AppServices;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The safety events, newest first, loaded in the background and filtered in memory by symbol, kind and a
 * free text. The symbol and kind choices come from the loaded events, with {@link #ALL} first.
 */
public final class EventsViewModel {
    /** The "no filter" choice of the symbol and kind lists. */
    public static final String ALL = "";
    /** Events loaded at most: the newest ones; older ones are rarely what a person looks for. */
    static final int LIMIT = 10_000;

    private final AppServices services;
    private final ObservableList<SafetyEvent> events = FXCollections.observableArrayList();
    private final FilteredList<SafetyEvent> shown = new FilteredList<>(events);
    private final ObservableList<String> kinds = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> symbols = FXCollections.observableArrayList(ALL);
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> symbol = new SimpleObjectProperty<>(ALL);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper truncated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public EventsViewModel(AppServices services) {
        this.services = services;
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter, kind, symbol, text));
    }

    /** Reloads the events in the background; call on the FX thread. */
    public void refresh() {
        loading.set(true);
        // Views load before the database has opened: wait for it without holding a thread, then read.
        services.ready().whenComplete((x, e) -> services.ui().onFx(this::load));
    }

    private void load() {
        services.ui().load(() -> services.engine().events().since(Instant.EPOCH, LIMIT), this::apply, failure -> {
            loading.set(false);
            error.set(String.valueOf(failure.getMessage()));
        });
    }

    private void apply(List<SafetyEvent> loaded) {
        events.setAll(loaded);
        truncated.set(loaded.size() >= LIMIT);
        choices(kinds, kind, loaded, SafetyEvent::kind);
        choices(symbols, symbol, loaded, SafetyEvent::symbol);
        loading.set(false);
        error.set("");
    }

    /** Refills a choice list from the data, keeping the chosen value when it is still there. */
    private static void choices(ObservableList<String> list, ObjectProperty<String> chosen, List<SafetyEvent> loaded,
                                Function<SafetyEvent, String> field) {
        String keep = chosen.get();
        List<String> values = loaded.stream().map(field).filter(Objects::nonNull).distinct().sorted().toList();
        list.setAll(ALL);
        list.addAll(values);
        chosen.set(keep != null && list.contains(keep) ? keep : ALL);
    }

    private Predicate<SafetyEvent> filter() {
        String k = kind.get();
        String s = symbol.get();
        String t = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        return e -> (k == null || k.equals(ALL) || k.equals(e.kind()))
                && (s == null || s.equals(ALL) || s.equals(e.symbol()))
                && (t.isEmpty() || contains(e.message(), t) || contains(e.kind(), t) || contains(e.symbol(), t)
                || contains(e.source(), t));
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** The events that pass the filters, newest first. */
    public ObservableList<SafetyEvent> shownEvents() {
        return shown;
    }

    /** Every loaded event. */
    public ObservableList<SafetyEvent> allEvents() {
        return events;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> symbols() {
        return symbols;
    }

    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public ObjectProperty<String> symbolProperty() {
        return symbol;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when the load hit {@link #LIMIT}: older events exist that are not shown. */
    public ReadOnlyBooleanProperty truncatedProperty() {
        return truncated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
