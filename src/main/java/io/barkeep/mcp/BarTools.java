package io.barkeep.mcp;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Symbols;
import io.barkeep.sync.MarketData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code get_historical_bars} (paged by cursor) and {@code get_multi_timeframe_data}. */
final class BarTools {
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 5_000;
    static final int MULTI_DEFAULT_LIMIT = 100;
    /** What the rows of one answer may take: the rest of the 100,000 characters is headers and coverage. */
    static final int ROWS_BUDGET = ToolRunner.MAX_ANSWER_CHARS - 8_000;
    private static final int MAX_INTERVALS = 6;

    private final Context ctx;
    private final BarLoader loader;

    BarTools(Context ctx) {
        this.ctx = ctx;
        this.loader = new BarLoader(ctx);
    }

    List<Tool> tools() {
        return List.of(historicalBars(), multiTimeframe());
    }

    private static Param adjust() {
        return Param.string("adjust", "splits (the default: a continuous series across splits), none (as traded) or "
                + "all (splits and cash dividends); the answer says what was applied in 'adjustment'.")
                .oneOf(Adjustment.CHOICES);
    }

    private Tool historicalBars() {
        List<Param> params = List.of(
                Param.string("symbol", "US ticker, e.g. AAPL, BRK.B, BF-B (required unless cursor is given)"),
                Param.string("interval", "5m (default, as stored), 15m, 30m, 1h, 1d, or any multiple of 5 minutes "
                        + "such as 10m or 2h; hour bars start at the session open (09:30, 10:30 ...)"),
                Param.string("from", "first New York date, YYYY-MM-DD"),
                Param.string("to", "last New York date, inclusive, YYYY-MM-DD (default today)"),
                Param.integer("lookback_days", "calendar days back from 'to' (default 30); use instead of 'from' "
                        + "rather than computing dates", 1),
                adjust(),
                Param.integer("limit", "rows per answer: default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT
                        + "; a page also ends before 100,000 characters", 1),
                Param.string("cursor", "next_cursor from the previous answer: continues exactly where it ended (the "
                        + "range comes from the cursor)"),
                Param.bool("fetch", "first fetch what the cache lacks from the vendor (default true); false answers "
                        + "from the cache only"));
        return new Tool("get_historical_bars", "Historical bars",
                "OHLCV bars of one US stock from the local cache, fetching missing sessions from the vendor first. "
                        + "Answers CSV text (timestamp,open,high,low,close,volume,bars; New York time) and the same "
                        + "rows as structured content, with the source, whether it is SIMULATED, the adjustment, "
                        + "the coverage of the range, and next_cursor when more rows follow.",
                params, Schemas.historicalBars(), true, true, true, this::bars);
    }

    private Tool.Answer bars(Args a, Call call) {
        BarCursor cursor = a.has("cursor") ? BarCursor.decode(a.string("cursor", null)) : null;
        String symbol;
        Interval interval;
        String adjust;
        LocalDate[] dates;
        Instant start = null;
        if (cursor != null) {
            if (a.has("from") || a.has("to") || a.has("lookback_days")) {
                throw new ToolError("a cursor carries its range: give cursor without from, to or lookback_days");
            }
            symbol = cursor.symbol();
            interval = cursor.interval();
            adjust = cursor.adjust();
            if (a.has("symbol") && !Symbols.normalize(a.string("symbol", null)).equals(symbol)) {
                throw new ToolError("the cursor continues " + symbol + ", not " + a.string("symbol", null));
            }
            if (a.has("interval") && !Interval.parse(a.string("interval", null)).equals(interval)) {
                throw new ToolError("the cursor continues " + interval.label() + " bars, not "
                        + a.string("interval", null));
            }
            dates = new LocalDate[] {cursor.from(), cursor.to()};
            start = cursor.next();
        } else {
            if (!a.has("symbol")) {
                throw new ToolError("missing argument 'symbol': a US ticker like AAPL (or pass a cursor)");
            }
            symbol = Symbols.normalize(a.string("symbol", null));
            interval = Interval.parse(a.string("interval", "5m"));
            adjust = a.string("adjust", Adjustment.SPLITS).toLowerCase(Locale.ROOT);
            dates = ctx.range(a, MarketData.DEFAULT_LOOKBACK_DAYS);
        }
        int asked = a.integer("limit", DEFAULT_LIMIT);
        int limit = Math.min(asked, MAX_LIMIT);
        // later pages read what the first page fetched
        BarLoader.Fetch fetched = loader.fetch(symbol, dates[0], dates[1], cursor == null && a.bool("fetch", true),
                call);
        BarLoader.Loaded l = loader.read(fetched, interval, adjust);
        List<AggregateBar> all = l.bars();
        int first = start == null ? 0 : lowerBound(all, start);
        BarRows rows = new BarRows(l.adjusted().decimals());
        int end = first;
        while (end < all.size() && rows.size() < limit && rows.add(all.get(end), ROWS_BUDGET)) {
            end++;
        }
        boolean truncated = rows.size() < Math.min(asked, all.size() - first);
        String next = end < all.size()
                ? new BarCursor(symbol, interval, adjust, dates[0], dates[1], all.get(end).start()).encode() : null;

        Map<String, Object> doc = loader.header(l, interval);
        doc.put("total_rows", all.size());
        doc.put("first_row", rows.size() == 0 ? 0 : first + 1);
        doc.put("returned_rows", rows.size());
        doc.put("truncated", truncated);
        doc.put("next_cursor", next);
        doc.put("empty_reason", all.isEmpty() ? loader.whyEmpty(l) : null);
        doc.put("bars", rows.json);

        StringBuilder text = new StringBuilder(loader.summary(doc)).append('\n');
        if (all.isEmpty()) {
            text.append("no bars: ").append(doc.get("empty_reason"));
        } else if (rows.size() == 0) {
            text.append("no rows after the cursor: the range ends here");
        } else {
            text.append("rows ").append(first + 1).append('-').append(first + rows.size()).append(" of ")
                    .append(all.size()).append(truncated ? " (page cut to stay within the answer size limit)" : "");
        }
        if (next != null) {
            text.append("\nmore rows follow: call again with cursor=").append(next);
        }
        return new Tool.Answer(List.of(text.toString(), rows.csvText()), doc);
    }

