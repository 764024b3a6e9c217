package io.barkeep.source.thetadata;

/** The plain-text bodies a {@link FakeThetaTerminal} sends with its error statuses. */
final class FakeStatusText {

    private FakeStatusText() {
    }

    static String of(int status) {
        return switch (status) {
            case 404 -> "NO_IMPL: no such path on this terminal";
            case 410 -> "GONE: v2 requests are not served by a v3 terminal";
            case 429 -> "OS_LIMIT: too many requests queued";
            case 470 -> "GENERAL: something went wrong";
            case 471 -> "PERMISSION: your subscription does not include this request";
            case 472 -> "NO_DATA: No data for the specified timeframe & contract.";
            case 473 -> "INVALID_PARAMS: invalid parameters";
            case 474 -> "DISCONNECTED: the terminal is not connected to the server";
            case 475 -> "TERMINAL_PARSE: the terminal could not parse the request";
            case 476 -> "WRONG_IP: requests must come from one address";
            case 477 -> "NO_PAGE_FOUND: the page has expired";
            case 478 -> "INVALID_SESSION_ID: another terminal is running with these credentials";
            case 570 -> "LARGE_REQUEST: a multi-day request may span at most one month";
            case 571 -> "SERVER_STARTING: the server is starting, try again shortly";
            case 572 -> "UNCAUGHT_ERROR: an unexpected error occurred";
            default -> "HTTP " + status;
        };
    }
}
