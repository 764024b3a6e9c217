package io.barkeep.source.thetadata;

import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Theta Terminal's status codes (v2, v3 and the MCP server's error texts) and what each means for a caller:
 * which {@link Kind} of {@link SourceException} to raise, with a message a person understands. 472 NO_DATA is not
 * an error (an empty answer) and 477 NO_PAGE_FOUND is the v2 paging client's to restart; both still map to a kind
 * here for callers that meet them where they cannot act on them.
 */
public final class ThetaStatus {
    public static final int NO_IMPL = 404;
    public static final int GONE = 410;
    public static final int OS_LIMIT = 429;
    public static final int GENERAL = 470;
    public static final int PERMISSION = 471;
    public static final int NO_DATA = 472;
    public static final int INVALID_PARAMS = 473;
    public static final int DISCONNECTED = 474;
    public static final int TERMINAL_PARSE = 475;
    public static final int WRONG_IP = 476;
    public static final int NO_PAGE_FOUND = 477;
    public static final int INVALID_SESSION_ID = 478;
    public static final int LARGE_REQUEST = 570;
    public static final int SERVER_STARTING = 571;
    public static final int UNCAUGHT_ERROR = 572;

    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("NO_IMPL", NO_IMPL), Map.entry("GONE", GONE), Map.entry("OS_LIMIT", OS_LIMIT),
            Map.entry("GENERAL", GENERAL), Map.entry("PERMISSION", PERMISSION), Map.entry("NO_DATA", NO_DATA),
            Map.entry("INVALID_PARAMS", INVALID_PARAMS), Map.entry("DISCONNECTED", DISCONNECTED),
            Map.entry("TERMINAL_PARSE", TERMINAL_PARSE), Map.entry("WRONG_IP", WRONG_IP),
            Map.entry("NO_PAGE_FOUND", NO_PAGE_FOUND), Map.entry("INVALID_SESSION_ID", INVALID_SESSION_ID),
            Map.entry("LARGE_REQUEST", LARGE_REQUEST), Map.entry("SERVER_STARTING", SERVER_STARTING),
            Map.entry("UNCAUGHT_ERROR", UNCAUGHT_ERROR));
    private static final Map<Integer, String> NAMES = BY_NAME.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
    // A status name, or a 4xx/5xx number standing alone (not part of a price, a date or a longer number).
    private static final Pattern NAME_IN_TEXT = Pattern.compile("\\b(" + String.join("|", BY_NAME.keySet()) + ")\\b");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?<![\\d.])([45]\\d\\d)(?![\\d.])");
    private static final int MAX_DETAIL = 200;

    private ThetaStatus() {
    }

    /** {@code 471 PERMISSION}, or the bare number for a status the vendor does not name. */
    public static String label(int status) {
        String name = NAMES.get(status);
        return name != null ? status + " " + name : String.valueOf(status);
    }

    /** The status a vendor error name stands for ({@code "NO_DATA"} gives 472), case-insensitive. */
    public static Optional<Integer> byName(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(BY_NAME.get(name.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The status an error text names: a vendor error name ({@code NO_DATA}) first, else a lone 4xx/5xx number.
     * The MCP server reports errors as text only, so this is how its errors are classified.
     */
    public static Optional<Integer> inText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher name = NAME_IN_TEXT.matcher(text.toUpperCase(Locale.ROOT));
        if (name.find()) {
            return Optional.of(BY_NAME.get(name.group(1)));
        }
        Matcher code = CODE_IN_TEXT.matcher(text);
        return code.find() ? Optional.of(Integer.parseInt(code.group(1))) : Optional.empty();
    }

    /** Whether {@code status} is the vendor saying it has no data: an empty answer, not an error. */
    public static boolean isNoData(int status) {
        return status == NO_DATA;
    }

    /** What a caller does about {@code status} (not 2xx, not 472). */
    public static Kind kind(int status) {
        return switch (status) {
            case OS_LIMIT, GENERAL, DISCONNECTED, SERVER_STARTING, UNCAUGHT_ERROR -> Kind.RETRYABLE;
            case LARGE_REQUEST -> Kind.TOO_LARGE;
            case PERMISSION, WRONG_IP, INVALID_SESSION_ID -> Kind.FATAL;
            default -> status >= 500 ? Kind.RETRYABLE : Kind.REQUEST_FAILED;
        };
    }

    /**
     * The exception for an error answer. Problems of the account or the setup (471, 476, 478) say what to do about
     * them and do not name the request: every request would meet them.
     *
     * @param status  the HTTP status (or the one an error text names)
     * @param detail  the vendor's text (an error body or message), shortened into the message; may be null
     * @param request what was asked, for the message ({@code "AAPL 2024-01-02..2024-01-05"})
     */
    public static SourceException toException(int status, String detail, String request) {
        String label = label(status);
        String said = said(detail);
        String message = switch (status) {
            case PERMISSION -> "ThetaData says your subscription does not include this data (" + label
                    + "): 5-minute stock history needs the VALUE tier or higher" + said;
            case WRONG_IP -> "the Theta Terminal refused this client's address (" + label + "): use 127.0.0.1 in "
                    + "the terminal URL and never switch between it and localhost" + said;
            case INVALID_SESSION_ID -> "ThetaData rejected the terminal's session (" + label + "): two Theta "
                    + "Terminals are running on this account; stop one of them" + said;
            case LARGE_REQUEST -> "ThetaData says the request for " + request + " is too large (" + label
                    + "): ask for a shorter range" + said;
            default -> "ThetaData answered " + label + meaning(status).map(m -> " (" + m + ")").orElse("")
                    + " for " + request + said;
        };
        return new SourceException(kind(status), status, message);
    }

    /** Whether {@link #toException} names the request in its message for {@code status}. */
    static boolean namesRequest(int status) {
        return status != PERMISSION && status != WRONG_IP && status != INVALID_SESSION_ID;
    }

    private static Optional<String> meaning(int status) {
        return Optional.ofNullable(switch (status) {
            case NO_IMPL -> "wrong path or an outdated terminal";
            case GONE -> "the terminal does not serve this API version";
            case OS_LIMIT -> "too many requests queued at the terminal";
            case GENERAL -> "general error at the terminal";
            case NO_DATA -> "no data";
            case INVALID_PARAMS -> "bad parameters or symbol";
            case DISCONNECTED -> "the terminal lost its connection to ThetaData";
            case TERMINAL_PARSE -> "the terminal could not read the request";
            case NO_PAGE_FOUND -> "the next page of the answer expired";
            case SERVER_STARTING -> "the terminal is still starting";
            case UNCAUGHT_ERROR -> "uncaught error in the terminal";
            default -> null;
        });
    }

    /** The vendor's text as {@code ": text"} on one short line, to end a message; nothing when it is blank. */
    static String said(String detail) {
        return detail == null || detail.isBlank() ? "" : ": " + oneLine(detail);
    }

    /** {@code text} on one line and at most 200 characters, for messages. */
    static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
