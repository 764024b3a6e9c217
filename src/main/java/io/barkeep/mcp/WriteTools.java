package io.barkeep.mcp;

import io.barkeep.cli.Output;
import io.barkeep.domain.Symbols;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.source.BarSource;
import io.barkeep.source.SymbolCheck;
import io.barkeep.sync.SyncAbortedException;
import io.barkeep.sync.SyncResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The tools that change what the user keeps, offered only when the server runs with {@code --allow-writes}. */
final class WriteTools {
    static final int MAX_SYMBOLS = 50;

    private final Context ctx;

    WriteTools(Context ctx) {
        this.ctx = ctx;
    }

    List<Tool> tools() {
        return List.of(add(), remove(), backfill());
    }

    private Tool add() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("added", Schemas.type("boolean"));
        out.put("entry", CacheTools.entrySchema());
        out.put("warning", Schemas.nullable("string"));
        return new Tool("add_to_watchlist", "Add to watchlist",
                "Adds a US stock to the watchlist (or updates its priority and notes); Barkeep then keeps its bars "
                        + "fresh.",
                List.of(Param.string("symbol", "US ticker, e.g. AAPL, BRK.B").mandatory(),
                        Param.integer("priority", "higher is updated first (default 0)", 0),
                        Param.string("notes", "free text")),
                Schemas.object(out), false, true, false, (a, call) -> {
                    String symbol = Symbols.normalize(a.string("symbol", null));
                    Optional<String> unchecked = check(symbol);
                    WatchlistEntry e = ctx.data().addToWatchlist(symbol, a.integer("priority", 0),
                            a.string("notes", null));
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("added", true);
                    m.put("entry", Output.watchlistEntry(e));
                    unchecked.ifPresent(w -> m.put("warning", "added " + symbol + " unchecked: " + w));
                    return CacheTools.json(m);
                });
    }

    /**
     * Asks the source whether a symbol not yet watched exists, as the CLI and the desktop do: an unknown ticker is
     * refused; a source that could not say lets it through with the returned one-line warning.
     */
    private Optional<String> check(String symbol) {
        if (ctx.data().engine().watchlist().find(symbol).isPresent()) {
            return Optional.empty();
        }
        BarSource source = ctx.data().source();
        SymbolCheck check = source.checkSymbol(symbol);
        if (check.unknown()) {
            throw new ToolError("no such symbol at " + (source.simulated() ? "the demo feed" : "ThetaData") + ": "
                    + symbol + " (not added)");
        }
        return check.warning();
    }

    private Tool remove() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbol", Schemas.type("string"));
        out.put("removed", Schemas.type("boolean"));
        out.put("message", Schemas.type("string"));
        return new Tool("remove_from_watchlist", "Remove from watchlist",
                "Removes a symbol from the watchlist; its cached bars stay.",
                List.of(Param.string("symbol", "US ticker").mandatory()),
                Schemas.object(out), false, true, false, (a, call) -> {
                    String symbol = Symbols.normalize(a.string("symbol", null));
                    boolean removed = ctx.data().removeFromWatchlist(symbol);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("symbol", symbol);
                    m.put("removed", removed);
                    m.put("message", removed ? "removed " + symbol + " (its cached bars stay)"
                            : symbol + " was not on the watchlist");
                    return CacheTools.json(m);
                });
    }

    private Tool backfill() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("symbols", Schemas.arrayOf(Schemas.type("string")));
        out.put("from", Schemas.type("string"));
        out.put("to", Schemas.type("string"));
        out.put("source", Schemas.type("string"));
        out.put("simulated", Schemas.type("boolean"));
        out.put("cancelled", Schemas.type("boolean"));
        out.put("requests_done", Schemas.type("integer"));
        out.put("requests_planned", Schemas.type("integer"));
        out.put("bars_written", Schemas.type("integer"));
        out.put("failures", Schemas.arrayOf(Schemas.type("string")));
        out.put("message", Schemas.type("string"));
        return new Tool("backfill", "Backfill",
                "Fetches every missing 5-minute bar of the symbols over New York dates now, asking the vendor again "
                        + "even for sessions asked before. A long task: sends progress notifications when given a "
                        + "progress token, and stops on notifications/cancelled (what was stored stays).",
                List.of(Param.strings("symbols", "US tickers, e.g. [\"AAPL\", \"MSFT\"]").mandatory(),
                        Param.string("from", "first New York date, YYYY-MM-DD"),
                        Param.string("to", "last New York date, inclusive (default today)"),
                        Param.integer("lookback_days", "calendar days back from 'to' (default 30)", 1)),
                Schemas.object(out), false, true, true, this::runBackfill);
    }

    private Tool.Answer runBackfill(Args a, Call call) {
        List<String> symbols = a.strings("symbols").stream().map(Symbols::normalize).distinct().toList();
        if (symbols.size() > MAX_SYMBOLS) {
            throw new ToolError("at most " + MAX_SYMBOLS + " symbols per backfill, got " + symbols.size());
        }
        LocalDate[] d = ctx.range(a, 30);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        AtomicLong bars = new AtomicLong();
        boolean cancelled = false;
        SyncResult result = null;
        try {
            result = ctx.data().backfill(symbols, d[0], d[1], (n, of, written) -> {
                done.set(n);
                total.set(of);
                bars.set(written);
                call.progress(n, of, n + "/" + of + " vendor requests, " + written + " bars written");
            }, call.cancelled());
        } catch (SyncAbortedException e) {
            if (!call.cancelled().isCancelled()) {
                throw e;
            }
            cancelled = true;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbols", symbols);
        m.put("from", d[0].toString());
        m.put("to", d[1].toString());
        m.put("source", ctx.sourceName());
        m.put("simulated", ctx.simulated());
        m.put("cancelled", cancelled);
        m.put("requests_done", result != null ? result.requestsDone() : done.get());
        m.put("requests_planned", result != null ? result.requestsPlanned() : total.get());
        m.put("bars_written", result != null ? result.barsWritten() : bars.get());
        m.put("failures", result != null ? result.failures() : List.of());
        m.put("message", cancelled
                ? "cancelled after " + done.get() + " of " + total.get() + " vendor requests; what was stored stays"
                : "backfill " + String.join(",", symbols) + " " + d[0] + ".." + d[1] + ": " + m.get("requests_done")
                + "/" + m.get("requests_planned") + " requests, " + m.get("bars_written") + " bars written"
                + (result.failures().isEmpty() ? "" : ", " + result.failures().size() + " given up for now"));
        return CacheTools.json(m);
    }
}
