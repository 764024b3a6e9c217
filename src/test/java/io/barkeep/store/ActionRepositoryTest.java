package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corporate actions on a real SQLite file: idempotent, corrections logged, splits suspected after writes. */
class ActionRepositoryTest {
    private static final Session MON = TestBars.regular("2024-07-01");
    private static final Session TUE = TestBars.regular("2024-07-02");
    private static final TradingCalendar CALENDAR = TestBars.calendar(MON, TUE);
    private static final Instant NOW = Instant.parse("2024-08-10T12:00:00Z");

    @TempDir
    Path dir;
    private CacheEngine engine;

    @BeforeEach
    void open() {
        engine = CacheEngine.open(TestDatabases.location(dir, "bars.db"), CALENDAR, 1 << 20, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static CorporateAction split(int n, int o, String source) {
        return CorporateAction.split("NVDA", TUE.date(), n, o, source, NOW);
    }

    @Test
    void theSameActionTwiceIsOneUntouchedRow() {
        assertEquals(1, engine.actions().store(List.of(split(10, 1, "thetadata"))).added());
        ActionRepository.StoreResult again = engine.actions().store(List.of(CorporateAction.split("NVDA", TUE.date(),
                10, 1, "manual", NOW.plusSeconds(60))));
        assertEquals(1, again.unchanged());
        List<CorporateAction> held = engine.actions().of("NVDA");
        assertEquals(1, held.size());
        assertEquals("thetadata", held.get(0).source(), "an identical action keeps where it was first learnt");
        assertEquals(NOW, held.get(0).learntAt());
    }

    @Test
    void aCorrectionReplacesTheOldActionAndIsLogged() {
        engine.actions().store(List.of(split(10, 1, "thetadata")));
        assertEquals(1, engine.actions().store(List.of(split(20, 1, "manual"))).corrected());
        assertEquals(List.of("20:1"), engine.actions().of("NVDA").stream().map(CorporateAction::value).toList());
        List<SafetyEvent> events = engine.events().since(Instant.EPOCH, 10);
        assertEquals(1, events.size());
        assertEquals(ActionRepository.CORRECTED, events.get(0).kind());
        assertTrue(events.get(0).message().contains("10:1") && events.get(0).message().contains("20:1"),
                events.get(0).message());
    }

    @Test
    void removingAnActionTakesItOutOfReads() {
        engine.actions().store(List.of(split(10, 1, "csv"),
                CorporateAction.dividend("NVDA", TUE.date(), new BigDecimal("0.01"), "csv", NOW)));
        assertTrue(engine.actions().remove("NVDA", TUE.date(), CorporateAction.Kind.SPLIT));
        assertFalse(engine.actions().remove("NVDA", TUE.date(), CorporateAction.Kind.SPLIT));
        assertEquals(List.of(CorporateAction.Kind.DIVIDEND), engine.actions().of("NVDA").stream()
                .map(CorporateAction::kind).toList());
    }

    @Test
    void anUnknownTenForOneJumpRaisesOneSuspectedSplitAndAnOrdinaryGapNone() {
        engine.bars().write(BarBatch.of("NVDA", sessionAt(MON, 1_200_000)));
        engine.bars().write(BarBatch.of("NVDA", sessionAt(TUE, 120_500)));
        engine.bars().write(BarBatch.of("NVDA", sessionAt(TUE, 120_500)));
        engine.bars().write(BarBatch.of("AAPL", sessionAt(MON, 1_000_000)));
        engine.bars().write(BarBatch.of("AAPL", sessionAt(TUE, 1_080_000)));
        List<SafetyEvent> events = engine.events().since(Instant.EPOCH, 10);
        assertEquals(1, events.size(), events.toString());
        assertEquals(SplitWatch.KIND, events.get(0).kind());
        assertEquals("NVDA", events.get(0).symbol());
        assertTrue(events.get(0).message().contains("a 10:1 split?"), events.get(0).message());
        assertTrue(engine.actions().of("NVDA").isEmpty(), "never applied silently");
        Bar before = engine.adjusted().bars("NVDA", MON.open(), MON.close(), Adjustment.SPLITS).bars().get(0);
        assertEquals(1_200_000, before.open(), "reads stay raw until someone adds the split");
    }

    @Test
    void addingASplitChangesReadsAtOnceThroughTheHotCache() {
        engine.bars().write(BarBatch.of("NVDA", sessionAt(MON, 1_200_000)));
        engine.bars().write(BarBatch.of("NVDA", sessionAt(TUE, 120_000)));
        assertEquals(1_200_000, engine.bars().bars("NVDA", MON.open(), MON.close()).get(0).open(), "cached now");
        engine.actions().store(List.of(split(10, 1, "manual")));
        var read = engine.adjusted().bars("NVDA", MON.open(), TUE.close(), Adjustment.SPLITS);
        assertEquals(0, new BigDecimal("12").compareTo(read.price(read.bars().get(0).open())));
        assertEquals(1_200_000, engine.bars().bars("NVDA", MON.open(), MON.close()).get(0).open(),
                "raw bars never change when an action arrives");
    }

    private static List<Bar> sessionAt(Session s, long price) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < s.expectedBars(); i++) {
            out.add(Bar.of(TestBars.start(s, i), price, price + 100, price - 100, price, 1_000));
        }
        return out;
    }
}
