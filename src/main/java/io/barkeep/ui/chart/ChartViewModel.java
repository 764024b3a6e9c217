package io.barkeep.ui.chart;

import io.barkeep.domain.Interval;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The chart's state: which symbol at which interval, its candles, the visible range, and what is loading. Reads
 * happen in the background; the candles of another interval are rebuilt from the bars already read. When the user
 * moves the view's left edge onto the oldest loaded session, the months before it are backfilled and the chart
 * reloads when the data version goes up.
 */
public final class ChartViewModel {
    /** How much older history one lazy backfill asks for. */
    static final int OLDER_MONTHS = 3;

    private final AppServices services;
    private final UiState state;
    private final ResourceBundle texts;
    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper symbol = new ReadOnlyStringWrapper();
    private final ObjectProperty<Interval> interval = new SimpleObjectProperty<>(Interval.FIVE_MINUTES);
    private final ReadOnlyObjectWrapper<ChartData> data = new ReadOnlyObjectWrapper<>(ChartData.NONE);
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(Viewport.NONE);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Symbols whose empty cache this view already asked the source for, so a failing source is not hammered. */
    private final Set<String> fetched = new HashSet<>();

    private ChartSnapshot snapshot;
    private LocalDate loadedFrom;
    private LocalDate target;
    private int generation;
    /** Set while this view model moves the viewport itself: only the user's moves start a backfill. */
    private boolean adjusting;

    public ChartViewModel(AppServices services, UiState state, ResourceBundle texts) {
        this.services = services;
        this.state = state;
        this.texts = texts;
    }

    /** Starts following the shared state: opens the chart target, or else the first watchlist symbol. */
    public void start() {
        state.dataVersionProperty().addListener((obs, was, now) -> dataChanged());
        state.chartTargetProperty().addListener((obs, was, t) -> {
            if (t != null) {
                open(t.symbol(), t.date());
            }
        });
        interval.addListener((obs, was, now) -> rebuild());
        viewport.addListener((obs, was, now) -> {
            if (!adjusting) {
                maybeLoadOlder(now);
            }
        });
        UiState.ChartTarget t = state.chartTargetProperty().get();
        if (t != null) {
            open(t.symbol(), t.date());
        }
        loadSymbols();
    }

    /** Shows {@code symbol} (already normalized) at its most recent sessions. */
    public void open(String symbol) {
        open(symbol, null);
    }

    private void open(String sym, LocalDate date) {
        if (sym.equals(symbol.get()) && snapshot != null && date != null && !date.isBefore(loadedFrom)) {
            adjust(ChartViews.around(data.get(), date));
            return;
        }
        symbol.set(sym);
        target = date;
        snapshot = null;
        loadedFrom = null;
        read(false);
    }

    private void loadSymbols() {
        services.ui().load(() -> services.engine().watchlist().list().stream().map(WatchlistEntry::symbol).toList(),
                list -> {
                    if (!symbols.equals(list)) {
                        symbols.setAll(list);
                    }
                    if (symbol.get() == null && !list.isEmpty()) {
                        open(list.get(0));
                    } else if (symbol.get() == null) {
                        message.set(texts.getString("chart.noSymbol"));
                    }
                }, e -> message.set(e.getMessage()));
    }

    private void dataChanged() {
        loadSymbols();
        if (symbol.get() != null) {
            read(true);
        }
    }

    private void read(boolean keepView) {
        int g = ++generation;
        String sym = symbol.get();
        Interval iv = interval.get();
        LocalDate from = loadedFrom;
        LocalDate around = target;
        LocalDate today = services.today();
        LocalDate oldest = oldest();
        loading.set(true);
        services.ui().load(() -> {
            var engine = services.engine();
            // Data may have arrived before the loaded range since the last read (a backfill): take it in too.
            LocalDate f = ChartLoader.initialFrom(engine, sym, around, today, oldest);
            f = from != null && from.isBefore(f) ? from : f;
            ChartSnapshot s = ChartLoader.read(engine, sym, f, today);
            return new Object[] {s, ChartData.build(s, iv)};
        }, r -> {
            if (g == generation) {
                apply((ChartSnapshot) r[0], (ChartData) r[1], keepView);
            }
        }, e -> failed(g, e));
    }

