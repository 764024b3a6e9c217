package io.barkeep.source.thetadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.barkeep.domain.Session;
import io.barkeep.source.thetadata.FakeQuery.BadParameter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that answers like a Theta Terminal v3, for tests of the ThetaData
 * source and of anything built on it. Start with {@link #start(FakeMarket)}, point the client at {@link #root()},
 * {@link #close()} at the end.
 * <p>
 * {@code GET /v3/stock/history/ohlc} serves the {@link FakeMarket}'s rows: {@code symbol} required; {@code date}
 * or {@code start_date}+{@code end_date} ({@code YYYYMMDD}, inclusive); {@code interval=5m} only;
 * {@code start_time}/{@code end_time} inclusive, default 09:30:00 and 16:00:00 (so the 16:00 row comes too);
 * {@code format} csv (default; CRLF), ndjson or json (rows or columns, see {@link #jsonShape}). Timestamps cycle
 * through 0 to 3 fraction digits. A range with no rows answers 472, one longer than
 * {@link #maxDaysPerRequest} days 570, a bad parameter 473, a v2 path 410, any other path 404, all with a plain
 * text body. {@code GET /v3/terminal/mdds/status} answers {@code CONNECTED} or {@code DISCONNECTED};
 * {@code GET /v3/stock/list/symbols} the {@link #symbolList} as CSV (column {@code symbol}, CRLF, blank lines).
 * <p>
 * Failures ({@link #failNext}, {@link #failRandomly}, {@link #cutNext}) hit history requests only; the
 * {@link #delay} and {@link #holdUntilInFlight} hold every request. Counters: {@link #requests()},
 * {@link #requests(String)}, {@link #maxInFlight()}, {@link #requestLog()}. Settings may change at any time.
 */
public final class FakeThetaTerminal implements AutoCloseable {
    public static final String HISTORY = "/v3/stock/history/ohlc";
    public static final String STATUS = "/v3/terminal/mdds/status";
    public static final String SYMBOLS = "/v3/stock/list/symbols";
    /** The symbols {@link #SYMBOLS} lists unless a test says otherwise. */
    public static final List<String> DEFAULT_SYMBOLS = List.of("AAPL", "MSFT", "SPY", "QQQ", "BRK.B", "NVDA", "MU");

    /** The two JSON shapes real terminals send, depending on the account. */
    public enum JsonShape { ROWS, COLUMNS }

    /** How a cut body breaks off, after half its bytes: announced length not reached, or chunks never ended. */
    public enum Cut { CONTENT_LENGTH, CHUNKED }

    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(20);

    static {
        // The JDK server writes headers and body in two packets; with Nagle on, the body waits for the client's
        // delayed ACK, about 40 ms a request. Read once, when the first server of the JVM starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final FakeMarket market;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Object inFlightChanged = new Object();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perPath = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private volatile Cut cut = Cut.CONTENT_LENGTH;
    private volatile JsonShape jsonShape = JsonShape.ROWS;
    private volatile boolean blankLines = true;
    private volatile int maxDays = 31;
    private volatile boolean connected = true;
    private volatile List<String> symbolList = DEFAULT_SYMBOLS;
    private volatile int symbolListStatus = 200;
    private volatile Duration delay = Duration.ZERO;
    private volatile int holdUntil;
    private volatile boolean closed;
    private Random random;
    private double failFraction;
    private int[] randomStatuses = {};

    private FakeThetaTerminal(FakeMarket market) throws IOException {
        this.market = market;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "fake-theta-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A terminal over {@code market}, listening on a free port of 127.0.0.1. */
    public static FakeThetaTerminal start(FakeMarket market) {
        try {
            return new FakeThetaTerminal(market);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A terminal over a market where every weekday is a regular session. */
    public static FakeThetaTerminal start() {
        return start(FakeMarket.weekdays(Set.of(), Set.of()));
    }

    /** The root URL to give the client, {@code http://127.0.0.1:PORT}. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public FakeMarket market() {
        return market;
    }

    /** Which JSON shape {@code format=json} gets (default rows). */
    public FakeThetaTerminal jsonShape(JsonShape shape) {
        this.jsonShape = shape;
        return this;
    }

    /** Whether CSV and NDJSON bodies carry a blank line every 7 rows (default yes). */
    public FakeThetaTerminal blankLines(boolean on) {
        this.blankLines = on;
        return this;
    }

    /** Requests spanning more days than this (inclusive) answer 570 (default 31). */
    public FakeThetaTerminal maxDaysPerRequest(int days) {
        this.maxDays = days;
        return this;
    }

    /** What the status endpoint says (default connected). */
    public FakeThetaTerminal connected(boolean on) {
        this.connected = on;
        return this;
    }

    /** What the symbol list holds (default {@link #DEFAULT_SYMBOLS}). */
    public FakeThetaTerminal symbolList(List<String> symbols) {
        this.symbolList = List.copyOf(symbols);
        return this;
    }

    /** The symbol list answers {@code status} with the vendor's text for it (200, the default, serves the list). */
    public FakeThetaTerminal symbolListStatus(int status) {
        this.symbolListStatus = status;
        return this;
    }

    /** Every request waits this long before it is answered (default none). {@link #close()} ends the wait. */
    public FakeThetaTerminal delay(Duration wait) {
        this.delay = wait;
        return this;
    }

    /**
     * Every request waits until {@code n} requests have been in flight at the same moment (then answers after
     * the {@link #delay}), so a test knows the client reached its limit without timing anything. Waits at most
     * 20 s; 0 switches it off.
     */
    public FakeThetaTerminal holdUntilInFlight(int n) {
        this.holdUntil = n;
        return this;
    }

    /** The next {@code n} history requests answer {@code status} with the vendor's text for it. */
    public FakeThetaTerminal failNext(int n, int status) {
        return failNext(n, status, FakeStatusText.of(status));
    }

    /**
     * The next {@code n} history requests answer {@code status} with {@code body}; {@code Integer.MAX_VALUE} for
     * "from now on". Calls queue up: {@code failNext(2, 429); failNext(1, 474)} fails three requests in that order.
     */
    public synchronized FakeThetaTerminal failNext(int n, int status, String body) {
        failures.add(new Failure(status, body, n));
        return this;
    }

    /**
     * From now on, each history request fails with probability {@code fraction}, with a status drawn from
     * {@code statuses}; {@code seed} makes the draws repeatable for the same order of requests. 0 switches it off.
     */
    public synchronized FakeThetaTerminal failRandomly(double fraction, long seed, int... statuses) {
        this.random = new Random(seed);
        this.failFraction = fraction;
        this.randomStatuses = statuses.clone();
        return this;
    }

    /** The next {@code n} history answers that would be 200 break off after half their body. */
    public FakeThetaTerminal cutNext(int n, Cut how) {
        this.cut = how;
        cutsLeft.set(n);
        return this;
    }

    /** Requests received, on any path. */
    public int requests() {
        return total.get();
    }

    /** Requests received on {@code path}, e.g. {@link #HISTORY}. */
    public int requests(String path) {
        AtomicInteger count = perPath.get(path);
        return count == null ? 0 : count.get();
    }

    /** The most requests that were ever being handled at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Every request's path and query ({@code /v3/stock/history/ohlc?symbol=...}), in arrival order. */
    public List<String> requestLog() {
        return List.copyOf(log);
    }

    /** Zeroes the counters and empties the log. */
    public void resetCounters() {
        total.set(0);
        perPath.clear();
        log.clear();
        maxInFlight.set(inFlight.get());
    }

    /** Stops the server at once; requests held by a delay or a hold are dropped unanswered. */
    @Override
    public void close() {
        closed = true;
        synchronized (inFlightChanged) {
            inFlightChanged.notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        total.incrementAndGet();
        perPath.computeIfAbsent(uri.getPath(), p -> new AtomicInteger()).incrementAndGet();
        log.add(uri.getRawQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getRawQuery());
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Reply reply;
        try {
            hold();
            reply = answer(uri);
        } catch (InterruptedException e) {
            exchange.close();
            return;
        } finally {
            // before the answer leaves: once the client has it, it may send the next request at once
            inFlight.decrementAndGet();
        }
        send(exchange, reply);
    }

    private void hold() throws InterruptedException {
        synchronized (inFlightChanged) {
            inFlightChanged.notifyAll();
            long deadline = System.nanoTime() + HOLD_AT_MOST.toNanos();
            while (!closed && maxInFlight.get() < holdUntil && System.nanoTime() < deadline) {
                inFlightChanged.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }

    private Reply answer(URI uri) {
        String path = uri.getPath();
        if (path.equals(STATUS)) {
            return Reply.text(200, connected ? "CONNECTED" : "DISCONNECTED");
        }
        if (path.equals(SYMBOLS)) {
            return symbolListStatus == 200 ? new Reply(200, "text/csv", symbolListCsv(), null)
                    : Reply.text(symbolListStatus, FakeStatusText.of(symbolListStatus));
        }
        if (path.startsWith("/v2/")) {
            return Reply.text(410, FakeStatusText.of(410));
        }
        if (!path.equals(HISTORY)) {
            return Reply.text(404, FakeStatusText.of(404));
        }
        Failure failure = nextFailure();
        if (failure != null) {
            return Reply.text(failure.status, failure.body);
        }
        try {
            return history(new FakeQuery(uri.getRawQuery()));
        } catch (BadParameter e) {
            return Reply.text(473, "INVALID_PARAMS: " + e.getMessage());
        }
    }

    private String symbolListCsv() {
        StringBuilder csv = new StringBuilder("symbol\r\n");
        for (int i = 0; i < symbolList.size(); i++) {
            csv.append(symbolList.get(i)).append("\r\n").append(blankLines && i % 3 == 2 ? "\r\n" : "");
        }
        return csv.toString();
    }

    private synchronized Failure nextFailure() {
        Failure next = failures.peek();
        if (next != null) {
            if (--next.left <= 0) {
                failures.remove();
            }
            return next;
        }
        if (random != null && randomStatuses.length > 0 && random.nextDouble() < failFraction) {
            int status = randomStatuses[random.nextInt(randomStatuses.length)];
            return new Failure(status, FakeStatusText.of(status), 1);
        }
        return null;
    }

    private Reply history(FakeQuery q) throws BadParameter {
        String symbol = q.required("symbol");
        if (!"5m".equals(q.get("interval", null))) {
            throw new BadParameter("the fake serves interval=5m only, not " + q.get("interval", null));
        }
        LocalDate from = q.date(q.has("date") ? "date" : "start_date");
        LocalDate to = q.has("date") ? from : q.date("end_date");
        if (to.isBefore(from)) {
            throw new BadParameter("end_date is before start_date");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            return Reply.text(570, FakeStatusText.of(570));
        }
        LocalTime first = q.time("start_time", Session.REGULAR_OPEN);
        LocalTime last = q.time("end_time", Session.REGULAR_CLOSE);
        List<FakeRow> rows = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            market.rows(symbol, day).stream()
                    .filter(r -> !r.time().toLocalTime().isBefore(first) && !r.time().toLocalTime().isAfter(last))
                    .forEach(rows::add);
        }
        if (rows.isEmpty()) {
            return Reply.text(472, FakeStatusText.of(472));
        }
        String format = q.get("format", "csv");
        Reply reply = switch (format) {
            case "csv" -> new Reply(200, "text/csv", FakeBodies.csv(rows, blankLines), null);
            case "ndjson" -> new Reply(200, "application/x-ndjson", FakeBodies.ndjson(rows, blankLines), null);
            case "json" -> new Reply(200, "application/json",
                    jsonShape == JsonShape.ROWS ? FakeBodies.jsonRows(rows) : FakeBodies.jsonColumns(rows), null);
            default -> throw new BadParameter("the fake serves format csv, ndjson or json, not " + format);
        };
        return cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? reply.cut(cut) : reply;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.type + "; charset=utf-8");
        if (reply.cut == null) {
            exchange.sendResponseHeaders(reply.status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.sendResponseHeaders(reply.status, reply.cut == Cut.CHUNKED ? 0 : body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // the server closes the connection when a handler throws: no last chunk, no remaining bytes
        throw new IOException("fake terminal cut this answer on purpose");
    }

    private record Reply(int status, String type, String body, Cut cut) {
        static Reply text(int status, String body) {
            return new Reply(status, "text/plain", body, null);
        }

        Reply cut(Cut how) {
            return new Reply(status, type, body, how);
        }
    }

    private static final class Failure {
        final int status;
        final String body;
        int left;

        Failure(int status, String body, int times) {
            this.status = status;
            this.body = body;
            this.left = times;
        }
    }
}
