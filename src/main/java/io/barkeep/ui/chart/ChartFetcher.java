package io.barkeep.ui.chart;

import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.settings.AppTerms;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Fetches what the chart lacks from the source as a queued job: the first weeks of a symbol with nothing cached
 * (once per symbol, so a failing source is not hammered), or older history the view reached. When a job ends the
 * shared data version goes up, and the chart reloads.
 * <p>
 * The source is asked whether it answers first, outside the job queue: a terminal that is not running says so at
 * once (not after the jobs ahead of this one), a hung one after {@link #READY_WAIT}. A failure is kept per symbol
 * until the settings change, so the reload that follows it shows the failure and how to fix it, not "fetching".
 */
final class ChartFetcher {
    /** How long the chart waits for the source's readiness check before it says the source does not answer. */
    static final Duration READY_WAIT = Duration.ofSeconds(5);

    private final AppServices services;
    private final UiState state;
    private final ResourceBundle texts;
    private final ReadOnlyBooleanWrapper loadingOlder = new ReadOnlyBooleanWrapper();
    private final Set<String> fetched = new HashSet<>();
    private final Map<String, String> failures = new HashMap<>();

    ChartFetcher(AppServices services, UiState state, ResourceBundle texts) {
        this.services = services;
        this.state = state;
        this.texts = texts;
        // Another source or terminal may answer: what failed before is asked again.
        services.settingsProperty().addListener((o, before, now) -> {
            fetched.clear();
            failures.clear();
        });
    }

    /** Fetches the recent weeks of a symbol the cache has nothing of, once per symbol. */
    void fetchNew(String symbol, LocalDate from, Consumer<String> failed) {
        if (fetched.add(symbol)) {
            fetch(symbol, from, services.today(), false, failed);
        }
    }

    /** Why the last fetch of {@code symbol} failed, one line in the app's terms; empty when it did not. */
    Optional<String> failure(String symbol) {
        return Optional.ofNullable(failures.get(symbol));
    }

    /** Fetches from..to of {@code symbol}; {@code older} shows the "loading older data" marker meanwhile. */
    void fetch(String symbol, LocalDate from, LocalDate to, boolean older, Consumer<String> failed) {
        loadingOlder.set(older || loadingOlder.get());
        Consumer<Throwable> fail = error -> services.ui().onFx(() -> {
            if (older) {
                loadingOlder.set(false);
            }
            String text = explain(symbol, error);
            failures.put(symbol, text);
            failed.accept(text);
        });
        services.ui().supply(() -> {
            services.data().source().checkReady();
            return null;
        }).orTimeout(READY_WAIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ready, notReady) -> {
            if (notReady != null) {
                fail.accept(notReady);
                return;
            }
            services.backfill(MessageFormat.format(texts.getString("chart.backfillTitle"), symbol), List.of(symbol),
                    from, to).whenComplete((result, error) -> {
                        if (error != null) {
                            fail.accept(error);
                        } else if (!result.failures().isEmpty()) {
                            // the vendor was asked and gave up (timeouts, errors): say so, not "fetching"
                            fail.accept(new IllegalStateException(result.failures().get(0)));
                        } else if (older) {
                            services.ui().onFx(() -> loadingOlder.set(false));
                        }
                        services.ui().onFx(state::dataChanged);
                    });
        });
    }

    /** One line: what failed, in the app's terms, and where to fix it (Settings) when the message does not say. */
    private String explain(String symbol, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause instanceof TimeoutException
                ? MessageFormat.format(texts.getString("chart.noAnswer"), READY_WAIT.toSeconds())
                : AppTerms.of(String.valueOf(cause.getMessage()));
        String text = MessageFormat.format(texts.getString("chart.fetchFailed"), symbol, why);
        return why.contains("Settings") ? text : text + " " + texts.getString("chart.fixInSettings");
    }

    ReadOnlyBooleanProperty loadingOlderProperty() {
        return loadingOlder.getReadOnlyProperty();
    }
}
