package io.barkeep.source.simulated;

import io.barkeep.domain.Bar;
import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.ActionSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The simulated feed's splits and dividends, so the demo shows adjustment at work. Its price paths are smooth in
 * the basis of {@link #BASIS}; its raw bars are multiplied by each split's ratio before the split (and divided
 * after it, for splits after the basis date), then rounded to whole cents as a vendor's trades are: they jump at
 * each ex-date exactly as a vendor's unadjusted bars do.
 *
 * <p>The schedule is fixed, never relative to the clock: a session's raw bars stay a pure function of symbol and
 * date (re-fetching never revises what the cache holds, which a split that moved with the clock would). To keep a
 * recent split inside the default 90-day window whatever the date, the sample watchlist (TSLA, AAPL, MSFT, NVDA in
 * turn) has a 2:1 split on the first session of every other month from November 2026; history has the real
 * NVDA 4:1 (2021-07-20) and 10:1 (2024-06-10) and TSLA 3:1 (2022-08-25). Dividends are quarterly for AAPL, MSFT,
 * NVDA and SPY (amounts in the basis of their ex-date). Like the vendor, it only reports actions that have happened.
 */
public final class SimulatedActions implements ActionSource {
    /** The date whose share basis the price paths are in. */
    static final LocalDate BASIS = LocalDate.of(2024, 6, 30);
    private static final LocalDate ROLLING_FROM = LocalDate.of(2026, 11, 1);
    private static final int ROLLING_MONTHS = 2;
    private static final List<String> ROLLING = List.of("TSLA", "AAPL", "MSFT", "NVDA");
    private static final List<Split> HISTORY = List.of(new Split("NVDA", LocalDate.of(2021, 7, 20), 4, 1),
            new Split("TSLA", LocalDate.of(2022, 8, 25), 3, 1), new Split("NVDA", LocalDate.of(2024, 6, 10), 10, 1));
    /** Quarterly dividend in the basis's dollars, first month of the cycle, day of the month. */
    private static final Map<String, double[]> DIVIDENDS = Map.of("AAPL", new double[] {0.25, 2, 9},
            "MSFT", new double[] {0.83, 2, 15}, "NVDA", new double[] {0.01, 3, 5}, "SPY", new double[] {1.75, 3, 20});

    private final TradingCalendar calendar;
    private final Clock clock;

    public SimulatedActions(TradingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String actionSource() {
        return "demo";
    }

    @Override
    public List<CorporateAction> actions(String symbol, LocalDate from, LocalDate to, Instant learntAt) {
        LocalDate today = LocalDate.now(clock.withZone(Session.NEW_YORK));
        LocalDate last = to.isAfter(today) ? today : to;
        List<CorporateAction> out = new ArrayList<>();
        for (Split s : splits(symbol, last)) {
            if (!s.exDate().isBefore(from)) {
                out.add(CorporateAction.split(symbol, s.exDate(), s.splitNew(), s.splitOld(), actionSource(),
                        learntAt));
            }
        }
        double[] dividend = DIVIDENDS.get(symbol);
        if (dividend != null) {
            for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(last); m = m.plusMonths(1)) {
                if ((m.getMonthValue() - (int) dividend[1]) % 3 != 0) {
                    continue;
                }
                LocalDate ex = firstSessionFrom(m.withDayOfMonth((int) dividend[2]));
                if (ex != null && !ex.isBefore(from) && !ex.isAfter(last)) {
                    BigDecimal amount = BigDecimal.valueOf(dividend[0] * factor(symbol, ex))
                            .setScale(4, RoundingMode.HALF_EVEN).max(new BigDecimal("0.0001"));
                    out.add(CorporateAction.dividend(symbol, ex, amount, actionSource(), learntAt));
                }
            }
        }
        out.sort(Comparator.comparing(CorporateAction::exDate));
        return out;
    }

    /** The splits of {@code symbol} up to {@code last}, oldest first. */
    List<Split> splits(String symbol, LocalDate last) {
        List<Split> out = new ArrayList<>(HISTORY.stream().filter(s -> s.symbol().equals(symbol)
                && !s.exDate().isAfter(last)).toList());
        int turn = ROLLING.indexOf(symbol);
        if (turn >= 0) {
            LocalDate month = ROLLING_FROM.plusMonths((long) turn * ROLLING_MONTHS);
            for (; !month.isAfter(last); month = month.plusMonths((long) ROLLING.size() * ROLLING_MONTHS)) {
                LocalDate ex = firstSessionFrom(month);
                if (ex != null && !ex.isAfter(last)) {
                    out.add(new Split(symbol, ex, 2, 1));
                }
            }
        }
        return out;
    }

    /** What the path's price is multiplied by on {@code date} to be as traded. */
    double factor(String symbol, LocalDate date) {
        double f = 1;
        for (Split s : splits(symbol, date.isAfter(BASIS) ? date : BASIS)) {
            double ratio = (double) s.splitNew() / s.splitOld();
            if (s.exDate().isAfter(date) && !s.exDate().isAfter(BASIS)) {
                f *= ratio;
            } else if (s.exDate().isAfter(BASIS) && !s.exDate().isAfter(date)) {
                f /= ratio;
            }
        }
        return f;
    }

    /** Turns the path bars of one session (from the given indexes on) into raw, as-traded bars in place. */
    void toRaw(String symbol, LocalDate date, List<Bar> bars, int fromBar, List<EmptyBar> empties, int fromEmpty) {
        double f = factor(symbol, date);
        if (f == 1) {
            return;
        }
        for (int i = fromBar; i < bars.size(); i++) {
            Bar b = bars.get(i);
            bars.set(i, new Bar(b.start(), cents(b.open(), f), cents(b.high(), f), cents(b.low(), f),
                    cents(b.close(), f), Math.max(1, Math.round(b.volume() / f)), b.trades(),
                    b.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN : Math.round(b.vwap() * f)));
        }
        for (int i = fromEmpty; i < empties.size(); i++) {
            EmptyBar e = empties.get(i);
            empties.set(i, new EmptyBar(e.start(), e.vwap() == Bar.UNKNOWN ? Bar.UNKNOWN : Math.round(e.vwap() * f)));
        }
    }

    private static long cents(long ticks, double f) {
        return Math.max(100, Math.round(ticks * f / 100) * 100);
    }

    private LocalDate firstSessionFrom(LocalDate day) {
        if (!calendar.covers(day) || !calendar.covers(day.plusDays(10))) {
            // past the calendar's reach (no bars there either): the first weekday
            LocalDate d = day;
            while (d.getDayOfWeek().getValue() > 5) {
                d = d.plusDays(1);
            }
            return d;
        }
        return calendar.sessions(day, day.plusDays(10)).stream().findFirst().map(Session::date).orElse(null);
    }

    /** One split of the schedule. */
    record Split(String symbol, LocalDate exDate, int splitNew, int splitOld) {
    }
}
