package io.barkeep.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the cache holds of one session: every expected 5-minute slot is held (a traded bar is stored),
 * vendor-empty (the vendor confirmed no trade, so no bar exists and none is missing), or missing.
 * {@code expected == held + vendorEmpty + missingBars()}.
 *
 * @param expected    the session's 5-minute slots ({@link Session#expectedBars()}: 78, or 42 on an early close)
 * @param held        slots with a stored bar
 * @param vendorEmpty slots the vendor confirmed empty
 * @param missing     the missing slots as contiguous ranges in time order, none crossing the session
 */
public record SessionCoverage(Session session, int expected, int held, int vendorEmpty, List<MissingRange> missing) {

    public SessionCoverage {
        Objects.requireNonNull(session, "session");
        missing = List.copyOf(missing);
        if (held < 0 || vendorEmpty < 0 || held + vendorEmpty > expected) {
            throw new IllegalArgumentException("bad coverage of " + session.date() + ": " + held + " held + "
                    + vendorEmpty + " empty of " + expected + " expected");
        }
    }

    /** How many slots are missing: neither held nor confirmed empty. */
    public int missingBars() {
        return expected - held - vendorEmpty;
    }

    /** Whether every slot is held or confirmed empty. */
    public boolean isComplete() {
        return held + vendorEmpty == expected;
    }

    /** COMPLETE, PARTIAL, or MISSING when no slot at all is accounted for. */
    public CoverageState state() {
        if (isComplete()) {
            return CoverageState.COMPLETE;
        }
        return held + vendorEmpty == 0 ? CoverageState.MISSING : CoverageState.PARTIAL;
    }
}
