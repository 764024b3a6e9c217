package io.barkeep.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.cli.Output;
import io.barkeep.domain.Freshness;
import io.barkeep.domain.MissingRange;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.GapService.GapReport;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.SyncAbortedException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read tools besides bars: latest price, watchlist, gaps, freshness and the exchange calendar. */
final class CacheTools {
    /** Lists longer than this are cut (and say so): about 150 characters each, well inside one answer. */
    static final int MAX_ITEMS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Context ctx;

    CacheTools(Context ctx) {
        this.ctx = ctx;
    }

    List<Tool> tools() {
        return List.of(latest(), watchlist(), gaps(), freshness(), calendar());
    }

    /** Structured content and the same as compact JSON text, for clients that show only text. */
    static Tool.Answer json(Map<String, Object> doc) {
        try {
            return new Tool.Answer(List.of(JSON.writeValueAsString(doc)), doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    private Tool latest() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("symbol", "string");
        out.put("price", "number");
        out.put("bar_start", "string");
        out.put("bar_end", "string");
        out.put("volume", "integer");
        out.put("source", "string");
        out.put("simulated", "boolean");
        out.put("warning", "string?");
        return new Tool("get_latest_price", "Latest price",
                "The newest 5-minute bar's close of a US stock after bringing the latest session up to date "
                        + "(times in New York with offset).",
                List.of(Param.string("symbol", "US ticker, e.g. AAPL").mandatory()), Schemas.flat(out),
                true, false, true, (a, call) -> {
                    String symbol = Symbols.normalize(a.string("symbol", null));
                    String warning = null;
                    MarketData.LatestPrice latest;
                    try {
                        latest = ctx.data().getLatestPrice(symbol).orElse(null);
                    } catch (SyncAbortedException e) {
                        warning = "the source " + ctx.sourceName() + " could not be asked (" + e.getMessage()
                                + "): this is the newest cached bar";
                        latest = ctx.engine().bars().latest(symbol).map(b -> new MarketData.LatestPrice(symbol, b,
                                ctx.sourceName(), ctx.simulated())).orElse(null);
                        if (latest == null) {
                            throw new ToolError("no price for " + symbol + ": the source " + ctx.sourceName()
                                    + " could not be asked (" + e.getMessage() + ") and nothing is cached");
                        }
                    }
                    if (latest == null) {
                        throw new ToolError("no bars for " + symbol + " from source " + ctx.sourceName()
                                + ": the vendor has none for the latest session and nothing is cached");
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("symbol", latest.symbol());
                    m.put("price", Prices.toDecimal(latest.bar().close()));
                    m.put("bar_start", Output.zonedTime(latest.bar().start()));
                    m.put("bar_end", Output.zonedTime(latest.bar().start().plusSeconds(Session.BAR_SECONDS)));
                    m.put("volume", latest.bar().volume());
                    m.put("source", ctx.sourceName());
                    m.put("simulated", ctx.simulated());
                    m.put("warning", warning);
                    return json(m);
                });
    }

    static Map<String, Object> entrySchema() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("symbol", "string");
        t.put("active", "boolean");
        t.put("priority", "integer");
        t.put("notes", "string?");
        t.put("added_at", "string?");
        t.put("last_updated", "string?");
        return Schemas.flat(t);
    }

    private Tool watchlist() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", Schemas.type("integer"));
        out.put("truncated", Schemas.type("boolean"));
        out.put("entries", Schemas.arrayOf(entrySchema()));
        return new Tool("get_watchlist", "Watchlist",
                "The symbols Barkeep keeps fresh, highest priority first.", List.of(), Schemas.object(out),
                true, true, false, (a, call) -> {
                    List<WatchlistEntry> all = ctx.data().getWatchlist();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("count", all.size());
                    m.put("truncated", all.size() > MAX_ITEMS);
                    m.put("entries", all.stream().limit(MAX_ITEMS).map(Output::watchlistEntry).toList());
                    return json(m);
                });
    }

    private Tool gaps() {
        Map<String, String> range = new LinkedHashMap<>();
        range.put("from", "string");
        range.put("to", "string");
        range.put("first_session", "string");
        range.put("last_session", "string");
        range.put("bars", "integer");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", Schemas.type("string"));
        out.put("from", Schemas.type("string"));
        out.put("to", Schemas.type("string"));
        out.put("coverage", Coverage.schema());
        out.put("missing_ranges", Schemas.type("integer"));
        out.put("truncated", Schemas.type("boolean"));
        out.put("missing", Schemas.arrayOf(Schemas.flat(range)));
        return new Tool("get_gaps", "Gaps in the cache",
                "What the cache lacks for one symbol over New York dates (default the last 30 days): coverage of the "
                        + "sessions and the missing 5-minute ranges (times in New York with offset). Reads the "
                        + "cache only; never asks the vendor.",
                List.of(Param.string("symbol", "US ticker, e.g. AAPL").mandatory(),
                        Param.string("from", "first New York date, YYYY-MM-DD"),
                        Param.string("to", "last New York date, inclusive (default today)"),
                        Param.integer("lookback_days", "calendar days back from 'to' (default 30)", 1)),
                Schemas.object(out), true, true, false, (a, call) -> {
                    String symbol = Symbols.normalize(a.string("symbol", null));
                    LocalDate[] d = ctx.range(a, MarketData.DEFAULT_LOOKBACK_DAYS);
                    GapReport r = ctx.engine().gaps().report(symbol, d[0], d[1]);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("symbol", symbol);
                    m.put("from", d[0].toString());
                    m.put("to", d[1].toString());
                    m.put("coverage", Coverage.of(r));
                    m.put("missing_ranges", r.missing().size());
                    m.put("truncated", r.missing().size() > MAX_ITEMS);
                    m.put("missing", r.missing().stream().limit(MAX_ITEMS).map(CacheTools::range).toList());
                    return json(m);
                });
    }

    private static Map<String, Object> range(MissingRange g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Output.zonedTime(g.from()));
        m.put("to", Output.zonedTime(g.to()));
        m.put("first_session", g.firstSession().toString());
        m.put("last_session", g.lastSession().toString());
        m.put("bars", g.bars());
        return m;
    }

