package io.barkeep.store;

import io.barkeep.domain.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * What the ledger's recount counts of one kind of row (bars, or empty markers) in a run of sessions, by the
 * session's index in the run: how many starts, the first and the last, and the slot mask of each session the starts
 * do not fill. Made from the starts in one pass, whether they were just written or read back with one range query.
 */
final class SessionCounts {
    private final long[] count;
    private final long[] first;
    private final long[] last;
    private final byte[][] masks;

    private SessionCounts(int sessions) {
        count = new long[sessions];
        first = new long[sessions];
        last = new long[sessions];
        masks = new byte[sessions][];
    }

    /** Nothing in any of {@code sessions}. */
    static SessionCounts none(List<Session> sessions) {
        return new SessionCounts(sessions.size());
    }

    /**
     * Groups {@code starts} (epoch seconds, ascending; a start given twice counts once; starts outside every
     * session are ignored) by the session of {@code sessions} (ascending, not overlapping) that holds each.
     */
    static SessionCounts of(List<Session> sessions, long[] starts) {
        SessionCounts out = new SessionCounts(sessions.size());
        int i = 0;
        for (int s = 0; s < sessions.size(); s++) {
            Session session = sessions.get(s);
            long open = session.open().getEpochSecond();
            long close = session.close().getEpochSecond();
            while (i < starts.length && starts[i] < open) {
                i++;
            }
            int from = i;
            long n = 0;
            for (; i < starts.length && starts[i] < close; i++) {
                if (n == 0 || starts[i] != out.last[s]) {
                    out.first[s] = n == 0 ? starts[i] : out.first[s];
                    out.last[s] = starts[i];
                    n++;
                }
            }
            out.count[s] = n;
            if (n > 0 && n < session.expectedBars()) {
                byte[] mask = SlotMask.empty(session);
                for (int k = from; k < i; k++) {
                    SlotMask.set(mask, session, starts[k]);
                }
                out.masks[s] = mask;
            }
        }
        return out;
    }

    /**
     * As {@link #of}, over the starts a prepared {@code SELECT ts ... WHERE symbol_id = ? AND ts >= ? AND ts < ?
     * ORDER BY ts} ({@link SlotMask#BAR_STARTS}, {@link SlotMask#EMPTY_STARTS}) finds for {@code symbolId} from the
     * first session's open to the last one's close: one query for the run instead of one a session.
     */
    static SessionCounts read(PreparedStatement starts, long symbolId, List<Session> sessions) throws SQLException {
        starts.setLong(1, symbolId);
        starts.setLong(2, sessions.get(0).open().getEpochSecond());
        starts.setLong(3, sessions.get(sessions.size() - 1).close().getEpochSecond());
        long[] read = new long[64];
        int n = 0;
        try (ResultSet rs = starts.executeQuery()) {
            while (rs.next()) {
                if (n == read.length) {
                    read = Arrays.copyOf(read, n * 2);
                }
                read[n++] = rs.getLong(1);
            }
        }
        return of(sessions, Arrays.copyOf(read, n));
    }

    /** How many distinct starts session {@code s} holds. */
    long count(int s) {
        return count[s];
    }

    /** The first start in session {@code s}; meaningless when it holds none. */
    long first(int s) {
        return first[s];
    }

    /** The last start in session {@code s}; meaningless when it holds none. */
    long last(int s) {
        return last[s];
    }

    /** The slot mask of session {@code s} when it holds some starts but not every slot; null otherwise. */
    byte[] mask(int s) {
        return masks[s];
    }
}
