package io.barkeep.source.thetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.Symbols;
import io.barkeep.source.BarSource;
import io.barkeep.source.Cancellation;
import io.barkeep.source.RequestStats;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceException;
import io.barkeep.source.SymbolCheck;
import io.barkeep.source.SourceException.Kind;
import io.barkeep.source.VendorErrorCode;
import java.net.ConnectException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 5-minute bars from a legacy Theta Terminal v2 ({@code GET /v2/hist/stock/ohlc}, default
 * {@code http://127.0.0.1:25510}). Follows paged answers at once ({@code header.next_page} in JSON, the
 * {@code Next-Page} response header in CSV) and restarts a request once from its first page when a page has
 * expired (477). Never more than {@code maxInFlight} HTTP requests in flight (the account tier's limit). A v3
 * terminal answers v2 paths with 410: the message then points to the {@code thetadata} source.
 */
public final class ThetaV2Source implements BarSource {
    /** The name on the command line and in settings. */
    public static final String NAME = "thetadata-v2";
    /** Where a v2 terminal listens by default; always 127.0.0.1, never localhost (the terminal answers 476). */
    public static final URI DEFAULT_ROOT = URI.create("http://127.0.0.1:25510");
    /** Requests in flight of a VALUE account. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 2;
    /** How long one request (one page) may take. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Which body format to ask the terminal for. */
    public enum Format {
        /** The terminal's default: {@code {"header":{...},"response":[[...]]}}. */
        JSON,
        /** {@code use_csv=true}: CSV with a header line; the next page comes in the {@code Next-Page} header. */
        CSV
    }

    private static final Logger LOG = LoggerFactory.getLogger(ThetaV2Source.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int FIVE_MINUTES_MS = 300_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // a month of 5-minute bars is about 1,700 rows: even pages of 10 rows stay far below this
    private static final int MAX_PAGES = 10_000;

    private final String root;
    private final Format format;
    private final Duration requestTimeout;
    private final ThetaHttp http;
    private final RequestStats stats;
    private final ThetaSymbolList symbols;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A source for the terminal at {@link #DEFAULT_ROOT} with {@link #DEFAULT_MAX_IN_FLIGHT}, JSON answers. */
    public ThetaV2Source() {
        this(DEFAULT_ROOT, DEFAULT_MAX_IN_FLIGHT);
    }

    public ThetaV2Source(URI root, int maxInFlight) {
        this(root, maxInFlight, Format.JSON, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * @param root           the terminal's base URL, e.g. {@code http://127.0.0.1:25510}
     * @param maxInFlight    requests in flight at most (FREE 1, VALUE 2, STANDARD 4, PRO 8)
     * @param format         the body format to ask for
     * @param requestTimeout how long one request may take before it counts as failed (retryable)
     */
    public ThetaV2Source(URI root, int maxInFlight, Format format, Duration requestTimeout) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        String text = Objects.requireNonNull(root, "root").toString();
        this.root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.format = Objects.requireNonNull(format, "format");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.stats = new RequestStats(maxInFlight, Clock.systemUTC());
        this.http = new ThetaHttp(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build(), maxInFlight, requestTimeout, stats);
        this.symbols = new ThetaSymbolList(this::rootListBody, Clock.systemUTC());
    }

    @Override
    public RequestStats requestStats() {
        return stats;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Looks {@code symbol} up in the vendor's list of stock roots ({@code /v2/list/roots/stock}), asked at most once
     * a New York day; when the list cannot be had, says so (the caller adds the symbol anyway).
     */
    @Override
    public SymbolCheck checkSymbol(String symbol) {
        return symbols.check(symbol);
    }

    private String rootListBody() throws SourceException {
        ThetaHttp.Reply reply = send(URI.create(root + ThetaSymbolList.V2_PATH + "?use_csv=true"),
                ThetaSymbolList.MAX_BYTES, Cancellation.none());
        if (reply.status() == ThetaStatus.GONE) {
            throw new SourceException(Kind.UNAVAILABLE, reply.status(), "the terminal at " + root
                    + " is a Theta Terminal v3 (it answers 410 GONE to v2 requests): use --source thetadata");
        }
        if (reply.status() != 200) {
            throw ThetaStatus.toException(reply.status(), reply.body(), "the list of stock roots");
        }
        return reply.body();
    }

    /** Refuses every later request (the unit closing this source waited for those in flight). */
    @Override
    public void close() {
        http.close();
    }

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
        URI uri = URI.create(root + "/v2/system/mdds/status");
        ThetaHttp.Reply response;
        try {
            response = send(uri, ThetaHttp.capForDays(1), null);
        } catch (SourceException e) {
            throw new SourceException(Kind.UNAVAILABLE, e.status(), e.getMessage(), e);
        }
        int status = response.status();
        if (status == ThetaStatus.GONE) {
            throw new SourceException(Kind.UNAVAILABLE, status, "the terminal at " + root
                    + " is a Theta Terminal v3 (it answers 410 GONE to v2 requests): use --source thetadata");
        }
        String body = response.body() == null ? "" : response.body().strip().replace("\"", "");
        if (status != 200) {
            throw new SourceException(Kind.UNAVAILABLE, status, "the Theta Terminal at " + root
                    + " answered " + ThetaStatus.label(status) + " to its status request");
        }
        if (!body.equalsIgnoreCase("CONNECTED")) {
            throw new SourceException(Kind.UNAVAILABLE, status, "the Theta Terminal at " + root
                    + " is not connected to ThetaData (status: " + ThetaStatus.oneLine(body) + ")");
        }
    }

    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to) throws SourceException {
        return fetch(symbol, from, to, Cancellation.none());
    }

    /** The bars from..to; each page is read within the request deadline and a size cap sized from the range. */
    @Override
    public SourceAnswer fetch(String symbol, LocalDate from, LocalDate to, Cancellation cancel)
            throws SourceException {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        String ticker;
        try {
            ticker = Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Kind.REQUEST_FAILED, -1, e.getMessage(), e);
        }
        String request = ticker + " " + from + ".." + to;
        URI first = URI.create(root + "/v2/hist/stock/ohlc?root=" + URLEncoder.encode(ticker, StandardCharsets.UTF_8)
                + "&start_date=" + DATE.format(from) + "&end_date=" + DATE.format(to)
                + "&ivl=" + FIVE_MINUTES_MS + "&rth=true" + (format == Format.CSV ? "&use_csv=true" : ""));
        long cap = ThetaHttp.capForDays(ChronoUnit.DAYS.between(from, to) + 1);
        try {
            return fetchPages(first, request, cap, cancel);
        } catch (PageExpired e) {
            LOG.info("{}: page {} expired at the terminal; asking again from the first page", request, e.page);
        }
        try {
            return fetchPages(first, request, cap, cancel);
        } catch (PageExpired e) {
            throw new SourceException(Kind.RETRYABLE, ThetaStatus.NO_PAGE_FOUND, "Theta Terminal answered 477"
                    + " NO_PAGE_FOUND for " + request + " twice: its pages expired before they were read; retry later");
        }
    }

    /** The answer of one request with all its pages, or PageExpired when a page was gone before it was read. */
    private SourceAnswer fetchPages(URI first, String request, long cap, Cancellation cancel)
            throws SourceException, PageExpired {
        ThetaRows rows = new ThetaRows();
        URI next = first;
        int page = 0;
        while (next != null) {
            page++;
            // a next page may repeat the same URL (a cursor), so only a page count can catch a loop
            if (page > MAX_PAGES) {
                throw new SourceException(Kind.REQUEST_FAILED, -1, "the Theta Terminal's answer for " + request
                        + " goes on past " + MAX_PAGES + " pages: its paging loops; ask for fewer days");
            }
            ThetaHttp.Reply response = send(next, cap, cancel);
            int status = response.status();
            String body = response.body() == null ? "" : response.body();
            if (status == ThetaStatus.NO_PAGE_FOUND) {
                throw new PageExpired(page);
            }
            if (ThetaStatus.isNoData(status)) {
                if (page == 1) {
                    return SourceAnswer.empty();
                }
                // a later page with nothing on it ends the answer
                LOG.warn("{}: page {} answered 472 NO_DATA; keeping the {} rows of the pages before", request,
                        page, rows.size());
                break;
            }
            if (status == ThetaStatus.GONE) {
                throw new SourceException(Kind.REQUEST_FAILED, status, "the terminal at " + root
                        + " is a Theta Terminal v3 (it answers 410 GONE to v2 requests): use --source thetadata");
            }
            if (status != 200) {
                throw ThetaStatus.toException(status, body, request);
            }
            Page read = format == Format.JSON ? readJsonPage(body, request, page, rows)
                    : readCsvPage(response, body, request, rows);
            if (read.noData()) {
                if (page == 1) {
                    return SourceAnswer.empty();
                }
                LOG.warn("{}: page {} reported NO_DATA; keeping the {} rows of the pages before", request, page,
                        rows.size());
                break;
            }
            next = read.next();
            LOG.debug("{}: page {} read, {} rows so far, next page {}", request, page, rows.size(), next);
        }
        return rows.answer();
    }

    /** What one page said besides its rows: the next page (null when none), or that it has no data. */
    private record Page(URI next, boolean noData) {
    }

    private Page readJsonPage(String body, String request, int page, ThetaRows rows)
            throws SourceException, PageExpired {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException(Kind.RETRYABLE, 200, "the Theta Terminal's answer for " + request
                    + " is not whole JSON (cut off?): " + e.getOriginalMessage(), e);
        }
        JsonNode header = root.path("header");
        String errorType = nullish(header.path("error_type"));
        if (errorType != null) {
            int status = ThetaStatus.byName(errorType).orElse(-1);
            if (status == ThetaStatus.NO_PAGE_FOUND) {
                throw new PageExpired(page);
            }
            if (ThetaStatus.isNoData(status)) {
                return new Page(null, true);
            }
            String message = nullish(header.path("error_msg"));
            if (status < 0) {
                throw new SourceException(Kind.REQUEST_FAILED, 200, "the Theta Terminal reported error "
                        + ThetaStatus.oneLine(errorType) + " for " + request + ThetaStatus.said(message));
            }
            throw ThetaStatus.toException(status, message, request);
        }
        ThetaBarParser.readJson(root, rows);
        return new Page(nextPage(nullish(header.path("next_page")), request), false);
    }

    private Page readCsvPage(ThetaHttp.Reply response, String body, String request, ThetaRows rows)
            throws SourceException {
        if (!body.isBlank()) {
            ThetaBarParser.readCsv(body, rows);
        }
        return new Page(nextPage(nullish(response.headers().firstValue("Next-Page").orElse(null)), request), false);
    }

    private URI nextPage(String link, String request) throws SourceException {
        if (link == null) {
            return null;
        }
        try {
            return URI.create(root + "/").resolve(link);
        } catch (IllegalArgumentException e) {
            throw new SourceException(Kind.REQUEST_FAILED, -1, "the Theta Terminal gave a next page for " + request
                    + " that is not a URL: " + ThetaStatus.oneLine(link), e);
        }
    }

    /** The text of a header value, or null for JSON null, the string "null" and "" alike. */
    private static String nullish(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : nullish(value.asText());
    }

    private static String nullish(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.isEmpty() || text.toLowerCase(Locale.ROOT).equals("null") ? null : text;
    }

    /** One GET (one page) with one deadline for headers and body and a cap on the body's size. */
    /** One GET; a null {@code cancel} marks the readiness check (counted as one, see {@link ThetaHttp#check}). */
    private ThetaHttp.Reply send(URI uri, long maxBytes, Cancellation cancel) throws SourceException {
        try {
            return cancel == null ? http.check(uri, maxBytes) : http.get(uri, maxBytes, cancel);
        } catch (ThetaHttp.Failure f) {
            throw switch (f.reason) {
                case TIMEOUT -> new SourceException(Kind.RETRYABLE, -1, "the Theta Terminal at " + root
                        + " did not answer within " + requestTimeout.toSeconds() + " s", f);
                case TOO_LARGE -> new SourceException(Kind.TOO_LARGE, 200, "a page of the Theta Terminal's answer is "
                        + "too large (" + f.getMessage() + "); none of it was kept", f);
                case CANCELLED -> new SourceException(Kind.CANCELLED, -1, "cancelled while asking the Theta Terminal",
                        f);
                case CLOSED -> new SourceException(Kind.UNAVAILABLE, -1, "the " + NAME + " source is closed", f);
                case BROKEN -> broken(f.getCause());
            };
        }
    }

    private SourceException broken(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new SourceException(Kind.UNAVAILABLE, -1, "no Theta Terminal answers at " + root
                        + ": start the terminal (v2 listens on port 25510)", cause);
            }
        }
        return new SourceException(Kind.RETRYABLE, -1, "talking to the Theta Terminal at " + root + " failed: "
                + cause, cause);
    }

    /** A page of the answer expired before it was read (477 NO_PAGE_FOUND). */
    private static final class PageExpired extends Exception {
        private static final long serialVersionUID = 1L;
        private final int page;

        PageExpired(int page) {
            super("page " + page + " expired", null, false, false);
            this.page = page;
        }
    }
}
