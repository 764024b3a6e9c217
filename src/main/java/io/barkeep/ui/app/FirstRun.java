package io.barkeep.ui.app;

import io.barkeep.ui.common.UiState;
import java.util.List;

/**
 * A newcomer's first start: the settings file is written (so this happens once), a small sample watchlist is
 * added, and its last three months are backfilled in the background so data shows within seconds. A database
 * that already holds a watchlist or any bars is someone's cache, not a newcomer's: it gets no sample symbols.
 */
final class FirstRun {
    static final List<String> SAMPLE = List.of("AAPL", "MSFT", "NVDA", "SPY", "TSLA");
    private static final int SAMPLE_DAYS = 90;

    private final AppServices services;
    private final UiState state;

    FirstRun(AppServices services, UiState state) {
        this.services = services;
        this.state = state;
    }

    /** Seeds the sample when the database is empty; the future says whether it did. */
    java.util.concurrent.CompletableFuture<Boolean> seed() {
        java.util.concurrent.CompletableFuture<Boolean> done = services.ui().supply(() -> {
            services.settings().save(services.dataFolder());
            if (!services.engine().watchlist().list().isEmpty() || !services.engine().bars().symbols().isEmpty()) {
                return false;
            }
            int priority = SAMPLE.size();
            for (String symbol : SAMPLE) {
                services.engine().watchlist().add(symbol, priority--, "sample", services.clock().instant());
            }
            return true;
        });
        done.thenAccept(seeded -> services.ui().onFx(() -> {
            // Someone's cache, left as it is: the views on screen read it once already, no second time.
            if (seeded) {
                state.dataChanged();
                services.backfill("Backfilling the sample watchlist", SAMPLE,
                        services.today().minusDays(SAMPLE_DAYS), services.today())
                        .whenComplete((r, e) -> services.ui().onFx(state::dataChanged));
            }
        }));
        return done;
    }
}
