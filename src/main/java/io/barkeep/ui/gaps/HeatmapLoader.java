package io.barkeep.ui.gaps;

import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService.GapReport;
import io.barkeep.ui.gaps.HeatmapModel.Cell;
import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the coverage of every row over the retention window into a {@link HeatmapModel}: every symbol's gap report
 * from the coverage ledger alone (its slot masks say which bars a partial session holds). Blocking: background
 * work only.
 */
final class HeatmapLoader {
    private final CacheEngine engine;

    HeatmapLoader(CacheEngine engine) {
        this.engine = engine;
    }

    /** The map of the last {@code retainDays} days up to the session in progress at {@code now}. */
    HeatmapModel load(int retainDays, Instant now) {
        return load(retainDays, now, Integer.MAX_VALUE, first -> { });
    }

    /**
     * As {@link #load(int, Instant)}, handing {@code first} the map of the first {@code firstRows} rows as soon as
     * they are read, when there are more: the rows a window shows at once, before the hundreds below them.
     */
    HeatmapModel load(int retainDays, Instant now, int firstRows, java.util.function.Consumer<HeatmapModel> first) {
        TradingCalendar calendar = engine.bars().calendar();
        LocalDate today = now.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate from = today.minusDays(retainDays);
        if (from.isBefore(calendar.firstDate())) {
            from = calendar.firstDate();
        }
        List<Column> columns = columns(calendar, from, today, now);
        Set<String> watchlist = new LinkedHashSet<>();
        for (WatchlistEntry e : engine.watchlist().list()) {
            watchlist.add(e.symbol());
        }
        List<String> symbols = new ArrayList<>(watchlist);
        for (String s : engine.bars().symbols()) {
            if (!watchlist.contains(s)) {
                symbols.add(s);
            }
        }
        CellRow[] cells = new CellRow[symbols.size()];
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < symbols.size(); r++) {
            rowOf.put(symbols.get(r), r);
        }
        // Each report becomes its packed row as soon as it is made: the reports of 500 symbols are never held at
        // once (with the Cell objects they were most of the heap's growth while the map was read).
        java.util.function.Consumer<GapReport> fill = report -> cells[rowOf.get(report.symbol())] = row(report,
                columns, now);
        // The rows a window shows first, each from its own small ledger read, so they appear at once; then every
        // other symbol's report from one read of the whole ledger, not a query a symbol.
        int head = symbols.size() > firstRows ? firstRows : 0;
        for (int r = 0; r < head; r++) {
            fill.accept(engine.gaps().report(symbols.get(r), from, today));
        }
        if (head > 0) {
            List<String> shown = List.copyOf(symbols.subList(0, head));
            Set<String> watched = new LinkedHashSet<>(watchlist);
            watched.retainAll(shown);
            first.accept(new HeatmapModel(shown, Set.copyOf(watched), columns, Arrays.copyOf(cells, head), now));
        }
        engine.gaps().eachReport(symbols.subList(head, symbols.size()), from, today, fill);
        return new HeatmapModel(List.copyOf(symbols), Set.copyOf(watchlist), columns, cells, now);
    }

    /** Monday to Friday; a weekday without a session is a closed column, a session not begun yet is left out. */
    private static List<Column> columns(TradingCalendar calendar, LocalDate from, LocalDate to, Instant now) {
        List<Column> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                    || !calendar.covers(d)) {
                continue;
            }
            Session s = calendar.session(d).orElse(null);
            if (s == null || s.open().isBefore(now)) {
                out.add(new Column(d, s));
            }
        }
        return List.copyOf(out);
    }

    /** The cells of one report's row; the report's sessions and the columns are both in date order. */
    private static CellRow row(GapReport report, List<Column> columns, Instant now) {
        CellRow out = new CellRow(columns.size());
        List<SessionCoverage> sessions = report.sessions();
        int next = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.closed()) {
                continue;
            }
            while (next < sessions.size() && sessions.get(next).session().date().isBefore(column.date())) {
                next++;
            }
            SessionCoverage c = next < sessions.size() && sessions.get(next).session().date().equals(column.date())
                    ? sessions.get(next) : null;
            out.set(i, cell(column.session(), c, report.fetchedAt().get(column.date()), now));
        }
        return out;
    }

    private static Cell cell(Session session, SessionCoverage c, Instant fetchedAt, Instant now) {
        if (c == null) {
            // The gap report leaves out a session whose first bar has not closed yet.
            return new Cell(CellState.NOT_FINAL, 0, 0, 0, List.of(), fetchedAt);
        }
        return new Cell(state(session, c, now), c.expected(), c.held(), c.vendorEmpty(), c.missing(), fetchedAt);
    }

    static CellState state(Session session, SessionCoverage c, Instant now) {
        if (!session.settledBy(now)) {
            return CellState.NOT_FINAL;
        }
        if (c.expected() > 0 && c.held() == 0 && c.vendorEmpty() == c.expected()) {
            return CellState.VENDOR_EMPTY;
        }
        return switch (c.state()) {
            case COMPLETE -> CellState.COMPLETE;
            case PARTIAL -> CellState.PARTIAL;
            case MISSING -> CellState.MISSING;
        };
    }
}
