package io.barkeep.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Bar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.thetadata.FakeMarket;
import io.barkeep.source.thetadata.FakeRow;
import io.barkeep.source.thetadata.FakeThetaTerminal;
import io.barkeep.source.thetadata.FakeV2Actions;
import io.barkeep.source.thetadata.ThetaV2Actions;
import io.barkeep.source.thetadata.ThetaV3Source;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.TestDatabases;
import io.barkeep.store.SplitWatch;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Splits and dividends end to end: a v3 test terminal serving raw bars that jump 10:1 at a split, a v2 test
 * terminal serving that split (repeated daily) and a dividend (repeated per date) in their real shape, the real
 * clients, a real SQLite file; reads at every adjustment against references computed here.
 */
class SplitsEndToEndTest {
    private static final TradingCalendar CALENDAR = NyseCalendar.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-04-01T16:00:00Z"), ZoneOffset.UTC);
    private static final String SYM = "SPLT";
    private static final LocalDate FROM = LocalDate.of(2024, 3, 4);
    private static final LocalDate TO = LocalDate.of(2024, 3, 15);
    private static final LocalDate DIVIDEND = LocalDate.of(2024, 3, 7);
    private static final LocalDate SPLIT = LocalDate.of(2024, 3, 11);
    private static final BigDecimal AMOUNT = new BigDecimal("0.50");

    @TempDir
    Path dir;
    private FakeThetaTerminal terminal;
    private FakeV2Actions v2;
    private CacheEngine engine;
    private MarketData data;

    @BeforeEach
    void backfillAcrossASplitAndADividend() throws Exception {
        terminal = FakeThetaTerminal.start(FakeMarket.of(CALENDAR));
        for (Session s : CALENDAR.sessions(FROM, SPLIT.minusDays(1))) {
            // before the split the stock traded at ten times the price: the vendor's bars are as traded
            terminal.market().put(SYM, s.date(), terminal.market().rows(SYM, s.date()).stream()
                    .map(SplitsEndToEndTest::tenTimes).toList());
        }
        v2 = new FakeV2Actions(CALENDAR).split(SYM, SPLIT, 1, 10).dividend(SYM, DIVIDEND, AMOUNT.toPlainString());
        engine = CacheEngine.open(TestDatabases.location(dir, "trading_data.db"), CALENDAR, 1 << 20, CLOCK);
        data = new MarketData(engine, new ThetaV3Source(terminal.root(), 2, Duration.ofSeconds(10)), 2, d -> { });
        ActionSync.Result actions = new ActionSync(engine, new ThetaV2Actions(v2.root()))
                .refresh(List.of(SYM), FROM, CLOCK.instant().atZone(Session.NEW_YORK).toLocalDate());
        assertEquals(2, actions.added(), actions.toString());
        assertTrue(data.backfill(List.of(SYM), FROM, TO, SyncProgress.NONE, io.barkeep.source.Cancellation.none()).complete());
    }

    @AfterEach
    void stop() {
        engine.close();
        terminal.close();
        v2.close();
    }

    @Test
    void noneIsTheRawVendorBars() {
        AdjustedBars none = read(Adjustment.NONE);
        assertEquals(4, none.decimals());
        assertEquals(vendorBars(), none.bars());
    }

    @Test
    void splitsGivesAContinuousSeriesWithTheSessionBeforeDividedByTenAndVolumeTimesTen() {
        AdjustedBars splits = read(Adjustment.SPLITS);
        List<Bar> raw = vendorBars();
        assertEquals(raw.size(), splits.bars().size());
        LocalDate before = CALENDAR.previousSessionBefore(SPLIT).orElseThrow().date();
        int checked = 0;
        for (int i = 0; i < raw.size(); i++) {
            Bar r = raw.get(i);
            Bar a = splits.bars().get(i);
            boolean pre = date(r).isBefore(SPLIT);
            double divisor = pre ? 10 : 1;
            assertEquals(dollars(r.close(), 4) / divisor, dollars(a.close(), splits.decimals()), 1e-4, r.toString());
            assertEquals(dollars(r.open(), 4) / divisor, dollars(a.open(), splits.decimals()), 1e-4, r.toString());
            assertEquals(r.volume() * (pre ? 10 : 1), a.volume(), r.toString());
            checked += date(r).equals(before) ? 1 : 0;
        }
        assertTrue(checked > 70, "the session before the split was checked bar by bar: " + checked);
        assertEquals(1, overnight(splits.bars(), SPLIT), 0.05, "adjusted: no cliff at the split");
        assertEquals(0.1, overnight(raw, SPLIT), 0.005, "raw: the vendor's 10:1 jump");
        assertTrue(splits.factors().stream().anyMatch(f -> f.action().isSplit()
                && f.priceFactor().compareTo(new BigDecimal("0.1")) == 0));
    }

