package io.barkeep.domain;

import java.time.Duration;

/**
 * The bounds of the quarantine, where refused rows are kept with their reasons. Nothing refused goes unrecorded,
 * but a flood of bad rows must not flood the disk, the memory or the terminal: of one import or one vendor answer
 * the first {@value #ROWS_PER_BATCH} rows are kept and the rest counted in one summary row; the table keeps rows
 * for {@link #MAX_AGE} and at most {@value #MAX_ROWS} of them; a row's text is kept up to {@value #RAW_CHARS}
 * characters; a command prints at most {@value #ECHO_LINES} of them.
 */
public final class Quarantine {
    /** Rejected rows kept of one import or one vendor answer. */
    public static final int ROWS_PER_BATCH = 1_000;
    /** Rows the quarantine holds at most; the oldest go first. */
    public static final int MAX_ROWS = 100_000;
    /** How long a quarantined row is kept. */
    public static final Duration MAX_AGE = Duration.ofDays(90);
    /** Characters of a row's text kept: a bar row has about 80, so more is not a bar row and is cut. */
    public static final int RAW_CHARS = 1_000;
    /** Rejected rows a command prints before a summary line: a screenful. */
    public static final int ECHO_LINES = 20;

    private Quarantine() {
    }

    /** {@code raw} cut to {@value #RAW_CHARS} characters, saying how long it was when cut. */
    public static String clip(String raw) {
        if (raw == null || raw.length() <= RAW_CHARS) {
            return raw;
        }
        return raw.substring(0, RAW_CHARS) + "... (" + raw.length() + " characters)";
    }

    /** The reason of the one row that stands for the {@code notKept} rows past the first ones. */
    public static String notKeptReason(long notKept) {
        return notKept + " more rejected row" + (notKept == 1 ? "" : "s") + " not kept (the first "
                + ROWS_PER_BATCH + " of one import or answer are)";
    }
}
