package io.barkeep.mcp;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.CacheEngine;
import io.barkeep.sync.MarketData;
import java.time.LocalDate;

/** What every tool works on: the lazy cache and its engine, and the retention window of the settings. */
final class Context {
    private final MarketData data;
    private final int retainDays;

    Context(MarketData data, int retainDays) {
        this.data = data;
        this.retainDays = retainDays;
    }

    MarketData data() {
        return data;
    }

    CacheEngine engine() {
        return data.engine();
    }

    TradingCalendar calendar() {
        return engine().bars().calendar();
    }

    int retainDays() {
        return retainDays;
    }

    LocalDate today() {
        return LocalDate.now(engine().clock().withZone(Session.NEW_YORK));
    }

    String sourceName() {
        return data.source().name();
    }

    /** What the file holds decides the label, whatever source this server was started with. */
    boolean simulated() {
        return engine().feedGuard().holdsSimulated().orElse(data.source().simulated());
    }

    /**
     * The New York dates from {@code from}/{@code to}/{@code lookback_days}: to defaults to today, from to
     * {@code defaultLookback} days before to. Dates must lie inside the exchange calendar.
     */
    LocalDate[] range(Args args, int defaultLookback) {
        LocalDate from = args.date("from");
        LocalDate to = args.date("to");
        Integer lookback = args.has("lookback_days") ? args.integer("lookback_days") : null;
        if (lookback != null && from != null) {
            throw new ToolError("give from or lookback_days, not both");
        }
        LocalDate last = to != null ? to : today();
        LocalDate first = from != null ? from : last.minusDays(lookback != null ? lookback : defaultLookback);
        if (last.isBefore(first)) {
            throw new ToolError("to " + last + " is before from " + first);
        }
        TradingCalendar calendar = calendar();
        if (!calendar.covers(first) || !calendar.covers(last)) {
            throw new ToolError("dates out of range: the calendar covers " + calendar.firstDate() + " to "
                    + calendar.lastDate() + "; asked for " + first + " to " + last);
        }
        return new LocalDate[] {first, last};
    }
}