    private Tool freshness() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("symbol", "string");
        row.put("oldest_bar", "string?");
        row.put("newest_bar", "string?");
        row.put("bar_count", "integer");
        row.put("vendor_empty_count", "integer");
        row.put("expected_count", "integer");
        row.put("coverage_pct", "number");
        row.put("gap_count", "integer");
        row.put("last_checked", "string?");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", Schemas.type("integer"));
        out.put("truncated", Schemas.type("boolean"));
        out.put("symbols", Schemas.arrayOf(Schemas.flat(row)));
        return new Tool("get_freshness", "Freshness",
                "Per symbol (or for one): oldest and newest cached bar, bars held, expected, coverage and gap count "
                        + "over the span it holds (times in New York with offset). Reads the cache only.",
                List.of(Param.string("symbol", "one US ticker (default: every cached or watched symbol)")),
                Schemas.object(out), true, true, false, (a, call) -> {
                    List<Freshness> rows = a.has("symbol")
                            ? List.of(ctx.engine().freshness().compute(Symbols.normalize(a.string("symbol", null))))
                            : ctx.engine().freshness().computeAll();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("count", rows.size());
                    m.put("truncated", rows.size() > MAX_ITEMS);
                    m.put("symbols", rows.stream().limit(MAX_ITEMS).map(CacheTools::freshnessRow).toList());
                    return json(m);
                });
    }

    private static Map<String, Object> freshnessRow(Freshness f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", f.symbol());
        m.put("oldest_bar", Output.zonedTime(f.oldestBar()));
        m.put("newest_bar", Output.zonedTime(f.newestBar()));
        m.put("bar_count", f.barCount());
        m.put("vendor_empty_count", f.emptyCount());
        m.put("expected_count", f.expectedCount());
        m.put("coverage_pct", Math.round(f.coveragePercent() * 100) / 100.0);
        m.put("gap_count", f.gapCount());
        m.put("last_checked", Output.zonedTime(f.lastChecked()));
        return m;
    }

    private Tool calendar() {
        Map<String, String> session = new LinkedHashMap<>();
        session.put("date", "string");
        session.put("open", "string");
        session.put("close", "string");
        session.put("kind", "string");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", Schemas.type("string"));
        out.put("to", Schemas.type("string"));
        out.put("calendar_version", Schemas.type("string"));
        out.put("count", Schemas.type("integer"));
        out.put("truncated", Schemas.type("boolean"));
        out.put("sessions", Schemas.arrayOf(Schemas.flat(session)));
        return new Tool("get_calendar", "Exchange calendar",
                "NYSE regular sessions between two New York dates: open and close with offset, and the kind "
                        + "(regular or early_close). Days not listed are closed. At most " + MAX_ITEMS
                        + " sessions per answer.",
                List.of(Param.string("from", "first New York date, YYYY-MM-DD (default today)"),
                        Param.string("to", "last New York date, inclusive (default 'from' + 30 days)")),
                Schemas.object(out), true, true, false, (a, call) -> {
                    LocalDate from = a.has("from") ? a.date("from") : ctx.today();
                    LocalDate to = a.has("to") ? a.date("to") : from.plusDays(30);
                    if (to.isBefore(from)) {
                        throw new ToolError("to " + to + " is before from " + from);
                    }
                    var calendar = ctx.calendar();
                    if (!calendar.covers(from) || !calendar.covers(to)) {
                        throw new ToolError("dates out of range: the calendar covers " + calendar.firstDate() + " to "
                                + calendar.lastDate() + "; asked for " + from + " to " + to);
                    }
                    List<Session> sessions = calendar.sessions(from, to);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", from.toString());
                    m.put("to", to.toString());
                    m.put("calendar_version", calendar.version());
                    m.put("count", sessions.size());
                    m.put("truncated", sessions.size() > MAX_ITEMS);
                    m.put("sessions", sessions.stream().limit(MAX_ITEMS).map(s -> {
                        Map<String, Object> r = new LinkedHashMap<>();
                        r.put("date", s.date().toString());
                        r.put("open", Output.zonedTime(s.open()));
                        r.put("close", Output.zonedTime(s.close()));
                        r.put("kind", s.kind().label());
                        return r;
                    }).toList());
                    return json(m);
                });
    }
}
