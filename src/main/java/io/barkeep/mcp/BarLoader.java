package io.barkeep.mcp;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.Session;
import io.barkeep.store.GapService.GapReport;
import io.barkeep.sync.MarketData;
import io.barkeep.sync.SyncAbortedException;
import io.barkeep.sync.SyncResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads bars for the bar tools the way the lazy cache does (fetch what is missing, then answer from disk), but
 * answers from the cache with a warning when the source cannot be asked, and tells why an empty answer is empty.
 */
final class BarLoader {
    private final Context ctx;

    BarLoader(Context ctx) {
        this.ctx = ctx;
    }

    /** Bars of one symbol over New York dates, adjusted, with the coverage of the range and what went wrong. */
    record Loaded(String symbol, LocalDate from, LocalDate to, List<AggregateBar> bars, Adjustment.Adjusted adjusted,
                  GapReport report, List<String> warnings, String vendorError, boolean fetched) {
    }

    /** Fetches what the cache lacks from..to when {@code fetch}, then nothing more: reads follow per interval. */
    Fetch fetch(String symbol, LocalDate from, LocalDate to, boolean fetch, Call call) {
        List<String> warnings = new ArrayList<>();
        String vendorError = null;
        if (fetch) {
            try {
                SyncResult r = ctx.data().ensure(symbol, from, to, MarketData.READ_RETRY_AFTER,
                        (done, total, bars) -> call.progress(done, total, done + "/" + total + " vendor requests"),
                        call.cancelled());
                r.failures().forEach(f -> warnings.add("gave up for now on " + f));
            } catch (SyncAbortedException e) {
                vendorError = e.getMessage();
                warnings.add("the source " + ctx.sourceName() + " could not be asked (" + e.getMessage()
                        + "): answering from the cache");
            }
        }
        return new Fetch(symbol, from, to, warnings, vendorError, fetch);
    }

    /** The outcome of asking the source before reading. */
    record Fetch(String symbol, LocalDate from, LocalDate to, List<String> warnings, String vendorError,
                 boolean fetched) {
    }

    Loaded read(Fetch f, Interval interval, String adjust) {
        Instant start = f.from().atStartOfDay(Session.NEW_YORK).toInstant();
        Instant end = f.to().plusDays(1).atStartOfDay(Session.NEW_YORK).toInstant();
        var read = ctx.engine().adjusted().aggregated(f.symbol(), start, end, interval, BucketAlignment.SESSION_OPEN,
                Adjustment.parse(adjust));
        Adjustment.Adjusted adjusted = Adjustment.of(read.adjusted());
        GapReport report = ctx.engine().gaps().report(f.symbol(), f.from(), f.to());
        return new Loaded(f.symbol(), f.from(), f.to(), read.bars(), adjusted, report, f.warnings(),
                f.vendorError(), f.fetched());
    }

    /** Why {@code l} holds no bars, in a line an agent can act on. */
    String whyEmpty(Loaded l) {
        String range = l.symbol() + " from " + l.from() + " to " + l.to();
        if (ctx.calendar().sessions(l.from(), l.to()).isEmpty()) {
            return "market closed: no NYSE session from " + l.from() + " to " + l.to();
        }
        if (l.report().sessions().isEmpty()) {
            return "market not open yet: no session from " + l.from() + " to " + l.to() + " has begun";
        }
        LocalDate oldestKept = ctx.today().minusDays(ctx.retainDays());
        if (l.to().isBefore(oldestKept)) {
            return "outside the retention window: the cache keeps " + ctx.retainDays() + " days (from " + oldestKept
                    + "); " + range + " is older";
        }
        if (l.vendorError() != null) {
            return "vendor unreachable (" + l.vendorError() + ") and nothing cached for " + range;
        }
        if (l.report().sessions().stream().allMatch(s -> s.held() == 0 && s.isComplete())) {
            return "the vendor has no data for " + range + " (it answered: no trades)";
        }
        if (!l.fetched()) {
            return "nothing cached for " + range + " and fetch is false";
        }
        return "no bars for " + range + ": the source returned none"
                + (l.warnings().isEmpty() ? "" : " (" + String.join("; ", l.warnings()) + ")");
    }

    /** The fields every answer with bars starts with: what, from where, how adjusted, how complete. */
    Map<String, Object> header(Loaded l, Interval interval) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", l.symbol());
        if (interval != null) {
            m.put("interval", interval.label());
        }
        m.put("from", l.from().toString());
        m.put("to", l.to().toString());
        m.put("timezone", Session.NEW_YORK.getId());
        m.put("adjustment", l.adjusted().applied());
        m.put("source", ctx.sourceName());
        m.put("simulated", ctx.simulated());
        m.put("coverage", Coverage.of(l.report()));
        List<String> warnings = new ArrayList<>(l.warnings());
        if (l.adjusted().note() != null) {
            warnings.add(l.adjusted().note());
        }
        m.put("warnings", warnings);
        return m;
    }

    /** The first lines of the text answer: the same facts as {@link #header}. */
    String summary(Map<String, Object> header) {
        StringBuilder out = new StringBuilder();
        out.append(header.get("symbol")).append(header.containsKey("interval") ? " " + header.get("interval") : "")
                .append(" bars ").append(header.get("from")).append("..").append(header.get("to"))
                .append(" (timestamps: bar start, New York time), source ").append(header.get("source"))
                .append(Boolean.TRUE.equals(header.get("simulated")) ? " (SIMULATED demo feed, not market prices)" : "")
                .append(", adjustment ").append(header.get("adjustment")).append('\n');
        @SuppressWarnings("unchecked")
        Map<String, Object> coverage = (Map<String, Object>) header.get("coverage");
        out.append(Coverage.line(coverage));
        @SuppressWarnings("unchecked")
        List<String> warnings = (List<String>) header.get("warnings");
        warnings.forEach(w -> out.append("\nwarning: ").append(w));
        return out.toString();
    }
}
