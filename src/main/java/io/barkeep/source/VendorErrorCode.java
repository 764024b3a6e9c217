package io.barkeep.source;

import io.barkeep.source.thetadata.ThetaStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code a vendor failure is counted under in the vendor health view: the vendor's status with its name
 * ({@code 429 TOO_MANY_REQUESTS}) when it answered with one, else why no answer came ({@link #TIMEOUT},
 * {@link #NO_TERMINAL} ...). A failure recorded in the database is known by its message only (the safety events
 * table has no column for a status), so {@link #ofMessage} reads the code back from the words the sources write.
 */
public final class VendorErrorCode {
    /** No whole answer within the request's deadline. */
    public static final String TIMEOUT = "timeout";
    /** Nothing listens where the terminal should: it does not run. */
    public static final String NO_TERMINAL = "no-terminal";
    /** The terminal runs but is not connected to the vendor. */
    public static final String DISCONNECTED = "disconnected";
    /** The connection broke while the answer was read. */
    public static final String CONNECTION_BROKE = "connection-broke";
    /** The answer was larger than any real one: cut, nothing kept. */
    public static final String TOO_LARGE = "too-large";
    /** Any other failure. */
    public static final String OTHER = "other";

    private VendorErrorCode() {
    }

    /** The code of a failure the source threw. */
    public static String of(SourceException e) {
        return e.status() >= 400 ? ThetaStatus.label(e.status()) : ofMessage(e.getMessage());
    }

    /**
     * The code of a failure known by its message, as in a safety event. The sources' own words for a missing
     * answer come first (a port or a deadline in them must not read as a status), then a vendor status.
     */
    public static String ofMessage(String message) {
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("did not answer") || lower.contains("timed out")) {
            return TIMEOUT;
        }
        if (lower.contains("no theta terminal")) {
            return NO_TERMINAL;
        }
        if (lower.contains("not connected to thetadata")) {
            return DISCONNECTED;
        }
        if (lower.contains("too large") && !lower.contains("large_request")) {
            return TOO_LARGE;
        }
        Optional<Integer> status = ThetaStatus.inText(text);
        if (status.isPresent()) {
            return ThetaStatus.label(status.get());
        }
        if (lower.contains("broke")) {
            return CONNECTION_BROKE;
        }
        return OTHER;
    }
}
