package io.barkeep.ui.watchlist;

import io.barkeep.domain.SessionQuote;
import io.barkeep.ui.app.AppServices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchlist's market figures, one {@link SessionQuote} per symbol, read from the cache in the background and
 * put in place on the FX thread; the newest reload wins.
 */
final class MarketQuotes {
    private static final Logger LOG = LoggerFactory.getLogger(MarketQuotes.class);
    /**
     * The rows a window shows at once: their quotes are read and put in place first, then the others'. 554 symbols'
     * quotes took 1.3-1.6 s to read cold when each symbol's two sessions of bars were read; the database's sums
     * ({@code BarStore.sessionQuotes}) take 0.2-0.3 s in a cold JVM and 12-20 ms warm, but the first rows need not
     * wait for the last.
     */
    static final int FIRST_ROWS = 40;

    private final AppServices services;
    private final ObservableMap<String, SessionQuote> quotes = FXCollections.observableHashMap();
    private int generation;
    private java.util.Set<String> lastAsked = java.util.Set.of();

    MarketQuotes(AppServices services) {
        this.services = services;
    }

    /**
     * Reads the quotes of {@code symbols} off the FX thread; unless {@code dataChanged}, only when the symbols
     * differ from the last ones asked for (sorting the table reorders its rows without changing them).
     */
    void reload(List<String> symbols, boolean dataChanged) {
        java.util.Set<String> asked = java.util.Set.copyOf(symbols);
        if (!dataChanged && asked.equals(lastAsked)) {
            return;
        }
        lastAsked = asked;
        int g = ++generation;
        List<String> copy = List.copyOf(symbols);
        int head = copy.size() > FIRST_ROWS ? FIRST_ROWS : 0;
        services.ui().load(() -> {
            Map<String, SessionQuote> all = new HashMap<>();
            if (head > 0) {
                Map<String, SessionQuote> first = services.engine().bars().sessionQuotes(copy.subList(0, head));
                all.putAll(first);
                // Added beside the quotes still shown (a reload's old ones go when the whole read is in).
                services.ui().onFx(() -> {
                    if (g == generation) {
                        quotes.putAll(first);
                    }
                });
            }
            all.putAll(services.engine().bars().sessionQuotes(copy.subList(head, copy.size())));
            return all;
        }, map -> {
            if (g == generation) {
                quotes.keySet().retainAll(map.keySet());
                quotes.putAll(map);
            }
        }, e -> LOG.warn("market columns not read", e));
    }

    ObservableMap<String, SessionQuote> quotes() {
        return quotes;
    }
}
