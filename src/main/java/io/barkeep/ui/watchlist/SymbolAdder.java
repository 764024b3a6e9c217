package io.barkeep.ui.watchlist;

import io.barkeep.source.SymbolCheck;
import io.barkeep.store.WatchlistRepository;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.settings.AppTerms;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds what the trader typed: good symbols not yet listed are stored (priority 0) and their last
 * {@value WatchlistViewModel#BACKFILL_DAYS} days queued as one background job; symbols already listed keep their
 * settings; bad tokens are reported with {@code Symbols.normalize}'s message and nothing of them is stored.
 */
final class SymbolAdder {
    /**
     * What an add stored: the new symbols, those that were listed already, those the source does not know, and
     * why some were added unchecked ("" when all were checked or the source keeps no symbol list).
     */
    record Added(List<String> added, List<String> already, List<String> unknown, String unchecked) {
    }

    private final AppServices services;
    private final UiState state;
    private final WatchlistMessages messages;

    SymbolAdder(AppServices services, UiState state, WatchlistMessages messages) {
        this.services = services;
        this.state = state;
        this.messages = messages;
    }

    /** Stores {@code in}'s good symbols off the FX thread; {@code onAdded} gets the result on the FX thread. */
    void add(SymbolInput in, Consumer<Added> onAdded) {
        if (in.symbols().isEmpty()) {
            report(new Added(List.of(), List.of(), List.of(), ""), in);
            return;
        }
        Instant now = services.clock().instant();
        services.ui().load(() -> store(in.symbols(), now), added -> {
            report(added, in);
            if (!added.added().isEmpty()) {
                onAdded.accept(added);
                state.dataChanged();
                backfill(added.added());
            }
        }, e -> messages.error("watchlist.saveFailed", String.join(", ", in.symbols()), e.getMessage()));
    }

    private Added store(List<String> symbols, Instant now) {
        WatchlistRepository watchlist = services.engine().watchlist();
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String unchecked = "";
        for (String s : symbols) {
            // Adding a listed symbol again would reset its priority and notes: it is reported instead.
            if (watchlist.find(s).isPresent()) {
                already.add(s);
                continue;
            }
            SymbolCheck check = services.data().source().checkSymbol(s);
            if (check.unknown()) {
                // The source says it has no such ticker: listing it would only collect failures.
                unknown.add(s);
            } else {
                // A vendor that cannot be asked never blocks an add: the symbol goes in, and the reason is shown.
                unchecked = check.warning().map(AppTerms::of).orElse(unchecked);
                watchlist.add(s, 0, null, now);
                added.add(s);
            }
        }
        return new Added(added, already, unknown, unchecked);
    }

    private void backfill(List<String> symbols) {
        String names = String.join(", ", symbols);
        LocalDate today = services.today();
        services.backfill(messages.format("watchlist.backfill.title", names), symbols,
                today.minusDays(WatchlistViewModel.BACKFILL_DAYS), today).whenComplete((r, e) ->
                services.ui().onFx(() -> {
                    if (e != null) {
                        messages.error("watchlist.backfill.failed", names, AppTerms.of(rootMessage(e)));
                    }
                    state.dataChanged();
                }));
    }

    private void report(Added result, SymbolInput in) {
        List<String> done = new ArrayList<>();
        if (!result.added().isEmpty()) {
            done.add(messages.format("watchlist.added", String.join(", ", result.added()),
                    WatchlistViewModel.BACKFILL_DAYS));
        }
        if (!result.already().isEmpty()) {
            done.add(messages.format("watchlist.already", String.join(", ", result.already())));
        }
        String error = "";
        if (!in.errors().isEmpty()) {
            error = in.errors().get(0) + (in.bad().size() == 1 ? "" : messages.format("watchlist.more",
                    in.bad().size() - 1, String.join(" ", in.bad().subList(1, in.bad().size()))));
        }
        if (!result.unknown().isEmpty()) {
            String unknown = messages.format("watchlist.unknown", String.join(", ", result.unknown()),
                    messages.format(services.data().source().simulated() ? "watchlist.feed.demo"
                            : "watchlist.feed.vendor"));
            error = error.isEmpty() ? unknown : error + " " + unknown;
        }
        if (!result.unchecked().isEmpty()) {
            String unchecked = messages.format("watchlist.unchecked", String.join(", ", result.added()),
                    result.unchecked());
            error = error.isEmpty() ? unchecked : error + " " + unchecked;
        }
        messages.show(error, String.join(" ", done));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