    private Tool multiTimeframe() {
        List<Param> params = List.of(
                Param.string("symbol", "US ticker, e.g. AAPL").mandatory(),
                Param.strings("intervals", "intervals such as [\"5m\", \"1h\", \"1d\"] (the default); at most "
                        + MAX_INTERVALS),
                Param.integer("lookback_days", "calendar days back from today (default 30)", 1),
                Param.integer("limit", "newest rows per interval: default " + MULTI_DEFAULT_LIMIT + ", at most "
                        + MAX_LIMIT + "; older rows: get_historical_bars", 1),
                adjust());
        return new Tool("get_multi_timeframe_data", "Bars at several intervals",
                "The same recent range of one US stock at several intervals, fetched once: per interval the newest "
                        + "'limit' rows as CSV text and structured content, with source, SIMULATED label, "
                        + "adjustment and coverage.",
                params, Schemas.multiTimeframe(), true, true, true, this::multi);
    }

    private Tool.Answer multi(Args a, Call call) {
        String symbol = Symbols.normalize(a.string("symbol", null));
        List<String> texts = a.has("intervals") ? a.strings("intervals") : List.of("5m", "1h", "1d");
        LinkedHashSet<Interval> intervals = new LinkedHashSet<>();
        texts.forEach(t -> intervals.add(Interval.parse(t)));
        if (intervals.size() > MAX_INTERVALS) {
            throw new ToolError("at most " + MAX_INTERVALS + " intervals per call, got " + intervals.size());
        }
        int lookback = a.integer("lookback_days", MarketData.DEFAULT_LOOKBACK_DAYS);
        LocalDate to = ctx.today();
        LocalDate from = to.minusDays(lookback);
        if (!ctx.calendar().covers(from)) {
            throw new ToolError("dates out of range: the calendar starts " + ctx.calendar().firstDate()
                    + "; lookback_days " + lookback + " reaches " + from);
        }
        int asked = a.integer("limit", MULTI_DEFAULT_LIMIT);
        int limit = Math.min(asked, MAX_LIMIT);
        String adjust = a.string("adjust", Adjustment.SPLITS).toLowerCase(Locale.ROOT);
        BarLoader.Fetch fetched = loader.fetch(symbol, from, to, true, call);
        int budget = ROWS_BUDGET / intervals.size();
        List<Map<String, Object>> perInterval = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        BarLoader.Loaded any = null;
        for (Interval interval : intervals) {
            BarLoader.Loaded l = loader.read(fetched, interval, adjust);
            any = l;
            List<AggregateBar> all = l.bars();
            BarRows rows = new BarRows(l.adjusted().decimals());
            for (int i = all.size() - 1; i >= 0 && rows.size() < limit && rows.add(all.get(i), budget); i--) {
                // newest first while the budget lasts; put back in time order below
            }
            Collections.reverse(rows.csv);
            Collections.reverse(rows.json);
            boolean truncated = rows.size() < Math.min(asked, all.size());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("interval", interval.label());
            m.put("total_rows", all.size());
            m.put("returned_rows", rows.size());
            m.put("truncated", truncated);
            m.put("bars", rows.json);
            perInterval.add(m);
            blocks.add("interval " + interval.label() + ": newest " + rows.size() + " of " + all.size() + " rows"
                    + (truncated ? " (cut to the answer size limit)" : "") + "\n" + rows.csvText());
        }
        Map<String, Object> doc = loader.header(any, null);
        doc.put("lookback_days", lookback);
        doc.put("empty_reason", any.bars().isEmpty() ? loader.whyEmpty(any) : null);
        doc.put("intervals", perInterval);
        List<String> out = new ArrayList<>();
        String summary = loader.summary(doc);
        out.add(any.bars().isEmpty() ? summary + "\nno bars: " + doc.get("empty_reason") : summary);
        out.addAll(blocks);
        return new Tool.Answer(out, doc);
    }

    private static int lowerBound(List<AggregateBar> bars, Instant start) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).start().isBefore(start)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
