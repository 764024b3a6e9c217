package io.barkeep.source.thetadata;

import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.RowFields;
import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.VendorErrorCode;
import io.barkeep.source.SymbolCheck;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ThetaData v3 REST source: asks a local Theta Terminal for 5-minute stock history
 * ({@code GET /v3/stock/history/ohlc}) and reads the answer with {@link ThetaBarParser}.
 * <p>
 * A fair semaphore sized to the account tier's limit (FREE 1, VALUE 2, STANDARD 4, PRO 8) guards every HTTP
 * request, so no more than that many are ever in flight, whatever the number of calling threads. Each request has
 * one overall deadline covering connect, headers and body. Status codes map to {@link Kind}s as the vendor's table
 * says: 472 is an empty answer; 429, 470, 474, 571, 572 and other 5xx are retryable; 570 asks for a smaller range;
 * 471, 476, 478 need a person; 404, 410, 473, 475, 477 fail the request. Thread-safe.
 */
public final class ThetaV3Source implements BarSource {
    /** The name on the command line and in safety events. */
    public static final String NAME = "thetadata";
    /** Where the terminal listens unless told otherwise; always 127.0.0.1, never localhost (476 WRONG_IP). */
    public static final URI DEFAULT_ROOT = URI.create("http://127.0.0.1:25503");
    /** Requests in flight a VALUE account allows, the lowest tier with stock history. */
    public static final int DEFAULT_CONCURRENCY = 2;
    /** Generous: the vendor's p90 for a 30-day request is under a second, but the terminal queues. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    static final String HISTORY_PATH = "/v3/stock/history/ohlc";
    static final String STATUS_PATH = "/v3/terminal/mdds/status";

    private static final Logger LOG = LoggerFactory.getLogger(ThetaV3Source.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int STATUS_OK = 200;

    private final String root;
    private final Duration timeout;
    private final ThetaFormat format;
    private final ThetaHttp http;
    private final RequestStats stats;
    private final ThetaBarParser parser = new ThetaBarParser();
    private final ThetaSymbolList symbols;

    /** A source for a terminal at {@link #DEFAULT_ROOT} with the VALUE tier's limit, CSV answers. */
    public ThetaV3Source() {
        this(DEFAULT_ROOT, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT);
    }

    /** A source asking for CSV answers. */
    public ThetaV3Source(URI root, int concurrency, Duration timeout) {
        this(root, concurrency, timeout, ThetaFormat.CSV);
    }

    /**
     * @param root        the terminal's root URL, e.g. {@code http://127.0.0.1:25503}; a trailing {@code /} or
     *                    {@code /v3} is ignored, the client adds {@code /v3/...}
     * @param concurrency requests in flight at most, the account tier's limit
     * @param timeout     how long one request may take, from connecting to the last byte of the body
     * @param format      the body format to ask for
     */
    public ThetaV3Source(URI root, int concurrency, Duration timeout, ThetaFormat format) {
        this(root, concurrency, timeout, format, Clock.systemUTC());
    }

