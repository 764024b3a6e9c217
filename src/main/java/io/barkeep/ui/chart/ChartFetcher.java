package io.barkeep.ui.chart;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Fetches what the chart lacks from the source as a queued job: the first weeks of a symbol with nothing cached
 * (once per symbol, so a failing source is not hammered), or older history the view reached. When a job ends the
 * shared data version goes up, and the chart reloads.
 */
final class ChartFetcher {
    private final AppServices services;
    private final UiState state;
    private final ResourceBundle texts;
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper();
    private final Set<String> fetched = new HashSet<>();

    ChartFetcher(AppServices services, UiState state, ResourceBundle texts) {
        this.services = services;
        this.state = state;
        this.texts = texts;
    }

    /** Fetches the recent weeks of a symbol the cache has nothing of, once per symbol. */
    void fetchNew(String symbol, LocalDate from, Consumer<String> failed) {
        if (fetched.add(symbol)) {
            fetch(symbol, from, services.today(), false, failed);
        }
    }

    /** Fetches from..to of {@code symbol}; {@code older} shows the "loading older data" marker meanwhile. */
    void fetch(String symbol, LocalDate from, LocalDate to, boolean older, Consumer<String> failed) {
        loadingOlder.set(older || loadingOlder.get());
        services.backfill(MessageFormat.format(texts.getString("chart.backfillTitle"), symbol), List.of(symbol), from,
                to).whenComplete((result, error) -> services.ui().onFx(() -> {
                    if (older) {
                        loadingOlder.set(false);
                    }
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        failed.accept(MessageFormat.format(texts.getString("chart.failed"), symbol,
                                cause.getMessage()));
                    }
                    state.dataChanged();
                }));
    }

    ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }
}