    private void rebuild() {
        if (snapshot == null) {
            if (symbol.get() != null) {
                read(true);
            }
            return;
        }
        int g = ++generation;
        ChartSnapshot s = snapshot;
        Interval iv = interval.get();
        loading.set(true);
        services.ui().load(() -> ChartData.build(s, iv), d -> {
            if (g == generation) {
                apply(s, d, true);
            }
        }, e -> failed(g, e));
    }

    private void apply(ChartSnapshot s, ChartData d, boolean keepView) {
        ChartData old = data.get();
        Viewport oldView = viewport.get();
        snapshot = s;
        loadedFrom = s.from();
        loading.set(false);
        data.set(d);
        if (target != null) {
            adjust(ChartViews.around(d, target));
            target = null;
        } else if (keepView && old.size > 0 && old.symbol.equals(d.symbol)) {
            adjust(ChartViews.remap(old, oldView, d));
        } else {
            adjust(Viewport.atEnd(d.size, ChartViews.defaultCount(d.interval)));
        }
        message.set(s.bars().isEmpty() ? MessageFormat.format(texts.getString("chart.noBars"), s.symbol()) : "");
        if (s.bars().isEmpty() && fetched.add(s.symbol())) {
            backfill(s.from(), services.today(), false);
        }
    }

    private void adjust(Viewport v) {
        adjusting = true;
        try {
            viewport.set(v);
        } finally {
            adjusting = false;
        }
    }

    private void failed(int g, Throwable e) {
        if (g == generation) {
            loading.set(false);
            message.set(MessageFormat.format(texts.getString("chart.failed"), symbol.get(), e.getMessage()));
        }
    }

    private LocalDate oldest() {
        return services.today().minusDays(services.settings().retainDays());
    }

    private void maybeLoadOlder(Viewport v) {
        if (loadingOlder.get() || loading.get() || snapshot == null || data.get().size == 0 || v.first() > 0
                || !loadedFrom.isAfter(oldest())) {
            return;
        }
        LocalDate to = loadedFrom.minusDays(1);
        LocalDate from = loadedFrom.minusMonths(OLDER_MONTHS);
        loadedFrom = from.isBefore(oldest()) ? oldest() : from;
        backfill(loadedFrom, to, true);
    }

    private void backfill(LocalDate from, LocalDate to, boolean older) {
        String sym = symbol.get();
        loadingOlder.set(older || loadingOlder.get());
        services.backfill(MessageFormat.format(texts.getString("chart.backfillTitle"), sym), List.of(sym), from, to)
                .whenComplete((result, error) -> services.ui().onFx(() -> {
                    if (older) {
                        loadingOlder.set(false);
                    }
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        message.set(MessageFormat.format(texts.getString("chart.failed"), sym, cause.getMessage()));
                    }
                    state.dataChanged();
                }));
    }

    /** Shows every loaded slot. */
    public void fit() {
        viewport.set(Viewport.fit(data.get().size));
    }

    /** How many candles the view shows now. */
    public int visibleCandles() {
        ChartData d = data.get();
        return d.countBars(viewport.get().from(), viewport.get().to(d.size));
    }

    /** The readout of slot {@code slot}, or of the newest candle on screen when the crosshair is off the chart. */
    public String readout(int slot) {
        ChartData d = data.get();
        int i = slot < 0 ? ChartViews.newestVisibleBar(d, viewport.get()) : slot;
        return i < 0 ? "" : ChartReadout.describe(d, i, texts);
    }

    public ObservableList<String> symbols() {
        return symbols;
    }

    public ReadOnlyStringProperty symbolProperty() {
        return symbol.getReadOnlyProperty();
    }

    public ObjectProperty<Interval> intervalProperty() {
        return interval;
    }

    public ReadOnlyObjectProperty<ChartData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