    @Test
    void allMatchesAReferenceComputedHere() {
        AdjustedBars all = read(Adjustment.ALL);
        List<Bar> raw = vendorBars();
        // C: the raw close of the last bar traded before the ex-date, straight from the terminal's rows
        double lastClose = 0;
        for (Session s : CALENDAR.sessions(FROM, DIVIDEND.minusDays(1))) {
            for (FakeRow row : terminal.market().sessionRows(SYM, s.date())) {
                if (row.traded()) {
                    lastClose = Double.parseDouble(row.close());
                }
            }
        }
        double cash = 1 - AMOUNT.doubleValue() / lastClose;
        for (int i = 0; i < raw.size(); i++) {
            Bar r = raw.get(i);
            double factor = (date(r).isBefore(SPLIT) ? 0.1 : 1) * (date(r).isBefore(DIVIDEND) ? cash : 1);
            assertEquals(dollars(r.low(), 4) * factor, dollars(all.bars().get(i).low(), all.decimals()), 1e-6,
                    r.toString());
            assertEquals(dollars(r.high(), 4) * factor, dollars(all.bars().get(i).high(), all.decimals()), 1e-6,
                    r.toString());
        }
    }

    @Test
    void hourAndDayBarsAreTheAggregationOfTheAdjusted5mBars() {
        List<Bar> fiveMinutes = read(Adjustment.SPLITS).bars();
        assertBuckets(fiveMinutes, Interval.parse("1h"), b -> {
            LocalDateTime t = LocalDateTime.ofInstant(b.start(), Session.NEW_YORK);
            long minutes = Duration.between(t.toLocalDate().atTime(9, 30), t).toMinutes();
            return t.toLocalDate() + "/" + minutes / 60;
        });
        assertBuckets(fiveMinutes, Interval.parse("1d"), b -> date(b).toString());
    }

    @Test
    void aKnownSplitIsNotSuspected() {
        List<SafetyEvent> events = engine.events().since(Instant.EPOCH, 100);
        assertTrue(events.stream().noneMatch(e -> e.kind().equals(SplitWatch.KIND)), events.toString());
    }

    private void assertBuckets(List<Bar> fiveMinutes, Interval interval, Function<Bar, String> bucket) {
        Map<String, List<Bar>> groups = new LinkedHashMap<>();
        fiveMinutes.forEach(b -> groups.computeIfAbsent(bucket.apply(b), k -> new ArrayList<>()).add(b));
        List<AggregateBar> served = data.getHistoricalBars(SYM, interval, BucketAlignment.SESSION_OPEN, FROM, TO, false,
                Adjustment.SPLITS).history().bars();
        assertEquals(groups.size(), served.size(), interval.label());
        int i = 0;
        for (List<Bar> g : groups.values()) {
            AggregateBar a = served.get(i++);
            assertEquals(g.get(0).open(), a.open());
            assertEquals(g.get(g.size() - 1).close(), a.close());
            assertEquals(g.stream().mapToLong(Bar::high).max().orElseThrow(), a.high());
            assertEquals(g.stream().mapToLong(Bar::low).min().orElseThrow(), a.low());
            assertEquals(g.stream().mapToLong(Bar::volume).sum(), a.volume());
        }
    }

    private AdjustedBars read(Adjustment mode) {
        return engine.adjusted().bars(SYM, FROM.atStartOfDay(Session.NEW_YORK).toInstant(),
                TO.plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant(), mode);
    }

    private List<Bar> vendorBars() {
        List<Bar> out = new ArrayList<>();
        for (Session s : CALENDAR.sessions(FROM, TO)) {
            terminal.market().sessionRows(SYM, s.date()).stream().filter(FakeRow::traded).map(FakeRow::toBar)
                    .forEach(out::add);
        }
        return out;
    }

    /** First open on {@code day} over the last close before it. */
    private static double overnight(List<Bar> bars, LocalDate day) {
        Bar last = bars.stream().filter(b -> date(b).isBefore(day)).reduce((a, b) -> b).orElseThrow();
        Bar first = bars.stream().filter(b -> date(b).equals(day)).findFirst().orElseThrow();
        return (double) first.open() / last.close();
    }

    private static FakeRow tenTimes(FakeRow r) {
        if (!r.traded()) {
            return r;
        }
        return new FakeRow(r.time(), times10(r.open()), times10(r.high()), times10(r.low()), times10(r.close()),
                r.volume(), r.count(), times10(r.vwap()));
    }

    private static String times10(String price) {
        return new BigDecimal(price).movePointRight(1).toPlainString();
    }

    private static LocalDate date(Bar b) {
        return b.start().atZone(Session.NEW_YORK).toLocalDate();
    }

    private static double dollars(long units, int decimals) {
        return BigDecimal.valueOf(units, decimals).doubleValue();
    }
}
