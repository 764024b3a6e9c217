package io.barkeep.ui.freshness;

import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How many 5-minute bars a symbol's newest bar is behind the last bar that has closed, counted on the exchange
 * calendar: during a session the reference is the last bar that has ended by now; outside sessions (nights,
 * weekends, holidays, the first five minutes of a session) it is the last bar of the last session that closed.
 * Bars are counted across sessions, so a symbol stuck at yesterday's close is 78 bars behind one full session in.
 */
public final class FreshnessLag {

    /**
     * What lag is measured against.
     *
     * @param lastClosedBar start of the newest bar that has ended
     * @param inSession     whether the market is open now (thresholds apply to a running session)
     */
    public record Reference(Instant lastClosedBar, boolean inSession) {
    }

    private FreshnessLag() {
    }

    /** The reference at {@code now}, or empty when the calendar knows no session before it. */
    public static Optional<Reference> reference(TradingCalendar calendar, Instant now) {
        Optional<Session> open = calendar.sessionAt(now);
        if (open.isPresent()) {
            Session s = open.get();
            long closed = (now.getEpochSecond() - s.open().getEpochSecond()) / Session.BAR_SECONDS;
            if (closed > 0) {
                return Optional.of(new Reference(s.open().plusSeconds((closed - 1) * Session.BAR_SECONDS), true));
            }
            // The opening bar has not ended yet: the newest bar that can exist is the previous session's last.
            return calendar.previousSessionBefore(s.date()).map(p -> new Reference(lastBar(p), true));
        }
        return calendar.latestSessionStartedBy(now).map(s -> new Reference(lastBar(s), false));
    }

    /** Bars on the calendar's 5-minute grid that start after {@code newestBar} and at or before the reference. */
    public static long barsBehind(TradingCalendar calendar, Instant newestBar, Instant lastClosedBar) {
        if (!newestBar.isBefore(lastClosedBar)) {
            return 0;
        }
        LocalDate from = newestBar.atZone(Session.NEW_YORK).toLocalDate();
        LocalDate to = lastClosedBar.atZone(Session.NEW_YORK).toLocalDate();
        long behind = 0;
        for (Session s : calendar.sessions(from, to)) {
            long open = s.open().getEpochSecond();
            long firstAfter = newestBar.getEpochSecond() < open ? 0
                    : Math.floorDiv(newestBar.getEpochSecond() - open, Session.BAR_SECONDS) + 1;
            long lastUpTo = lastClosedBar.getEpochSecond() < open ? -1
                    : Math.min(s.expectedBars() - 1, Math.floorDiv(lastClosedBar.getEpochSecond() - open,
                    Session.BAR_SECONDS));
            behind += Math.max(0, lastUpTo - firstAfter + 1);
        }
        return behind;
    }

    private static Instant lastBar(Session s) {
        return s.close().minusSeconds(Session.BAR_SECONDS);
    }
}
