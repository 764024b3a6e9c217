package io.barkeep.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A run of 5-minute bars the cache lacks and the vendor never confirmed empty: what a fetch must ask for.
 * Within one session the run is contiguous; {@link GapDetector#merge} joins runs that meet across a session
 * close and the next session's open, so the range may span sessions (and the nights and weekends between
 * them, which hold no bars).
 *
 * @param from         the first missing bar's start, inclusive
 * @param to           the end of the last missing bar, exclusive (a session close when the run reaches it)
 * @param firstSession the New York date of the session holding {@code from}
 * @param lastSession  the New York date of the session holding the last missing bar
 * @param bars         how many 5-minute bars are missing in the range
 */
public record MissingRange(Instant from, Instant to, LocalDate firstSession, LocalDate lastSession, int bars) {

    public MissingRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(firstSession, "firstSession");
        Objects.requireNonNull(lastSession, "lastSession");
        if (!from.isBefore(to) || bars <= 0 || lastSession.isBefore(firstSession)) {
            throw new IllegalArgumentException("bad missing range " + from + " to " + to + " (" + bars + " bars, "
                    + firstSession + " to " + lastSession + ")");
        }
    }

    /** Whether the range spans more than one session. */
    public boolean spansSessions() {
        return !firstSession.equals(lastSession);
    }
}
