package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.source.simulated.SimulatedSource;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.TestDatabases;
import io.barkeep.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lazy cache over a real SQLite file and the real simulated feed. */
class MarketDataTest {
    /** Monday 2024-06-03, 16:30 New York: the session has closed. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-03T20:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private CacheEngine engine;
    private CountingSource source;
    private MarketData data;

    @BeforeEach
    void open() {
        engine = CacheEngine.open(TestDatabases.location(dir, "demo.db"), NyseCalendar.load(), 0, CLOCK);
        // No outages: this test is about what is asked, not about repairs.
        source = new CountingSource(new SimulatedSource(NyseCalendar.load(), CLOCK,
                SimulatedSource.Options.defaults().withOutageRate(0)));
        data = new MarketData(engine, source, 2, d -> { });
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aFirstReadFetchesWhatIsMissingAndTheSameReadAgainAsksNothing() {
        var first = data.getHistoricalBars("AAPL", Interval.FIVE_MINUTES, 30);
        int asked = source.requests.size();
        assertTrue(asked > 0);
        // 2024-05-04..06-03: 20 sessions (Memorial Day closed) of 78 bars, less the no-trade ones.
        assertTrue(first.bars().size() > 20 * 78 * 0.98 && first.bars().size() <= 20 * 78, "" + first.bars().size());
        assertTrue(first.simulated());

        var second = data.getHistoricalBars("AAPL", Interval.FIVE_MINUTES, 30);
        assertEquals(asked, source.requests.size(), "no vendor request the second time");
        assertEquals(first.bars(), second.bars());
    }

    @Test
    void requestsAreAtMostAMonthAndTheLatestSessionsComeOneDayAtATime() {
        data.getHistoricalBars("MSFT", Interval.ONE_HOUR, 60);
        for (FetchRequest r : source.requests) {
            assertEquals(r.from().getMonth(), r.to().getMonth(), r.toString());
        }
        assertTrue(source.requests.contains(new FetchRequest("MSFT", LocalDate.of(2024, 6, 3),
                LocalDate.of(2024, 6, 3))));
        assertTrue(source.requests.contains(new FetchRequest("MSFT", LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 5, 31))));
    }

    @Test
    void multiTimeframeDataFetchesOnceAndTheIntervalsAgree() {
        Map<Interval, MarketData.HistoricalBars> all = data.getMultiTimeframeData("NVDA",
                List.of(Interval.FIVE_MINUTES, Interval.ONE_HOUR, Interval.ONE_DAY), 10);
        long volume5m = all.get(Interval.FIVE_MINUTES).bars().stream().mapToLong(AggregateBar::volume).sum();
        long volume1h = all.get(Interval.ONE_HOUR).bars().stream().mapToLong(AggregateBar::volume).sum();
        long volume1d = all.get(Interval.ONE_DAY).bars().stream().mapToLong(AggregateBar::volume).sum();
        assertEquals(volume5m, volume1h);
        assertEquals(volume5m, volume1d);
        int asked = source.requests.size();
        data.getMultiTimeframeData("NVDA", List.of(Interval.ONE_DAY), 10);
        assertEquals(asked, source.requests.size());
    }

    @Test
    void theLatestPriceIsTheNewestBarOfTheLatestSession() {
        var latest = data.getLatestPrice("AAPL").orElseThrow();
        assertEquals(Instant.parse("2024-06-03T19:55:00Z"), latest.bar().start(), "15:55 New York");
        assertTrue(latest.simulated());
    }

    @Test
    void theWatchlistFunctionsValidateAndStore() {
        data.addToWatchlist("aapl", 5, "core");
        data.addToWatchlist("BRK.B", 0, null);
        assertEquals(List.of("AAPL", "BRK.B"), data.getWatchlist().stream().map(w -> w.symbol()).toList());
        assertTrue(data.removeFromWatchlist("BRK.B"));
        assertFalse(data.removeFromWatchlist("BRK.B"));
        assertThrows(IllegalArgumentException.class, () -> data.addToWatchlist("AAPL1", 0, null));
    }

    @Test
    void simulatedBarsNeverGoIntoAFileThatHoldsRealOnes() {
        engine.feedGuard().claim(false, "csv");
        StoreException e = assertThrows(StoreException.class,
                () -> data.getHistoricalBars("AAPL", Interval.ONE_DAY, BucketAlignment.SESSION_OPEN,
                        LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 3), true));
        assertTrue(e.getMessage().contains("holds real bars"), e.getMessage());
    }
}
