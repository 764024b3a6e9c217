package io.barkeep.store;

import io.barkeep.domain.GapDetector;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.store.GapService.Totals;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every symbol's {@link Totals} over the span it holds without handing every ledger row to Java: the database
 * aggregates each symbol's rows (count, span, summary) and hands over only the rows that are not a regular session
 * wholly held. The rest are known from their dates: where the current calendar wrote every row of a symbol and its
 * span has a row for every session, a session without a handed-over row is a regular session with all its bars.
 * The sessions the handed-over rows tell of get their coverage from the same code as the whole pass's
 * ({@link GapService#coverages}); the wholly held ones only add to the totals. At 554 symbols a few percent of
 * 414,000 rows cross, which is what freshness over every symbol costs: the dashboard reads it at every start.
 *
 * <p>A symbol whose ledger is not in that shape (a session without a row, which is how a session the vendor
 * answered without a bar stays; a row another calendar wrote) is read row by row, as a report of its own.
 */
final class LedgerTotals {
    private final GapService gaps;
    private final TradingCalendar calendar;
    private final Map<String, Totals> out = new HashMap<>();
    /** The spans of the symbols asked for, in symbol id order, and the next one not totalled yet. */
    private List<LedgerRows.Span> spans;
    private int next;
    private int rowByRow;

    LedgerTotals(GapService gaps, TradingCalendar calendar) {
        this.gaps = gaps;
        this.calendar = calendar;
    }

    /**
     * The totals of the symbols in {@code wanted} (by id) that have ledger rows, by symbol. Both reads run in one
     * read transaction, so they see the same ledger.
     */
    Map<String, Totals> read(Connection c, Map<Long, String> wanted) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            out.clear();
            spans = new ArrayList<>();
            next = 0;
            rowByRow = 0;
            for (LedgerRows.Span span : LedgerRows.spans(c, calendar.version())) {
                if (wanted.containsKey(span.symbolId())) {
                    spans.add(span);
                }
            }
            LedgerRows.forEachSymbolNotWhole(c, wanted::containsKey, (rows, conn) -> {
                // The symbols before this one have no row left: every session of theirs is wholly held.
                addWholeUpTo(rows.symbolId(), wanted, conn);
                if (next < spans.size() && spans.get(next).symbolId() == rows.symbolId()) {
                    add(spans.get(next++), wanted, rows.rows(), conn);
                }
            });
            addWholeUpTo(Long.MAX_VALUE, wanted, c);
            return out;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** Totals the symbols before {@code symbolId} not totalled yet: none of their rows was handed over. */
    private void addWholeUpTo(long symbolId, Map<Long, String> wanted, Connection c) throws SQLException {
        while (next < spans.size() && spans.get(next).symbolId() < symbolId) {
            add(spans.get(next++), wanted, List.of(), c);
        }
    }

    private void add(LedgerRows.Span span, Map<Long, String> wanted, List<LedgerRows.Row> notWhole, Connection c)
            throws SQLException {
        String symbol = wanted.get(span.symbolId());
        List<Session> sessions = gaps.pastSessions(GapService.dateOf(span.firstKey()),
                GapService.dateOf(span.lastKey()));
        Totals quick = everySessionHasARow(span, sessions) ? fromNotWhole(span, symbol, sessions, notWhole, c) : null;
        out.put(symbol, quick != null ? quick : rowByRow(span, symbol, sessions, c));
    }

    /** How many symbols the last {@link #read} read row by row. */
    int symbolsReadRowByRow() {
        return rowByRow;
    }

    /**
     * True when the current calendar wrote every row of the symbol and there are as many rows as sessions that have
     * begun in its span, first and last included: the rows' dates are then exactly those sessions.
     */
    private boolean everySessionHasARow(LedgerRows.Span span, List<Session> sessions) {
        return span.otherCalendar() == 0 && sessions.size() == span.rows() && !sessions.isEmpty()
                && sessions.get(0).dateKey() == span.firstKey()
                && sessions.get(sessions.size() - 1).dateKey() == span.lastKey();
    }

    /** One symbol's totals from the rows handed over and its sessions; null when they do not fit together. */
    private Totals fromNotWhole(LedgerRows.Span span, String symbol, List<Session> sessions,
                                List<LedgerRows.Row> notWhole, Connection c) throws SQLException {
        boolean[] whole = new boolean[sessions.size()];
        List<Session> told = new ArrayList<>(notWhole.size());
        int k = 0;
        for (int i = 0; i < whole.length; i++) {
            Session s = sessions.get(i);
            if (k < notWhole.size() && notWhole.get(k).dateKey() == s.dateKey()) {
                told.add(s);
                k++;
            } else if (s.expectedBars() == LedgerRows.MAX_SLOTS) {
                // Its row stayed in the database: every bar held, none empty.
                whole[i] = true;
            } else {
                // A shorter session whose row holds a regular session's bars.
                return null;
            }
        }
        if (k != notWhole.size()) {
            // A row on a day that is not one of the span's sessions.
            return null;
        }
        List<SessionCoverage> coverages;
        try (LedgerRows.Starts starts = new LedgerRows.Starts(c, span.symbolId())) {
            coverages = gaps.coverages(told, notWhole, starts).sessions();
        }
        // Merging needs of a run of wholly held sessions only that it breaks a run of missing bars: one of them
        // stands for the run.
        List<SessionCoverage> forMerge = new ArrayList<>(coverages.size() * 2 + 1);
        int wholeCount = 0;
        int next = 0;
        for (int i = 0; i < whole.length; i++) {
            if (!whole[i]) {
                forMerge.add(coverages.get(next++));
            } else {
                if (i == 0 || !whole[i - 1]) {
                    forMerge.add(GapDetector.complete(sessions.get(i), LedgerRows.MAX_SLOTS, 0));
                }
                wholeCount++;
            }
        }
        int wholeBars = wholeCount * LedgerRows.MAX_SLOTS;
        int expected = wholeBars + coverages.stream().mapToInt(SessionCoverage::expected).sum();
        int held = wholeBars + coverages.stream().mapToInt(SessionCoverage::held).sum();
        int empty = coverages.stream().mapToInt(SessionCoverage::vendorEmpty).sum();
        return new Totals(symbol, expected, held, empty, GapService.coveragePercent(expected, held, empty),
                GapDetector.merge(forMerge), span.firstTs(), span.lastTs(), span.fetchedAt());
    }

    /** One symbol's totals from all its rows over its span: its own report. */
    private Totals rowByRow(LedgerRows.Span span, String symbol, List<Session> sessions, Connection c)
            throws SQLException {
        rowByRow++;
        GapService.Coverages coverages = sessions.isEmpty() ? new GapService.Coverages(List.of(), Map.of())
                : gaps.coverages(c, span.symbolId(), sessions);
        return Totals.of(gaps.report(symbol, GapService.dateOf(span.firstKey()), GapService.dateOf(span.lastKey()),
                coverages), span.firstTs(), span.lastTs(), span.fetchedAt());
    }
}
