package io.barkeep.store;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives the partial ledger rows of a database written before schema 6 their slot masks, once, when the engine
 * opens: in batches of {@link #BATCH} rows, each batch one writer transaction that continues after the last row of
 * the one before (a keyset walk of the primary key: memory holds one batch, and the ledger is walked once). The
 * last batch sets the marker {@link #MARKER} in {@code cache_meta} in its own transaction, so the fill never runs
 * again; an open interrupted half-way simply goes on from the start next time (a filled row no longer matches).
 *
 * <p>Here rather than a Flyway Java migration: a mask is laid out from the session's open, which the engine's
 * calendar knows and a migration does not (tests give the engine their own calendars), and the engine's writer runs
 * the same code on SQLite and PostgreSQL. Until it has run, a maskless partial row is read the old way (from its
 * bar rows), so nothing is wrong in between.
 */
final class SlotMaskFill {
    /** The {@code cache_meta} key that says the fill has run. */
    static final String MARKER = "ledger_slot_masks";
    static final int BATCH = 500;

    private static final String HAS_MARKER = "SELECT 1 FROM cache_meta WHERE key = ?";
    private static final String SET_MARKER = "INSERT INTO cache_meta (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO NOTHING";
    /** Partial rows that hold a kind of slot with no mask for it, after a (symbol, date), in key order. */
    private static final String NEXT = "SELECT symbol_id, session_date, held_bars, empty_bars FROM session_coverage"
            + " WHERE (symbol_id, session_date) > (?, ?) AND held_bars + empty_bars > 0"
            + " AND held_bars + empty_bars < expected_bars"
            + " AND ((held_bars > 0 AND held_slots IS NULL) OR (empty_bars > 0 AND empty_slots IS NULL))"
            + " ORDER BY symbol_id, session_date LIMIT " + BATCH;
    private static final String UPDATE = "UPDATE session_coverage SET held_slots = ?, empty_slots = ?"
            + " WHERE symbol_id = ? AND session_date = ?";

    private SlotMaskFill() {
    }

    /** Fills every maskless partial row unless the marker says it was done; returns the rows filled. */
    static int runOnce(Database db, TradingCalendar calendar) {
        boolean done = db.readJdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement(HAS_MARKER)) {
                ps.setString(1, MARKER);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (done) {
            return 0;
        }
        long[] after = {-1, -1};
        int filled = 0;
        while (true) {
            int seen = db.writer().runJdbc(c -> batch(c, calendar, after));
            filled += seen;
            if (seen < BATCH) {
                return filled;
            }
        }
    }

    /** Fills the next batch after {@code after} (moved past it); the last batch also sets the marker. */
    private static int batch(Connection c, TradingCalendar calendar, long[] after) throws SQLException {
        int seen = 0;
        try (PreparedStatement next = c.prepareStatement(NEXT);
             PreparedStatement update = c.prepareStatement(UPDATE);
             PreparedStatement bars = c.prepareStatement(SlotMask.BAR_STARTS);
             PreparedStatement empties = c.prepareStatement(SlotMask.EMPTY_STARTS)) {
            next.setLong(1, after[0]);
            next.setLong(2, after[1]);
            try (ResultSet rs = next.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    long symbolId = rs.getLong(1);
                    int dateKey = rs.getInt(2);
                    after[0] = symbolId;
                    after[1] = dateKey;
                    Optional<Session> s = calendar.session(GapService.dateOf(dateKey));
                    if (s.isEmpty()) {
                        continue; // a date the calendar does not know: its row stays on the old path
                    }
                    update.setBytes(1, rs.getInt(3) == 0 ? null : SlotMask.read(bars, symbolId, s.get()));
                    update.setBytes(2, rs.getInt(4) == 0 ? null : SlotMask.read(empties, symbolId, s.get()));
                    update.setLong(3, symbolId);
                    update.setLong(4, dateKey);
                    update.addBatch();
                }
            }
            if (seen > 0) {
                update.executeBatch();
            }
        }
        if (seen < BATCH) {
            try (PreparedStatement mark = c.prepareStatement(SET_MARKER)) {
                mark.setString(1, MARKER);
                mark.setString(2, "filled");
                mark.executeUpdate();
            }
        }
        return seen;
    }
}
