package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.CoverageState;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeRow;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers of HTTP 200 that lack what the calendar says traded, from a real local terminal through the real v3
 * client into a real file: what they lack stays missing and the next backfill asks for it again.
 */
class SuspiciousAnswerTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    /** Monday 2024-04-01 12:00 New York: March 2024 is settled history. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate WED = LocalDate.of(2024, 3, 6);
    private static final LocalDate TO = LocalDate.of(2024, 3, 8);
    private static final String HEADER = "timestamp,open,high,low,close,volume,count,vwap\r\n";
    /** The same generated market, to put a day's true rows back. */
    private static final FakeMarket TRUTH = FakeMarket.of(CALENDAR);

    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private CacheEngine engine;
    private MarketData data;

    @BeforeEach
    void start() {
        terminal = FakeThetaTerminal.start(FakeMarket.of(CALENDAR));
        engine = CacheEngine.open(TestDatabases.location(dir, "trading_data.db"), CALENDAR, 0, CLOCK);
        data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(10)), 2, w -> { });
    }

    @AfterEach
    void stop() {
        engine.close();
        terminal.close();
    }

    @Test
    void aHeaderOnlyAnswerLeavesEverySessionMissingAndTheNextBackfillAsksAgain() {
        terminal.failNext(1, 200, HEADER);
        backfill();

        assertTrue(states().values().stream().allMatch(s -> s == CoverageState.MISSING), states().toString());
        assertTrue(kinds().contains("answer_incomplete"), kinds().toString());

        terminal.resetCounters();
        backfill();
        assertTrue(terminal.requests(FakeThetaTerminal.HISTORY) > 0, "the next backfill asks again");
        assertTrue(states().values().stream().allMatch(s -> s == CoverageState.COMPLETE), states().toString());
    }

    @Test
    void anAnswerLackingADayLeavesThatDayMissingUntilTheVendorHasIt() {
        terminal.market().put("AAPL", WED, List.of());
        backfill();
        assertEquals(CoverageState.MISSING, states().get(WED));
        assertEquals(CoverageState.COMPLETE, states().get(FROM));

        terminal.market().put("AAPL", WED, TRUTH.rows("AAPL", WED));
        terminal.resetCounters();
        backfill();
        assertTrue(terminal.requestLog().stream().anyMatch(q -> q.contains("20240306")), terminal.requestLog()
                .toString());
        assertEquals(CoverageState.COMPLETE, states().get(WED));
    }

    @Test
    void aSessionOfZeroTradeRowsForASymbolThatTradesIsKeptFlaggedAndAskedAgain() {
        terminal.market().put("AAPL", WED, TRUTH.rows("AAPL", WED).stream()
                .map(r -> FakeRow.noTrade(r.time(), "0")).toList());
        backfill();
        Session wed = CALENDAR.session(WED).orElseThrow();
        assertEquals(wed.expectedBars(), engine.bars().emptyBars("AAPL", wed.open(), wed.close()).size(), "kept");
        assertEquals(CoverageState.MISSING, states().get(WED), "not final");
        assertTrue(kinds().contains("suspect_no_trades"), kinds().toString());

        terminal.market().put("AAPL", WED, TRUTH.rows("AAPL", WED));
        backfill();
        assertEquals(CoverageState.COMPLETE, states().get(WED));
        assertTrue(engine.bars().bars("AAPL", wed.open(), wed.close()).size() > 0);
    }

    @Test
    void differentRowsForOneStartAreQuarantinedAndTheSessionStaysMissingUntilACleanAnswer() {
        List<FakeRow> rows = new ArrayList<>(TRUTH.rows("AAPL", WED));
        FakeRow r = rows.stream().filter(FakeRow::traded).findFirst().orElseThrow();
        rows.add(rows.indexOf(r) + 1, new FakeRow(r.time(), r.open(), r.high(), r.low(), r.close(), r.volume() + 1,
                r.count(), r.vwap()));
        terminal.market().put("AAPL", WED, rows);
        SyncResult result = backfill();

        assertEquals(2, result.quarantined());
        assertEquals(2, engine.quarantine().count("AAPL"));
        assertEquals(CoverageState.MISSING, states().get(WED));
        assertEquals(CoverageState.COMPLETE, states().get(TO));
        assertTrue(kinds().contains("conflicting_rows"), kinds().toString());

        terminal.market().put("AAPL", WED, TRUTH.rows("AAPL", WED));
        backfill();
        assertEquals(CoverageState.COMPLETE, states().get(WED));
    }

    private SyncResult backfill() {
        return data.backfill(List.of("AAPL"), FROM, TO, SyncProgress.NONE, io.barkeep.source.Cancellation.none());
    }

    private Map<LocalDate, CoverageState> states() {
        return engine.gaps().report("AAPL", FROM, TO).sessions().stream()
                .collect(Collectors.toMap(c -> c.session().date(), SessionCoverage::state));
    }

    private List<String> kinds() {
        return engine.events().since(Instant.EPOCH, 100).stream().map(SafetyEvent::kind).toList();
    }
}
