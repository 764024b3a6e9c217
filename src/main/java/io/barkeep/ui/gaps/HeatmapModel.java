package io.barkeep.ui.gaps;

import io.barkeep.domain.MissingRange;
import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Symbols x weekday columns, each cell a session's coverage: what the heatmap draws, immutable so that the
 * background load can hand it to the FX thread whole.
 *
 * @param symbols   the rows: watchlist symbols first (by priority), then other symbols the cache holds
 * @param watchlist which of the rows are on the watchlist
 * @param columns   every weekday of the window, oldest first; a holiday is a closed column
 * @param cells     {@code cells[row]}: a symbol's cells, packed (see {@link CellRow})
 * @param asOf      the instant the coverage was read
 */
public record HeatmapModel(List<String> symbols, Set<String> watchlist, List<Column> columns, CellRow[] cells,
                           Instant asOf) {

    /** The empty map shown before the first load. */
    public static final HeatmapModel EMPTY = new HeatmapModel(List.of(), Set.of(), List.of(), new CellRow[0],
            Instant.EPOCH);

    /** One weekday: its session, or none when the exchange was closed. */
    public record Column(LocalDate date, Session session) {
        public boolean closed() {
            return session == null;
        }

        public boolean earlyClose() {
            return session != null && session.kind() == io.barkeep.domain.SessionKind.EARLY_CLOSE;
        }
    }

    /**
     * One symbol's session.
     *
     * @param expected  bars the session should have so far (0 on a closed day)
     * @param held      bars stored
     * @param empty     bars the vendor confirmed had no trade
     * @param missing   the missing stretches, in time order
     * @param fetchedAt when the vendor last answered for this session, or null if never
     */
    public record Cell(CellState state, int expected, int held, int empty, List<MissingRange> missing,
                       Instant fetchedAt) {
        public static final Cell CLOSED = new Cell(CellState.CLOSED, 0, 0, 0, List.of(), null);

        public int missingBars() {
            return expected - held - empty;
        }

        /** Whether a backfill could add anything here. */
        public boolean repairable() {
            return repairable(state, missingBars());
        }

        static boolean repairable(CellState state, int missingBars) {
            return state != CellState.CLOSED && missingBars > 0;
        }
    }

    /** A cell by what it stands for, so a selection survives a reload that moves rows or columns. */
    public record CellKey(String symbol, LocalDate date) {
    }

    public int rows() {
        return symbols.size();
    }

    public int columnCount() {
        return columns.size();
    }

    public Cell cell(int row, int column) {
        return cells[row].cell(column);
    }

    /** As {@code cell(row, column).repairable()}, without making the cell. */
    public boolean repairable(int row, int column) {
        return cells[row].repairable(column);
    }

    public CellKey key(int row, int column) {
        return new CellKey(symbols.get(row), columns.get(column).date());
    }

    /** The row of {@code symbol}, or -1. */
    public int rowOf(String symbol) {
        return symbols.indexOf(symbol);
    }

    /** The column of {@code date}, or -1 (columns are sorted, so a binary search). */
    public int columnOf(LocalDate date) {
        int lo = 0;
        int hi = columns.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = columns.get(mid).date().compareTo(date);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** The cell of {@code key}, or null when the model has no such row or column. */
    public Cell cell(CellKey key) {
        int row = rowOf(key.symbol());
        int column = columnOf(key.date());
        return row < 0 || column < 0 ? null : cell(row, column);
    }

    /** How many cells are in each state, closed columns counted once per row. */
    public Map<CellState, Integer> counts() {
        int[] byState = new int[CellState.values().length];
        for (CellRow row : cells) {
            for (int c = 0; c < row.size(); c++) {
                byState[row.state(c).ordinal()]++;
            }
        }
        Map<CellState, Integer> out = new EnumMap<>(CellState.class);
        for (CellState s : CellState.values()) {
            if (byState[s.ordinal()] > 0) {
                out.put(s, byState[s.ordinal()]);
            }
        }
        return out;
    }

    /** Every cell a backfill could improve. */
    public Set<CellKey> repairableCells() {
        Set<CellKey> out = new java.util.LinkedHashSet<>();
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columnCount(); c++) {
                if (repairable(r, c)) {
                    out.add(key(r, c));
                }
            }
        }
        return out;
    }
}
