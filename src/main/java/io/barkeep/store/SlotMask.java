package io.barkeep.store;

import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.EMPTY_BARS;

import io.barkeep.domain.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * The coverage ledger's slot masks ({@code held_slots}, {@code empty_slots}): bit i (byte i / 8, bit i % 8) set
 * when the 5-minute slot starting at the session's open + i * 300 s is held (or answered empty). One byte a
 * 40-minute stretch: a regular session's mask is 10 bytes, and only partial sessions carry one.
 */
final class SlotMask {
    /** The bar starts of one symbol in [open, close), ascending: what a mask is made of. */
    static final String BAR_STARTS = startsSql(BARS_5M, BARS_5M.SYMBOL_ID, BARS_5M.TS);
    /** As {@link #BAR_STARTS} for the vendor-empty markers. */
    static final String EMPTY_STARTS = startsSql(EMPTY_BARS, EMPTY_BARS.SYMBOL_ID, EMPTY_BARS.TS);

    private SlotMask() {
    }

    /** An empty mask with room for every slot of {@code s}. */
    static byte[] empty(Session s) {
        return new byte[(s.expectedBars() + 7) / 8];
    }

    /** Sets the bit of the slot starting at {@code epochSecond}; a start off the session's grid is ignored. */
    static void set(byte[] mask, Session s, long epochSecond) {
        long offset = epochSecond - s.open().getEpochSecond();
        if (offset < 0 || offset % Session.BAR_SECONDS != 0) {
            return;
        }
        long slot = offset / Session.BAR_SECONDS;
        if (slot < mask.length * 8L) {
            mask[(int) (slot >>> 3)] |= (byte) (1 << (slot & 7));
        }
    }

    /** How many slots the mask says are set. */
    static int count(byte[] mask) {
        int n = 0;
        for (byte b : mask) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    /** The starts of the slots set, ascending (what {@link io.barkeep.domain.GapDetector#coverage} takes). */
    static long[] starts(byte[] mask, Session s) {
        long[] out = new long[count(mask)];
        long open = s.open().getEpochSecond();
        int n = 0;
        for (int i = 0; i < mask.length * 8; i++) {
            if ((mask[i >>> 3] & (1 << (i & 7))) != 0) {
                out[n++] = open + (long) i * Session.BAR_SECONDS;
            }
        }
        return out;
    }

    /**
     * The mask of the starts a prepared {@code SELECT ts ... WHERE symbol_id = ? AND ts >= ? AND ts < ?} finds in
     * {@code s}.
     */
    static byte[] read(PreparedStatement starts, long symbolId, Session s) throws SQLException {
        starts.setLong(1, symbolId);
        starts.setLong(2, s.open().getEpochSecond());
        starts.setLong(3, s.close().getEpochSecond());
        byte[] mask = empty(s);
        try (ResultSet rs = starts.executeQuery()) {
            while (rs.next()) {
                set(mask, s, rs.getLong(1));
            }
        }
        return mask;
    }

    /** {@code mask} when it says what {@code count} says (a row an older writer or a SQL trigger left may not). */
    static byte[] ifAgrees(byte[] mask, int count) {
        return mask != null && count(mask) == count ? mask : null;
    }

    private static String startsSql(Table<?> table, Field<Long> symbolField, Field<Long> ts) {
        return DSL.using(SQLDialect.SQLITE).select(ts).from(table)
                .where(symbolField.eq((Long) null)).and(ts.ge((Long) null)).and(ts.lt((Long) null)).orderBy(ts)
                .getSQL(ParamType.INDEXED);
    }
}
