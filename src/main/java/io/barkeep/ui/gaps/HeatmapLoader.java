package io.barkeep.ui.gaps;

import io.barkeep.domain.CoverageState;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.domain.WatchlistEntry;
import io.barkeep.store.CacheEngine;
import io.barkeep.store.GapService;
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
 * Reads the coverage of every row over the retention window into a {@link HeatmapModel}: every symbol's sessions
 * from the coverage ledger alone (its slot masks say which bars a partial session holds), as its gap report gives
 * them ({@link GapService#eachSession}). Blocking: background work only.
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
        // Each session becomes its cell as soon as it is read: no report, no coverage object for a session wholly
        // held (most of the 430,000 cells of a 554-symbol map), nothing of a symbol kept past its row.
        List<Session> span = engine.gaps().pastSessions(from, today);
        RowFiller fill = new RowFiller(columns, span, cells, rowOf, now);
        // The rows a window shows first, each from its own small ledger read, so they appear at once; then every
        // other symbol's from one read of the whole ledger, not a query a symbol.
        int head = symbols.size() > firstRows ? firstRows : 0;
        if (head > 0) {
            List<String> shown = List.copyOf(symbols.subList(0, head));
            engine.gaps().eachSession(shown, span, fill);
            Set<String> watched = new LinkedHashSet<>(watchlist);
            watched.retainAll(shown);
            first.accept(new HeatmapModel(shown, Set.copyOf(watched), columns, Arrays.copyOf(cells, head), now));
        }
        engine.gaps().eachSession(symbols.subList(head, symbols.size()), span, fill);
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

    /** Fills each symbol's row of the map from its sessions as they are read. */
    private static final class RowFiller implements GapService.SessionSink {
        private final List<Column> columns;
        private final List<Session> span;
        private final CellRow[] cells;
        private final Map<String, Integer> rowOf;
        private final Instant now;
        /** The column of each session of the span (-1 for none), and the open columns without one. */
        private final int[] columnOf;
        private final int[] notBegun;
        private CellRow row;

        RowFiller(List<Column> columns, List<Session> span, CellRow[] cells, Map<String, Integer> rowOf,
                  Instant now) {
            this.columns = columns;
            this.span = span;
            this.cells = cells;
            this.rowOf = rowOf;
            this.now = now;
            columnOf = new int[span.size()];
            boolean[] hasSession = new boolean[columns.size()];
            int c = 0;
            for (int i = 0; i < span.size(); i++) {
                LocalDate date = span.get(i).date();
                while (c < columns.size() && columns.get(c).date().isBefore(date)) {
                    c++;
                }
                columnOf[i] = c < columns.size() && columns.get(c).date().equals(date) ? c : -1;
                if (columnOf[i] >= 0) {
                    hasSession[c] = true;
                }
            }
            notBegun = java.util.stream.IntStream.range(0, columns.size())
                    .filter(k -> !columns.get(k).closed() && !hasSession[k]).toArray();
        }

        @Override
        public void symbol(String symbol) {
            row = new CellRow(columns.size());
            cells[rowOf.get(symbol)] = row;
            for (int c : notBegun) {
                // A session whose first bar has not closed yet: the gap report leaves it out.
                row.set(c, CellState.NOT_FINAL, 0, 0, 0, List.of(), CellRow.NEVER);
            }
        }

        @Override
        public void whole(int index, long fetchedAt) {
            int c = columnOf[index];
            if (c >= 0) {
                int bars = span.get(index).expectedBars();
                row.set(c, state(columns.get(c).session(), CoverageState.COMPLETE, bars, bars, 0, now), bars, bars, 0,
                        List.of(), fetchedAt);
            }
        }

        @Override
        public void session(int index, SessionCoverage coverage, Instant fetchedAt) {
            int c = columnOf[index];
            if (c >= 0) {
                row.set(c, state(columns.get(c).session(), coverage, now), coverage.expected(), coverage.held(),
                        coverage.vendorEmpty(), coverage.missing(),
                        fetchedAt == null ? CellRow.NEVER : fetchedAt.getEpochSecond());
            }
        }
    }

    static CellState state(Session session, SessionCoverage c, Instant now) {
        return state(session, c.state(), c.expected(), c.held(), c.vendorEmpty(), now);
    }

    /** A cell's state from its session (whole, not cut at {@code now}) and its coverage's state and counts. */
    private static CellState state(Session session, CoverageState coverage, int expected, int held, int empty,
                                   Instant now) {
        if (!session.settledBy(now)) {
            return CellState.NOT_FINAL;
        }
        if (expected > 0 && held == 0 && empty == expected) {
            return CellState.VENDOR_EMPTY;
        }
        return switch (coverage) {
            case COMPLETE -> CellState.COMPLETE;
            case PARTIAL -> CellState.PARTIAL;
            case MISSING -> CellState.MISSING;
        };
    }
}
