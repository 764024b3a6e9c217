package io.barkeep.source.thetadata;

import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(NO_IMPL, "NO_IMPL"), Map.entry(GONE, "GONE"), Map.entry(OS_LIMIT, "OS_LIMIT"),
            Map.entry(GENERAL, "GENERAL"), Map.entry(PERMISSION, "PERMISSION"), Map.entry(NO_DATA, "NO_DATA"),
            Map.entry(INVALID_PARAMS, "INVALID_PARAMS"), Map.entry(DISCONNECTED, "DISCONNECTED"),
            Map.entry(TERMINAL_PARSE, "TERMINAL_PARSE"), Map.entry(WRONG_IP, "WRONG_IP"),
            Map.entry(NO_PAGE_FOUND, "NO_PAGE_FOUND"), Map.entry(INVALID_SESSION_ID, "INVALID_SESSION_ID"),
            Map.entry(LARGE_REQUEST, "LARGE_REQUEST"), Map.entry(SERVER_STARTING, "SERVER_STARTING"),
            Map.entry(UNCAUGHT_ERROR, "UNCAUGHT_ERROR"));
    // A status name, or a 4xx/5xx number standing alone (not part of a price, a date or a longer number).
    private static final Pattern NAME_IN_TEXT = Pattern.compile("\\b(" + String.join("|", BY_NAME.keySet()) + ")\\b");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?<![\\d.])([45]\\d\\d)(?![\\d.])");
    private static final int MAX_DETAIL = 200;

    private ThetaStatus() {
    }

    /** The vendor's name of {@code status} ({@code NO_DATA}...), or "HTTP n" for one it does not name. */
    public static String name(int status) {
        String name = NAMES.get(status);
        return name != null ? name : "HTTP " + status;
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
     * The exception for an error answer.
     *
     * @param status  the HTTP status (or the one an MCP error text names)
     * @param detail  the vendor's text (an error body or message), shortened into the message; may be null
     * @param request what was asked, for the message ({@code "AAPL 2024-01-02..2024-01-05"})
     */
    public static SourceException toException(int status, String detail, String request) {
        String what = explain(status);
        String vendor = detail == null || detail.isBlank() ? "" : " (terminal said: " + oneLine(detail) + ")";
        return new SourceException(kind(status), status,
                "Theta Terminal answered " + status + " " + name(status) + " for " + request + ": " + what + vendor);
    }

    private static String explain(int status) {
        return switch (status) {
            case NO_IMPL -> "the terminal does not know this request (wrong path or an outdated terminal)";
            case GONE -> "the terminal does not serve this API version";
            case OS_LIMIT -> "too many requests queued at the terminal; retry later";
            case GENERAL, UNCAUGHT_ERROR -> "the terminal hit an error; retry later";
            case PERMISSION -> "your ThetaData subscription does not include this data: upgrade the account"
                    + " (stock history needs VALUE or higher)";
            case NO_DATA -> "no data for this request";
            case INVALID_PARAMS -> "the terminal rejected the request's parameters (a bad symbol or date)";
            case DISCONNECTED -> "the terminal lost its connection to ThetaData; retry later";
            case TERMINAL_PARSE -> "the terminal could not read the request";
            case WRONG_IP -> "the terminal refuses this client's address: always use 127.0.0.1 (never mix it with"
                    + " localhost) in the terminal URL";
            case NO_PAGE_FOUND -> "the next page of the answer expired at the terminal";
            case INVALID_SESSION_ID -> "two Theta Terminals run with the same account: stop one of them";
            case LARGE_REQUEST -> "the request is too large; ask for fewer days";
            case SERVER_STARTING -> "the terminal is still starting; retry shortly";
            default -> status >= 500 ? "the terminal failed; retry later" : "the request failed";
        };
    }

    /** {@code text} on one line and at most 200 characters, for messages. */
    static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
