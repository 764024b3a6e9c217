package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionQuote;
import io.barkeep.domain.TradingCalendar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchlist's quotes, read from a real database: what each symbol's latest session stands at. */
class SessionQuoteReaderTest {
    private static final Session FRI = TestBars.regular("2024-03-08");
    private static final Session MON = TestBars.regular("2024-03-11");
    private static final Session TUE = TestBars.regular("2024-03-12");
    private static final TradingCalendar CALENDAR = TestBars.calendar(FRI, MON, TUE);

    @TempDir
    Path dir;
    private Database db;
    private BarStore store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir, "trading_data.db");
        store = new BarStore(db, CALENDAR, 16L * 1024 * 1024, Clock.fixed(TUE.close(), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Bar bar(Instant start, double close, long volume) {
        long c = Math.round(close * Prices.SCALE);
        return Bar.of(start, c, c, c, c, volume);
    }

    private void write(String symbol, Bar... bars) {
        store.write(BarBatch.of(symbol, List.of(bars)));
    }

    @Test
    void theLastPriceAndVolumeAreTheLatestSessionsAndThePreviousCloseIsTheSessionBeforesLastBar() {
        write("AAPL",
                bar(FRI.open(), 90.00, 1),                           // two sessions back: not counted
                bar(MON.open(), 99.00, 500),
                bar(TestBars.at(MON, "15:55"), 100.00, 700),         // Monday's last bar
                bar(TUE.open(), 101.00, 1_000),
                bar(TestBars.at(TUE, "09:35"), 102.50, 2_000));

        assertEquals(Map.of("AAPL", new SessionQuote(1_025_000, 1_000_000, 3_000)),
                store.sessionQuotes(List.of("AAPL")));
    }

    @Test
    void aSymbolWhoseLatestSessionIsOlderIsQuotedOnIt() {
        // MSFT's newest bar is Monday's: Monday against Friday, even though Tuesday is in the calendar
        write("MSFT", bar(TestBars.at(FRI, "15:55"), 50.00, 5), bar(MON.open(), 51.00, 10),
                bar(TestBars.at(MON, "10:00"), 52.00, 20));

        assertEquals(new SessionQuote(520_000, 500_000, 30), store.sessionQuotes(List.of("MSFT")).get("MSFT"));
    }

    @Test
    void withoutABarOfThePreviousSessionOrWithoutAPreviousSessionTheCloseIsUnknown() {
        write("NEW", bar(TUE.open(), 20.00, 7));        // listed on Tuesday: nothing held on Monday
        write("FIRST", bar(FRI.open(), 30.00, 8));      // Friday is the calendar's first session

        Map<String, SessionQuote> quotes = store.sessionQuotes(List.of("NEW", "FIRST"));

        assertEquals(new SessionQuote(200_000, Bar.UNKNOWN, 7), quotes.get("NEW"));
        assertEquals(new SessionQuote(300_000, Bar.UNKNOWN, 8), quotes.get("FIRST"));
    }

    @Test
    void aSymbolWithoutBarsHasNoQuote() {
        write("AAPL", bar(TUE.open(), 101.00, 1_000));

        Map<String, SessionQuote> quotes = store.sessionQuotes(List.of("AAPL", "NEVER"));

        assertEquals(List.of("AAPL"), List.copyOf(quotes.keySet()));
    }
}
