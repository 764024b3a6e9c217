package io.barkeep.store;

import io.barkeep.domain.GapDetector;
import io.barkeep.domain.Session;
import io.barkeep.store.GapService.SessionSink;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sessions of many symbols over one span, straight from their ledger rows to a {@link SessionSink}
 * ({@link GapService#eachSession}): a row that says its session is wholly held is handed on as such, its counts and
 * fetch time read and nothing made; only the others (a few percent where the updater keeps the ledger full) get
 * their coverage from the same code as a report's ({@link GapService#coverage}). At 554 symbols over three years the
 * heatmap's 430,000 cells came from as many coverage objects, gap reports and merges; the cells of wholly held
 * sessions now come from four numbers of their row.
 */
final class LedgerSessions implements LedgerRows.SessionRowSink {
    private static final long NONE = Long.MIN_VALUE;

    private final GapService gaps;
    private final List<Session> span;
    /** The span's date keys, to walk beside the rows. */
    private final int[] keys;
    private final SessionSink sink;
    private final Instant now;
    private final Set<String> seen = new HashSet<>();
    private Map<Long, String> wanted;
    private Connection c;
    /** The symbol whose rows are streaming by, and its next session not handed on yet. */
    private long symbolId = NONE;
    private int next;
    /** Bar times of the symbol's partial rows without a mask to believe (rarely needed, so made when first asked). */
    private LedgerRows.Starts starts;

    LedgerSessions(GapService gaps, List<Session> span, SessionSink sink, Instant now) {
        this.gaps = gaps;
        this.span = span;
        this.keys = span.stream().mapToInt(Session::dateKey).toArray();
        this.sink = sink;
        this.now = now;
    }

    /**
     * Hands on the sessions of the symbols in {@code wanted} (by id) that have rows in the span: each from its own
     * read when {@code oneByOne} (a few symbols of many), else from one pass over the ledger.
     */
    void read(Connection c, Map<Long, String> wanted, boolean oneByOne) throws SQLException {
        if (keys.length == 0) {
            return;
        }
        this.c = c;
        this.wanted = wanted;
        try {
            if (oneByOne) {
                for (long id : new TreeSet<>(wanted.keySet())) {
                    LedgerRows.forEachSessionRow(c, id, null, keys[0], keys[keys.length - 1], this);
                }
            } else {
                LedgerRows.forEachSessionRow(c, null, wanted::containsKey, keys[0], keys[keys.length - 1], this);
            }
            endSymbol();
        } finally {
            closeStarts();
        }
    }

    /** Hands on each of {@code symbols} the read did not: every session of the span missing, never fetched. */
    void unheld(List<String> symbols) {
        for (String symbol : symbols) {
            if (seen.add(symbol)) {
                sink.symbol(symbol);
                for (int i = 0; i < keys.length; i++) {
                    missing(i);
                }
            }
        }
    }

    @Override
    public void accept(long id, int dateKey, int held, int empty, long fetchedAt, LedgerRows.RowReader rest)
            throws SQLException {
        if (id != symbolId) {
            endSymbol();
            symbolId = id;
            String symbol = wanted.get(id);
            seen.add(symbol);
            sink.symbol(symbol);
        }
        while (next < keys.length && keys[next] < dateKey) {
            missing(next++);
        }
        if (next == keys.length || keys[next] != dateKey) {
            // A row on a day that is not a session of the span (a calendar that changed since): a report skips it.
            return;
        }
        Session s = span.get(next);
        if (GapService.whollyHeld(s, held, empty)) {
            sink.whole(next, fetchedAt);
        } else {
            sink.session(next, gaps.coverage(s, rest.read(), starts(), now), Instant.ofEpochSecond(fetchedAt));
        }
        next++;
    }

    /** The sessions after the last row of the symbol are missing. */
    private void endSymbol() throws SQLException {
        if (symbolId != NONE) {
            while (next < keys.length) {
                missing(next++);
            }
        }
        closeStarts();
        symbolId = NONE;
        next = 0;
    }

    private void missing(int index) {
        sink.session(index, GapDetector.wholeMissing(span.get(index)), null);
    }

    private LedgerRows.Starts starts() {
        if (starts == null) {
            starts = new LedgerRows.Starts(c, symbolId);
        }
        return starts;
    }

    private void closeStarts() throws SQLException {
        if (starts != null) {
            starts.close();
            starts = null;
        }
    }
}
