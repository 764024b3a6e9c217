package io.barkeep.ui.chart;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Interval;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ResourceBundle;
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
    private final ObjectProperty<Adjustment> adjustment = new SimpleObjectProperty<>(Adjustment.SPLITS);
    private final ReadOnlyObjectWrapper<ActionMarks> marks = new ReadOnlyObjectWrapper<>(ActionMarks.NONE);
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(Viewport.NONE);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ChartFetcher fetcher;

    private ChartSnapshot snapshot;
    private LocalDate loadedFrom;
    private LocalDate target;
    /** A range preset waiting for the older data it needs. */
    private ChartRange pendingRange;
    private int generation;
    /** Set while this view model moves the viewport itself: only the user's moves start a backfill. */
    private boolean adjusting;

    public ChartViewModel(AppServices services, UiState state, ResourceBundle texts) {
        this.services = services;
        this.state = state;
        this.texts = texts;
        this.fetcher = new ChartFetcher(services, state, texts);
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
        adjustment.addListener((obs, was, now) -> {
            if (symbol.get() != null) {
                read(true);
            }
        });
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
        services.ui().load(() -> ChartLoader.symbols(services.engine()),
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
        Adjustment adjust = adjustment.get();
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
            ChartSnapshot s = ChartLoader.read(engine, sym, f, today, adjust);
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
        marks.set(s.marks());
        data.set(d);
        if (target != null) {
            adjust(ChartViews.around(d, target));
            target = null;
        } else if (pendingRange != null && d.size > 0) {
            adjust(ChartViews.range(d, pendingRange));
            pendingRange = null;
        } else if (keepView && old.size > 0 && old.symbol.equals(d.symbol)) {
            adjust(ChartViews.remap(old, oldView, d));
        } else {
            adjust(Viewport.atEnd(d.size, ChartViews.defaultCount(d.interval)));
        }
        // A fetch that failed stays said until the settings change: the reload after it must not say "fetching".
        message.set(!s.bars().isEmpty() ? "" : fetcher.failure(s.symbol())
                .orElse(MessageFormat.format(texts.getString("chart.noBars"), s.symbol())));
        if (s.bars().isEmpty()) {
            fetcher.fetchNew(s.symbol(), s.from(), message::set);
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
        if (!fetcher.loadingOlderProperty().get() && !loading.get() && snapshot != null && data.get().size > 0 && v.first() <= 0) {
            fetchBefore(loadedFrom.minusMonths(OLDER_MONTHS));
        }
    }

    /** Fetches from {@code from} up to the loaded data when that lies before it, within retention. */
    private boolean fetchBefore(LocalDate from) {
        LocalDate loaded = loadedFrom;
        if (loaded == null || !from.isBefore(loaded) || !loaded.isAfter(oldest())) {
            return false;
        }
        loadedFrom = from.isBefore(oldest()) ? oldest() : from;
        fetcher.fetch(symbol.get(), loadedFrom, loaded.minusDays(1), true, message::set);
        return true;
    }

    /**
     * Shows the sessions of {@code range} up to the newest; when they reach before the loaded data, the older
     * sessions are fetched first and the range is shown again when they arrive.
     */
    public void showRange(ChartRange range) {
        ChartData d = data.get();
        if (d.size > 0) {
            adjust(ChartViews.range(d, range));
            LocalDate from = range.from(d.sessionDate[d.sessionCount() - 1]);
            pendingRange = from != null && fetchBefore(from) ? range : null;
        }
    }

    /** Centres the session of {@code date}, fetching it first when it lies before the loaded data. */
    public void goTo(LocalDate date) {
        boolean fetching = fetchBefore(date.minusDays(ChartLoader.TARGET_CONTEXT_DAYS));
        open(symbol.get(), date);
        if (fetching) {
            // Centred again when the older sessions arrive.
            target = date;
        }
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
        return ChartReadout.line(data.get(), viewport.get(), slot, texts);
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

    /** How the bars are read: split-adjusted (the default) or raw; a change reloads them. */
    public ObjectProperty<Adjustment> adjustmentProperty() {
        return adjustment;
    }

    /** The splits, dividends and suspected splits of the loaded range, and the adjustment the candles carry. */
    ReadOnlyObjectProperty<ActionMarks> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingOlderProperty() {
        return fetcher.loadingOlderProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
