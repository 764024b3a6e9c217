package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.thetadata.FakeV2Actions;
import io.barkeep.source.thetadata.ThetaV2Actions;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 surface down or the tier too low is said once per outage (one event however many passes meet it), the
 * symbols' actions still come once it answers (one "answers again" event), and a new outage is said again.
 */
class ActionSyncTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-07-01T20:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 7, 1);

    @TempDir
    Path dir;
    private FakeV2Actions v2;
    private CacheEngine engine;

    @BeforeEach
    void open() throws Exception {
        v2 = new FakeV2Actions(CALENDAR).split("NVDA", LocalDate.of(2024, 6, 10), 1, 10);
        engine = CacheEngine.open(TestDatabases.location(dir, "trading_data.db"), CALENDAR, 1 << 20, CLOCK);
    }

    @AfterEach
    void close() {
        engine.close();
        v2.close();
    }

    @Test
    void aTierTooLowIsOneEventOverManyPassesAndTheRestCarriesOn() {
        ActionSync sync = new ActionSync(engine, new ThetaV2Actions(v2.root()));
        v2.forceStatus(471);
        for (int pass = 0; pass < 3; pass++) {
            ActionSync.Result r = sync.refresh(List.of("NVDA", "AAPL", "MSFT"), FROM, TO);
            assertEquals(1, r.failures().size(), "one line, not one per symbol: " + r.failures());
        }
        assertEquals(1, events(ActionSync.UNAVAILABLE).size(), "said once over three passes");
        // three symbols, two endpoints, three passes would be 18 requests: each pass stops at the first refusal
        assertTrue(v2.requests().size() <= 3 * 2, "each pass stopped asking: " + v2.requests());

        v2.forceStatus(0);
        ActionSync.Result back = sync.refresh(List.of("NVDA"), FROM, TO);
        assertEquals(1, back.added(), back.toString());
        assertEquals(1, events(ActionSync.RESTORED).size());
        sync.refresh(List.of("NVDA"), FROM, TO);
        assertEquals(1, events(ActionSync.RESTORED).size(), "answering again is news once");

        v2.forceStatus(471);
        sync.refresh(List.of("NVDA"), FROM, TO);
        sync.refresh(List.of("NVDA"), FROM, TO);
        assertEquals(2, events(ActionSync.UNAVAILABLE).size(), "a new outage is said, once");
    }

    private List<SafetyEvent> events(String kind) {
        return engine.events().since(Instant.EPOCH, 100).stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
