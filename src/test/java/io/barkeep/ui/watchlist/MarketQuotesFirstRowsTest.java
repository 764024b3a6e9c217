package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionQuote;
import io.barkeep.store.BarBatch;
import io.barkeep.sync.Settings;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.FxUiExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.collections.MapChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long watchlist's quotes (a real SQLite file, the real background executor): the rows a window shows first come
 * in before any row below them, and every row ends with its own figures.
 */
@ExtendWith(ApplicationExtension.class)
class MarketQuotesFirstRowsTest {
    private static final Instant NOW = Instant.parse("2024-03-15T21:00:00Z");
    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 14);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);
    private static final int SYMBOLS = MarketQuotes.FIRST_ROWS + 7;

    @TempDir
    Path dir;
    private FxUiExecutor io;
    private AppServices services;

    @Start
    void start(Stage stage) {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
    }

    @AfterEach
    void stop() {
        services.close();
        io.close();
    }

    @Test
    void theFirstRowsQuotesComeBeforeTheOthersAndEveryRowGetsItsOwn() throws Exception {
        Session thursday = services.engine().bars().calendar().session(THURSDAY).orElseThrow();
        Session friday = services.engine().bars().calendar().session(FRIDAY).orElseThrow();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            String symbol = "Q" + (char) ('A' + i / 26) + (char) ('A' + i % 26);
            symbols.add(symbol);
            // Thursday closes at 100.00; Friday trades once at 100.00 + i cents on 1,000 + i shares.
            long close = 1_000_000L + 100L * i;
            services.engine().bars().write(BarBatch.of(symbol, List.of(
                    Bar.of(thursday.open(), 1_000_000L, 1_000_000L, 1_000_000L, 1_000_000L, 10),
                    Bar.of(friday.open(), close, close, close, close, 1_000 + i))));
        }
        MarketQuotes quotes = new MarketQuotes(services);
        List<String> arrived = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            quotes.quotes().addListener((MapChangeListener<String, SessionQuote>) c -> {
                if (c.wasAdded()) {
                    arrived.add(c.getKey());
                }
            });
            quotes.reload(symbols, true);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> quotes.quotes().size() == SYMBOLS);
        WaitForAsyncUtils.waitForFxEvents();

        Set<String> firstArrived = new HashSet<>(arrived.subList(0, MarketQuotes.FIRST_ROWS));
        assertEquals(Set.copyOf(symbols.subList(0, MarketQuotes.FIRST_ROWS)), firstArrived,
                "the first rows' quotes arrive before any other row's");
        for (int i = 0; i < SYMBOLS; i++) {
            SessionQuote q = quotes.quotes().get(symbols.get(i));
            assertEquals(new SessionQuote(1_000_000L + 100L * i, 1_000_000L, 1_000 + i), q, symbols.get(i));
        }
    }
}
