package io.barkeep.source.thetadata;

import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Theta Terminal's HTTP status codes (thetadata/README.md, "Errors") and what each means for a caller.
 * 472 NO_DATA is an answer, not an error, so it has no kind.
 */
enum ThetaV3Status {
    NO_IMPL(404, Kind.REQUEST_FAILED, "wrong path or outdated terminal"),
    GONE(410, Kind.REQUEST_FAILED, "a v2 path asked of a v3 terminal"),
    OS_LIMIT(429, Kind.RETRYABLE, "too many requests queued"),
    GENERAL(470, Kind.RETRYABLE, "general error"),
    PERMISSION(471, Kind.FATAL, "subscription too low"),
    NO_DATA(472, null, "no data"),
    INVALID_PARAMS(473, Kind.REQUEST_FAILED, "bad parameters or symbol"),
    DISCONNECTED(474, Kind.RETRYABLE, "the terminal lost its connection to ThetaData"),
    TERMINAL_PARSE(475, Kind.REQUEST_FAILED, "the terminal could not parse the request"),
    WRONG_IP(476, Kind.FATAL, "wrong address"),
    NO_PAGE_FOUND(477, Kind.REQUEST_FAILED, "page expired"),
    INVALID_SESSION_ID(478, Kind.FATAL, "invalid session"),
    LARGE_REQUEST(570, Kind.TOO_LARGE, "request too large"),
    SERVER_STARTING(571, Kind.RETRYABLE, "the terminal is starting"),
    UNCAUGHT_ERROR(572, Kind.RETRYABLE, "uncaught error in the terminal");

    private static final int BODY_TEXT_MAX = 200;

    private final int code;
    private final Kind kind;
    private final String meaning;

    ThetaV3Status(int code, Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    static Optional<ThetaV3Status> of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }

    /** {@code 471 PERMISSION}, or the bare number for a code the vendor does not list. */
    static String label(int code) {
        return of(code).map(s -> code + " " + s.name()).orElse(String.valueOf(code));
    }

    /**
     * The exception for a non-200, non-472 answer to {@code request} (e.g. {@code "AAPL 2024-01-02..2024-01-31"}).
     * Codes the vendor does not list: any other 5xx is retried, anything else fails the request.
     */
    static SourceException failure(int code, String body, String request) {
        ThetaV3Status known = of(code).orElse(null);
        String label = label(code);
        String said = quote(body);
        if (known == null) {
            Kind kind = code >= 500 && code < 600 ? Kind.RETRYABLE : Kind.REQUEST_FAILED;
            return new SourceException(kind, code, "ThetaData answered " + label + " for " + request + said);
        }
        if (known.kind == null) {
            throw new IllegalArgumentException(label + " is an answer, not a failure");
        }
        String message = switch (known) {
            case PERMISSION -> "ThetaData says your subscription does not include this data (" + label
                    + "): 5-minute stock history needs the VALUE tier or higher" + said;
            case WRONG_IP -> "the Theta Terminal refused this client's address (" + label + "): use 127.0.0.1 in "
                    + "the terminal URL and never switch between it and localhost" + said;
            case INVALID_SESSION_ID -> "ThetaData rejected the terminal's session (" + label + "): two Theta "
                    + "Terminals are running on this account; stop one of them" + said;
            case LARGE_REQUEST -> "ThetaData says the request for " + request + " is too large (" + label
                    + "): ask for a shorter range" + said;
            default -> "ThetaData answered " + label + " (" + known.meaning + ") for " + request + said;
        };
        return new SourceException(known.kind, code, message);
    }

    /** The body's text as one short line, to quote in a message; nothing when the body is blank. */
    static String quote(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (line.isEmpty()) {
            return "";
        }
        return ": " + (line.length() <= BODY_TEXT_MAX ? line : line.substring(0, BODY_TEXT_MAX) + "...");
    }
}
