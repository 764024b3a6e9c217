package io.barkeep.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a whole-session "no trade" verdict may be believed. Two answers give one: the vendor's explicit "no data"
 * (ThetaData 472), and an answer whose every row of the session is a zero-trade row for a symbol that trades
 * elsewhere (suspect: kept, but asked again). Vendors fill late, so a verdict is not final at once:
 * <ul>
 *   <li>a "no data" verdict stands for {@link #RECHECK} after it was given, then the session is asked again;</li>
 *   <li>a suspect all-zero session is asked again at the next pass;</li>
 *   <li>either becomes final once given at least {@link #FINAL_AFTER} after the session closed: by then the
 *       vendor's history of that day no longer changes, and asking again every week would be noise.</li>
 * </ul>
 * A week because late fills and corrections at the vendor come within days of the session (the after-close
 * re-fetch catches the same-day ones); a month because history older than that is what a backfill of years
 * asks for, where re-asking every closed or delisted day weekly would multiply the requests for nothing.
 */
public final class NoTradeVerdict {
    /** How long a not-yet-final "no data" verdict stands before the vendor is asked again. */
    public static final Duration RECHECK = Duration.ofDays(7);
    /** A verdict given at least this long after the session's close is final. */
    public static final Duration FINAL_AFTER = Duration.ofDays(30);

    private NoTradeVerdict() {
    }

    /** Whether a verdict on {@code session} answered at {@code answeredAt} is final. */
    public static boolean isFinal(Session session, Instant answeredAt) {
        return !answeredAt.isBefore(session.close().plus(FINAL_AFTER));
    }

    /**
     * Whether the vendor's "no data" for {@code session}, answered at {@code answeredAt}, still stands at
     * {@code now}. Asked before the close, "no data" may only mean "not yet": it never stands.
     */
    public static boolean noDataStands(Session session, Instant answeredAt, Instant now) {
        if (answeredAt.isBefore(session.close())) {
            return false;
        }
        return isFinal(session, answeredAt) || answeredAt.plus(RECHECK).isAfter(now);
    }

    /** Whether a suspect all-zero session answered at {@code answeredAt} is believed (only once final). */
    public static boolean suspectStands(Session session, Instant answeredAt) {
        return isFinal(session, answeredAt);
    }
}
