package io.barkeep.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the 5-minute bars a session should have and the cache lacks, as ranges a fetch can ask for.
 * The calendar says what should exist ({@link Session#expectedBars()}); a slot the vendor confirmed empty
 * (no trade) is covered, not missing, so it is never fetched again.
 */
public final class GapDetector {
    private static final long BAR_SECONDS = Session.BAR_SECONDS;

    private GapDetector() {
    }

    /**
     * The coverage of one session from the bar starts the cache holds and those the vendor confirmed empty.
     * Starts outside the session or off its 5-minute grid are ignored; a slot in both arrays counts as held.
     *
     * @param heldStarts  epoch seconds of stored bars' starts, ascending
     * @param emptyStarts epoch seconds of vendor-empty slots, ascending
     */
    public static SessionCoverage coverage(Session s, long[] heldStarts, long[] emptyStarts) {
        Objects.requireNonNull(s, "session");
        int expected = s.expectedBars();
        long open = s.open().getEpochSecond();
        int hi = 0;
        int ei = 0;
        int held = 0;
        int empty = 0;
        int runStart = -1;
        List<MissingRange> missing = new ArrayList<>();
        for (int k = 0; k < expected; k++) {
            long t = open + k * BAR_SECONDS;
            while (hi < heldStarts.length && heldStarts[hi] < t) {
                hi++;
            }
            while (ei < emptyStarts.length && emptyStarts[ei] < t) {
                ei++;
            }
            if (hi < heldStarts.length && heldStarts[hi] == t) {
                held++;
            } else if (ei < emptyStarts.length && emptyStarts[ei] == t) {
                empty++;
            } else {
                if (runStart < 0) {
                    runStart = k;
                }
                continue;
            }
            if (runStart >= 0) {
                missing.add(range(s, runStart, k));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            missing.add(range(s, runStart, expected));
        }
        return new SessionCoverage(s, expected, held, empty, missing);
    }

    /**
     * A session the ledger records as complete, without reading its timestamps.
     *
     * @throws IllegalArgumentException when {@code held + empty} is not the session's expected count
     */
    public static SessionCoverage complete(Session s, int held, int empty) {
        if (held + empty != s.expectedBars()) {
            throw new IllegalArgumentException("session " + s.date() + " is not complete: " + held + " held + "
                    + empty + " empty of " + s.expectedBars() + " expected");
        }
        return new SessionCoverage(s, s.expectedBars(), held, empty, List.of());
    }

    /** A session of which the cache holds nothing and the vendor confirmed nothing: one range, open to close. */
    public static SessionCoverage wholeMissing(Session s) {
        return new SessionCoverage(s, s.expectedBars(), 0, 0, List.of(range(s, 0, s.expectedBars())));
    }

    /**
     * All missing ranges of {@code coverages}, joining a range that ends at its session's close with one that
     * starts at the next coverage's session open: five wholly missing sessions become one range.
     *
     * @param coverages consecutive sessions of the calendar in date order, complete ones included: the next
     *                  coverage in the list is taken to be the next session, so a session left out would be
     *                  bridged as if missing
     * @throws IllegalArgumentException when the coverages are not in strictly increasing date order
     */
    public static List<MissingRange> merge(List<SessionCoverage> coverages) {
        List<MissingRange> out = new ArrayList<>();
        MissingRange pending = null;
        // The pending range may be joined only if it reached the close of the session just before this one.
        boolean pendingReachesClose = false;
        Session previous = null;
        for (SessionCoverage coverage : coverages) {
            Session s = coverage.session();
            if (previous != null && !previous.date().isBefore(s.date())) {
                throw new IllegalArgumentException("coverages out of order: " + s.date() + " after "
                        + previous.date());
            }
            if (pending != null && !pendingReachesClose) {
                out.add(pending);
                pending = null;
            }
            for (MissingRange r : coverage.missing()) {
                if (pending != null && pendingReachesClose && r.from().equals(s.open())) {
                    pending = new MissingRange(pending.from(), r.to(), pending.firstSession(), r.lastSession(),
                            pending.bars() + r.bars());
                } else {
                    if (pending != null) {
                        out.add(pending);
                    }
                    pending = r;
                }
                pendingReachesClose = r.to().equals(s.close());
            }
            if (coverage.missing().isEmpty()) {
                pendingReachesClose = false;
            }
            previous = s;
        }
        if (pending != null) {
            out.add(pending);
        }
        return out;
    }

    private static MissingRange range(Session s, int fromIndex, int toIndex) {
        long open = s.open().getEpochSecond();
        Instant from = Instant.ofEpochSecond(open + fromIndex * BAR_SECONDS);
        // The run reaching the last slot ends at the close itself, so merge can compare it with the close.
        Instant to = toIndex == s.expectedBars() ? s.close() : Instant.ofEpochSecond(open + toIndex * BAR_SECONDS);
        return new MissingRange(from, to, s.date(), s.date(), toIndex - fromIndex);
    }
}
