package io.barkeep.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The first rows of a kind out of one import or one vendor answer, and a count of the rest: what a reader keeps
 * of the rows it rejects, so that a file of millions of bad rows costs the memory and the quarantine space of
 * {@link Quarantine#ROWS_PER_BATCH} rows, not millions.
 *
 * @param <T> the row
 */
public final class FirstRows<T> {
    private final int limit;
    private final List<T> kept = new ArrayList<>();
    private long notKept;

    /** Keeps {@link Quarantine#ROWS_PER_BATCH}. */
    public FirstRows() {
        this(Quarantine.ROWS_PER_BATCH);
    }

    public FirstRows(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
    }

    /** Keeps {@code row} while fewer than the limit are kept, else only counts it. */
    public void add(T row) {
        if (kept.size() < limit) {
            kept.add(row);
        } else {
            notKept++;
        }
    }

    /** The rows kept, in the order they came. */
    public List<T> kept() {
        return List.copyOf(kept);
    }

    /** Rows counted but not kept. */
    public long notKept() {
        return notKept;
    }

    /** Every row added. */
    public long total() {
        return kept.size() + notKept;
    }
}