    /** As {@link #ThetaV3Source(URI, int, Duration, ThetaFormat)}; {@code clock} decides which day's symbol list. */
    public ThetaV3Source(URI root, int concurrency, Duration timeout, ThetaFormat format, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("ThetaData concurrency must be at least 1, not " + concurrency);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("ThetaData request timeout must be positive, not " + timeout);
        }
        if (root.getHost() == null || root.getScheme() == null
                || !root.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
            throw new IllegalArgumentException("ThetaData terminal URL must look like " + DEFAULT_ROOT
                    + ", not " + root);
        }
        this.root = trimRoot(root.toString());
        this.timeout = timeout;
        this.format = Objects.requireNonNull(format);
        this.stats = new RequestStats(concurrency, Clock.systemUTC());
        this.symbols = new ThetaSymbolList(this::symbolListBody, clock);
        this.http = new ThetaHttp(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                // the terminal is on this machine: a system proxy must not stand between
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), concurrency, timeout, stats);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Refuses every later request (the unit closing this source waited for those in flight). */
    @Override
    public void close() {
        http.close();
    }

    /** The terminal's root URL as used, without a trailing {@code /}. */
    public String root() {
        return root;
    }

    /**
     * Asks the terminal whether it is connected to ThetaData ({@code /v3/terminal/mdds/status}).
     *
     * @throws SourceException {@link Kind#UNAVAILABLE} when the terminal does not run, does not answer, or is
     *                         not connected upstream
     */
    @Override
    public void checkReady() throws SourceException {
        try {
            askReady();
            stats.checked(true, "");
        } catch (SourceException e) {
            stats.checked(false, VendorErrorCode.of(e));
            throw e;
        }
    }

    private void askReady() throws SourceException {
        Reply reply;
        try {
            reply = send(STATUS_PATH, "the status check", ThetaHttp.capForDays(1), null);
        } catch (SourceException e) {
            throw e.kind() == Kind.UNAVAILABLE ? e : new SourceException(Kind.UNAVAILABLE, e.status(),
                    e.getMessage(), e);
        }
        if (reply.status != STATUS_OK) {
            throw new SourceException(Kind.UNAVAILABLE, reply.status, "the Theta Terminal at " + root
                    + " answered the status check with " + ThetaStatus.label(reply.status)
                    + ThetaStatus.said(reply.body));
        }
        String state = reply.body.strip().toUpperCase(Locale.ROOT);
        if (state.equals("DISCONNECTED")) {
            throw new SourceException(Kind.UNAVAILABLE, reply.status,
                    "Theta Terminal is running but not connected to ThetaData (mdds DISCONNECTED)");
        }
        if (!state.equals("CONNECTED")) {
            throw new SourceException(Kind.UNAVAILABLE, reply.status, "the Theta Terminal at " + root
                    + " answered the status check with '" + RowFields.quote(reply.body.strip()) + "', not CONNECTED");
        }
    }

    /**
     * Looks {@code symbol} up in the vendor's symbol list ({@code /v3/stock/list/symbols}), asked at most once a
     * New York day; when the list cannot be had, says so (the caller adds the symbol anyway).
     */
    @Override
    public SymbolCheck checkSymbol(String symbol) {
        return symbols.check(symbol);
    }

    private String symbolListBody() throws SourceException {
        Reply reply = send(ThetaSymbolList.PATH + "?format=csv", "the symbol list", ThetaSymbolList.MAX_BYTES,
                Cancellation.none());
        if (reply.status != STATUS_OK) {
            throw ThetaStatus.toException(reply.status, reply.body, "the symbol list");
        }
        return reply.body;
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        return fetch(symbol, from, to, Cancellation.none());
    }

    /**
     * The bars from..to; the answer is read as a stream of at most {@link ThetaHttp#capForDays} bytes (a larger
     * one fails as {@link Kind#TOO_LARGE}, so the caller asks for less) within the one request deadline.
     */
    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to, Cancellation cancel)
            throws SourceException {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        boolean oneDay = from.equals(to);
        String dates = oneDay ? "&date=" + DATE.format(from)
                : "&start_date=" + DATE.format(from) + "&end_date=" + DATE.format(to);
        String request = symbol + " " + (oneDay ? from.toString() : from + ".." + to);
        Reply reply = send(HISTORY_PATH + "?symbol=" + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + dates
                + "&interval=5m&format=" + format.queryValue(), request,
                ThetaHttp.capForDays(ChronoUnit.DAYS.between(from, to) + 1), cancel);
        if (ThetaStatus.isNoData(reply.status)) {
            return SourceAnswer.empty();
        }
        if (reply.status != STATUS_OK) {
            throw ThetaStatus.toException(reply.status, reply.body, request);
        }
        SourceAnswer answer = parser.parse(reply.body, format);
        LOG.debug("{}: {} bars, {} empty, {} unreadable, {} rounded prices", request, answer.bars().size(),
                answer.empties().size(), answer.unreadable().size(), answer.roundedPrices());
        return answer;
    }

    /**
     * One GET under the semaphore, with one deadline for the whole exchange and a cap on the body; a null
     * {@code cancel} marks the readiness check (it is counted as one, see {@link ThetaHttp#check}).
     */
    private Reply send(String pathAndQuery, String what, long maxBytes, Cancellation cancel) throws SourceException {
        URI uri = URI.create(root + pathAndQuery);
        long started = System.nanoTime();
        try {
            ThetaHttp.Reply reply = cancel == null ? http.check(uri, maxBytes) : http.get(uri, maxBytes, cancel);
            LOG.debug("GET {} -> {} in {} ms", uri, reply.status(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new Reply(reply.status(), reply.body());
        } catch (ThetaHttp.Failure f) {
            throw switch (f.reason) {
                case TIMEOUT -> tooSlow(what, f);
                case TOO_LARGE -> new SourceException(Kind.TOO_LARGE, STATUS_OK, "the Theta Terminal's answer to "
                        + what + " is too large (" + f.getMessage() + "); none of it was kept", f);
                case CANCELLED -> new SourceException(Kind.CANCELLED, -1, "cancelled while asking for " + what, f);
                case CLOSED -> new SourceException(Kind.UNAVAILABLE, -1, "the " + NAME + " source is closed", f);
                case BROKEN -> broken(f.getCause(), what);
            };
        }
    }

    @Override
    public RequestStats requestStats() {
        return stats;
    }

    private SourceException broken(Throwable cause, String what) {
        if (ThetaHttp.refusedConnection(cause)) {
            return new SourceException(Kind.UNAVAILABLE, -1,
                    "no Theta Terminal at " + root + " — start it, or use --source demo", cause);
        }
        if (cause instanceof IOException) {
            return new SourceException(Kind.RETRYABLE, -1, "the connection to the Theta Terminal broke while "
                    + "reading the answer to " + what + " (" + cause.getMessage() + "); none of it was kept", cause);
        }
        return new SourceException(Kind.RETRYABLE, -1, "asking the Theta Terminal for " + what + " failed: "
                + cause, cause);
    }

    private SourceException tooSlow(String what, Throwable cause) {
        long millis = timeout.toMillis();
        String limit = millis < 1000 ? millis + " ms" : timeout.toSeconds() + " s";
        return new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal at " + root + " did not answer "
                + what + " within " + limit, cause);
    }

    private static String trimRoot(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.endsWith("/v3") ? trimmed.substring(0, trimmed.length() - "/v3".length()) : trimmed;
    }

    private record Reply(int status, String body) {
    }
}
