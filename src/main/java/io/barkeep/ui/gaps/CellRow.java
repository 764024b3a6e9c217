package io.barkeep.ui.gaps;

import io.barkeep.domain.MissingRange;
import io.barkeep.ui.gaps.HeatmapModel.Cell;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One row of the map, packed: a cell's state and its three counts in one long, its fetch time in epoch seconds,
 * its missing stretches only where it has some. A 554-symbol map of three years has 430,000 cells; as a
 * {@link Cell} and an {@link Instant} each they were some 30 MB that the loader allocated and the collector
 * copied while the map was read. {@link #cell} gives a cell back as the record, for the few that are drawn or
 * described at a time.
 * <p>
 * Filled by the loader on its thread through {@link #set}, then read only: a row is handed to the FX thread inside
 * a {@link HeatmapModel} after it is whole.
 */
public final class CellRow {
    /** A count is stored in 16 bits: a session has at most 78 five-minute slots. */
    private static final int COUNT_BITS = 16;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final CellState[] STATES = CellState.values();
    /** The fetch time of a cell the vendor never answered for. */
    static final long NEVER = Long.MIN_VALUE;
    /** A closed day's state and counts (none); never fetched, nothing missing. */
    private static final long CLOSED = pack(CellState.CLOSED, 0, 0, 0);

    private final long[] packed;
    private final long[] fetchedAt;
    private final List<MissingRange>[] missing;

    /** A row of {@code columns} closed days, for the loader to fill. */
    @SuppressWarnings("unchecked")
    CellRow(int columns) {
        packed = new long[columns];
        fetchedAt = new long[columns];
        missing = new List[columns];
        Arrays.fill(packed, CLOSED);
        Arrays.fill(fetchedAt, NEVER);
    }

    int size() {
        return packed.length;
    }

    /** Stores {@code cell} at {@code column}; only its missing stretches are kept as they are. */
    void set(int column, Cell cell) {
        set(column, cell.state(), cell.expected(), cell.held(), cell.empty(), cell.missing(),
                cell.fetchedAt() == null ? NEVER : cell.fetchedAt().getEpochSecond());
    }

    /**
     * Stores a cell at {@code column} from its parts, without making it: the loader's way for most cells.
     *
     * @param fetchedAt epoch seconds, or {@link #NEVER}
     */
    void set(int column, CellState state, int expected, int held, int empty, List<MissingRange> missing,
             long fetchedAt) {
        packed[column] = pack(state, expected, held, empty);
        this.fetchedAt[column] = fetchedAt;
        this.missing[column] = missing.isEmpty() ? null : missing;
    }

    private static long pack(CellState state, int expected, int held, int empty) {
        return (long) state.ordinal() << (3 * COUNT_BITS) | count(expected) << (2 * COUNT_BITS)
                | count(held) << COUNT_BITS | count(empty);
    }

    private static long count(int n) {
        if (n < 0 || n > COUNT_MASK) {
            throw new IllegalArgumentException("a cell count out of range: " + n);
        }
        return n;
    }

    CellState state(int column) {
        return STATES[(int) (packed[column] >>> (3 * COUNT_BITS))];
    }

    boolean repairable(int column) {
        return Cell.repairable(state(column), expected(column) - held(column) - empty(column));
    }

    private int expected(int column) {
        return (int) (packed[column] >>> (2 * COUNT_BITS) & COUNT_MASK);
    }

    private int held(int column) {
        return (int) (packed[column] >>> COUNT_BITS & COUNT_MASK);
    }

    private int empty(int column) {
        return (int) (packed[column] & COUNT_MASK);
    }

    /** The cell at {@code column}, as the loader made it. */
    Cell cell(int column) {
        CellState state = state(column);
        if (state == CellState.CLOSED) {
            return Cell.CLOSED;
        }
        List<MissingRange> m = missing[column];
        return new Cell(state, expected(column), held(column), empty(column), m == null ? List.of() : m,
                fetchedAt[column] == NEVER ? null : Instant.ofEpochSecond(fetchedAt[column]));
    }
}
