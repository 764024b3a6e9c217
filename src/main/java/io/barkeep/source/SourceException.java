package io.barkeep.source;

/**
 * A request a source could not answer, classified by what the caller should do about it. The message is one
 * line a person understands.
 */
public final class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What the caller does next. */
    public enum Kind {
        /** Try again later with back-off (ThetaData 429, 470, 474, 571, 572, 5xx, timeouts, cut bodies). */
        RETRYABLE,
        /** Ask for less: split the range (ThetaData 570). */
        TOO_LARGE,
        /** This request can never succeed as asked (404, 473 bad parameters or symbol, 475, 477). */
        REQUEST_FAILED,
        /** Nothing will work until a person acts: subscription, configuration, two terminals (471, 476, 478). */
        FATAL,
        /** The source is not there: terminal not running or not connected upstream. */
        UNAVAILABLE,
        /** The caller cancelled the work; the request in flight was aborted. Nothing to record or retry. */
        CANCELLED
    }

    private final Kind kind;
    private final int status;

    /**
     * @param status the HTTP status when there was one, else -1
     */
    public SourceException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public SourceException(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}
