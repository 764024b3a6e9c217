package io.barkeep.cli;

import io.barkeep.domain.Adjustment;
import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.PriceAdjuster.AdjustedBars;
import io.barkeep.domain.Session;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.Sources;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bars SYM}: bars from the cache, built up to any interval on the calendar. */
@Command(name = "bars", description = "Print bars of a symbol from the cache at any interval.")
final class BarsCommand implements Callable<Integer> {
    enum Format { TABLE, CSV, JSON }

    @Spec
    CommandSpec spec;
    @Mixin
    EngineOptions engine;
    @Mixin
    DateRange range;
    @Parameters(paramLabel = "SYM", description = "A US ticker, e.g. AAPL.")
    String symbol;
    @Option(names = "--interval", paramLabel = "5m|15m|30m|1h|1d|Nm", defaultValue = "5m",
            description = "Bar size: a multiple of 5 minutes, 1h or 1d (default ${DEFAULT-VALUE}).")
    String interval;
    @Option(names = "--clock-hours", description = "Align hour bars to the clock (10:00, 11:00...) "
            + "instead of the session open (09:30, 10:30...).")
    boolean clockHours;
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default table).")
    Format format;
    @Option(names = "--json", description = "Same as --format json.")
    boolean json;
    @Option(names = "--no-fetch", description = "Answer from the cache only; never ask the source.")
    boolean noFetch;
    @Option(names = "--adjust", paramLabel = "none|splits|all", defaultValue = "splits",
            description = "Adjust for splits (default), for splits and dividends (all), or not (none).")
    String adjust;

    @Override
    public Integer call() {
        String sym = Args.symbol(symbol);
        Interval ivl = Args.interval(interval);
        BucketAlignment alignment = clockHours ? BucketAlignment.CLOCK : BucketAlignment.SESSION_OPEN;
        Adjustment mode = AdjustmentNotes.parse(adjust);
        // Only a read that fetches needs the source: --no-fetch opens the database alone.
        try (MarketData data = noFetch ? null : engine.openData();
             CacheEngine opened = noFetch ? engine.open() : null) {
            CacheEngine e = data != null ? data.engine() : opened;
            LocalDate[] dates = range.resolve(e.clock());
            List<AggregateBar> bars;
            AdjustedBars adjusted;
            if (noFetch) {
                var start = dates[0].atStartOfDay(Session.NEW_YORK).toInstant();
                var end = dates[1].plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
                var read = e.adjusted().aggregated(sym, start, end, ivl, alignment, mode);
                bars = read.bars();
                adjusted = read.adjusted();
            } else {
                var answer = data.getHistoricalBars(sym, ivl, alignment, dates[0], dates[1], true, mode);
                bars = answer.history().bars();
                adjusted = answer.adjusted();
                SyncReport.printFailures(spec.commandLine().getErr(), answer.history().sync());
            }
            AdjustmentNotes.crossed(spec.commandLine().getErr(),
                    e.adjusted().actionsIn(sym, dates[0].plusDays(1), dates[1]), mode);
            NoTradeCounter noTrade = new NoTradeCounter(e.bars().emptyBars(sym,
                    dates[0].atStartOfDay(Session.NEW_YORK).toInstant(),
                    dates[1].plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant()));
            // What the file holds decides the label, whatever source this command named.
            boolean simulated = e.feedGuard().holdsSimulated().orElse(Sources.isSimulated(engine.sourceName()));
            PrintWriter out = spec.commandLine().getOut();
            switch (json ? Format.JSON : format) {
                case CSV -> printCsv(out, bars, adjusted);
                case JSON -> printJson(out, sym, ivl, dates, bars, noTrade, simulated, adjusted);
                default -> printTable(out, sym, ivl, bars, noTrade, simulated, adjusted);
            }
        }
        return 0;
    }

    private static void printCsv(PrintWriter out, List<AggregateBar> bars, AdjustedBars a) {
        String note = AdjustmentNotes.header(a);
        if (note != null) {
            out.println("# " + note);
        }
        out.println("timestamp,open,high,low,close,volume,bars");
        for (AggregateBar b : bars) {
            out.println(Output.localTime(b.start()) + "," + a.format(b.open()) + "," + a.format(b.high())
                    + "," + a.format(b.low()) + "," + a.format(b.close()) + "," + b.volume() + ","
                    + b.bars());
        }
    }

    private static void printJson(PrintWriter out, String sym, Interval ivl, LocalDate[] dates,
                                  List<AggregateBar> bars, NoTradeCounter noTrade, boolean simulated,
                                  AdjustedBars a) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("symbol", sym);
        doc.put("simulated", simulated);
        doc.put("interval", ivl.label());
        doc.put("from", dates[0].toString());
        doc.put("to", dates[1].toString());
        AdjustmentNotes.putJson(doc, a);
        doc.put("count", bars.size());
        doc.put("bars", bars.stream().map(b -> toJson(b, noTrade.in(b), a.decimals())).toList());
        Output.json(out, doc);
    }

    /** @param noTrade the bar's vendor-confirmed no-trade intervals (covered, not missing) */
    static Map<String, Object> toJson(AggregateBar b, int noTrade) {
        return toJson(b, noTrade, 4);
    }

    /** @param decimals the decimals of the bar's price units (4 raw, more when adjusted) */
    static Map<String, Object> toJson(AggregateBar b, int noTrade, int decimals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Output.localTime(b.start()));
        m.put("end", Output.localTime(b.end()));
        m.put("open", BigDecimal.valueOf(b.open(), decimals));
        m.put("high", BigDecimal.valueOf(b.high(), decimals));
        m.put("low", BigDecimal.valueOf(b.low(), decimals));
        m.put("close", BigDecimal.valueOf(b.close(), decimals));
        m.put("volume", b.volume());
        m.put("trades", b.trades() < 0 ? null : b.trades());
        // The vendor's vwap is the session's running VWAP at the bar, not the bar's own: named for what it is.
        m.put("session_vwap", b.vwap() < 0 ? null : BigDecimal.valueOf(b.vwap(), decimals));
        m.put("bars", b.bars());
        m.put("expected_bars", b.expectedBars());
        m.put("no_trade_bars", noTrade);
        m.put("partial", b.partial());
        return m;
    }

    private static void printTable(PrintWriter out, String sym, Interval ivl, List<AggregateBar> bars,
                                   NoTradeCounter noTrade, boolean simulated, AdjustedBars a) {
        if (simulated) {
            out.println("SIMULATED data from the built-in demo feed, not market prices");
        }
        String note = AdjustmentNotes.header(a);
        if (note != null) {
            out.println(note);
        }
        Output.Table table = new Output.Table("time (New York)", "open", "high", "low", "close", "volume", "bars")
                .right(1, 2, 3, 4, 5, 6);
        for (AggregateBar b : bars) {
            int quiet = noTrade.in(b);
            String count = b.bars() + (b.bars() + quiet < b.expectedBars() ? "/" + b.expectedBars() : "")
                    + (quiet > 0 ? " +" + quiet + " no-trade" : "") + (b.partial() ? " partial" : "");
            table.row(Output.localTime(b.start()), a.format(b.open()), a.format(b.high()),
                    a.format(b.low()), a.format(b.close()), b.volume(), count);
        }
        table.print(out);
        out.println(bars.size() + " " + ivl.label() + " bars of " + sym + " from the cache");
    }
}
