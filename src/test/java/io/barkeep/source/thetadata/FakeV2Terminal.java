package io.barkeep.source.thetadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real local HTTP server that behaves like a Theta Terminal v2 as far as the v2 source cares: historical 5-minute
 * OHLC in JSON or CSV, split into pages of {@code pageSize} rows ({@code header.next_page} as a URL, or the
 * {@code Next-Page} header for CSV), nulls written as JSON null, the string "null" or "", 472 for a range without
 * data, a page that expires once (477), injected error statuses, the mdds status endpoint, the list of stock roots
 * (the symbols it holds rows for, plus BRK.B and ZZZZ), and a v3 mode that
 * answers 410 to every v2 path. It counts the requests in flight and can hold them all at a gate, so a test can
 * see how many a client sends at once.
 */
final class FakeV2Terminal implements AutoCloseable {
    /** How the terminal writes "nothing" in {@code error_type} and {@code next_page}. */
    enum NullStyle {
        JSON_NULL, STRING_NULL, EMPTY
    }

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String FORMAT = "ms_of_day,open,high,low,close,volume,count,date";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    // symbol -> date -> rows in time order, each the format's values as text
    private final Map<String, TreeMap<LocalDate, List<String[]>>> data = new ConcurrentHashMap<>();
    private final Map<String, Deque<String[]>> pages = new ConcurrentHashMap<>();
    private final Deque<Integer> injected = new ArrayDeque<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private volatile int pageSize = 1000;
    private volatile NullStyle nullStyle = NullStyle.STRING_NULL;
    private volatile String mddsStatus = "CONNECTED";
    private volatile boolean v3 = false;
    private volatile int expirePages = 0;
    private volatile boolean cutNext = false;
    private volatile String errorTypeNext = null;

    private final Object flight = new Object();
    private int inFlight;
    private int maxInFlight;
    private boolean gateClosed;

    FakeV2Terminal() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    FakeV2Terminal pageSize(int rows) {
        pageSize = rows;
        return this;
    }

    FakeV2Terminal nulls(NullStyle style) {
        nullStyle = style;
        return this;
    }

    FakeV2Terminal mddsStatus(String status) {
        mddsStatus = status;
        return this;
    }

    /** Answers every v2 path with 410 GONE, as a v3 terminal does. */
    FakeV2Terminal actAsV3() {
        v3 = true;
        return this;
    }

    /** The next {@code times} requests for a page after the first answer 477 NO_PAGE_FOUND. */
    FakeV2Terminal expireNextPage(int times) {
        expirePages = times;
        return this;
    }

    /** The next JSON answer is cut off halfway, as a dropped connection leaves it. */
    FakeV2Terminal cutNextAnswer() {
        cutNext = true;
        return this;
    }

    /** The next history request answers 200 with {@code header.error_type} set and no rows. */
    FakeV2Terminal errorTypeNext(String errorType) {
        errorTypeNext = errorType;
        return this;
    }

    /** The next history request answers {@code status} (queued, one per request). */
    FakeV2Terminal inject(int status) {
        synchronized (injected) {
            injected.add(status);
        }
        return this;
    }

    /** Holds every history and page request at the terminal, counted in flight, until {@link #openGate()}. */
    FakeV2Terminal closeGate() {
        synchronized (flight) {
            gateClosed = true;
        }
        return this;
    }

    void openGate() {
        synchronized (flight) {
            gateClosed = false;
            flight.notifyAll();
        }
    }

    /** Requests the terminal holds (or works on) right now. */
    int inFlight() {
        synchronized (flight) {
            return inFlight;
        }
    }

    int maxInFlight() {
        synchronized (flight) {
            return maxInFlight;
        }
    }

    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** One row; prices as the terminal would write them (any decimals). */
    FakeV2Terminal row(String symbol, LocalDate date, LocalTime time, String open, String high, String low,
                       String close, long volume, long count) {
        String[] values = {Long.toString(time.toNanoOfDay() / 1_000_000), open, high, low, close,
                Long.toString(volume), Long.toString(count), date.format(BASIC)};
        data.computeIfAbsent(symbol, s -> new TreeMap<>()).computeIfAbsent(date, d -> new ArrayList<>()).add(values);
        return this;
    }

    /**
     * A regular session of {@code symbol}: 5-minute rows 09:30 to 15:55 with trades, then the 16:00 row the
     * terminal adds (inclusive end time) with no trade. Bar i opens at 100 + i cents.
     */
    FakeV2Terminal regularDay(String symbol, LocalDate date) {
        for (int i = 0; i < 78; i++) {
            String open = String.format("%d.%02d", 100 + i / 100, i % 100);
            row(symbol, date, LocalTime.of(9, 30).plusMinutes(5L * i), open, open, open, open, 1000 + i, 10 + i);
        }
        return row(symbol, date, LocalTime.of(16, 0), "0", "0", "0", "0", 0, 0);
    }

    /** The v2 list of stock roots as CSV ({@code use_csv=true}): every symbol with rows, then two that never trade. */
    private String rootList() {
        StringBuilder csv = new StringBuilder("root\r\n");
        new TreeMap<>(data).keySet().forEach(symbol -> csv.append(symbol).append("\r\n"));
        return csv.append("BRK.B\r\nZZZZ\r\n").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.toString());
        try (exchange) {
            if (v3 && uri.getPath().startsWith("/v2/")) {
                send(exchange, 410, "text/plain", "GONE: this is a v3 terminal", Map.of());
                return;
            }
            switch (uri.getPath()) {
                case "/v2/system/mdds/status" -> send(exchange, 200, "text/plain", mddsStatus, Map.of());
                case "/v2/hist/stock/ohlc" -> held(exchange, () -> history(exchange, query(uri)));
                case "/v2/list/roots/stock" -> send(exchange, 200, "text/csv", rootList(), Map.of());
                default -> {
                    if (uri.getPath().startsWith("/v2/page/")) {
                        held(exchange, () -> page(exchange, uri.getPath().substring("/v2/page/".length())));
                    } else {
                        send(exchange, 404, "text/plain", "NO_IMPL: " + uri.getPath(), Map.of());
                    }
                }
            }
        }
    }

    private interface Answer {
        void run() throws IOException;
    }

    /** Counts the request in flight until it starts answering; holds it while asked to. */
    private void held(HttpExchange exchange, Answer answer) throws IOException {
        synchronized (flight) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
            // a safety net against a hung build only; tests never rely on it
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (gateClosed && System.nanoTime() < deadline) {
                try {
                    flight.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            // a request counts until its answer starts: the client's permit outlives that
            inFlight--;
        }
        answer.run();
    }

    private void history(HttpExchange exchange, Map<String, String> query) throws IOException {
        Integer status;
        synchronized (injected) {
            status = injected.poll();
        }
        if (status != null) {
            send(exchange, status, "text/plain", "injected " + status, Map.of());
            return;
        }
        String errorType = errorTypeNext;
        if (errorType != null) {
            errorTypeNext = null;
            send(exchange, 200, "application/json", "{\"header\":{\"latency_ms\":1,\"error_type\":\"" + errorType
                    + "\",\"error_msg\":\"injected\",\"next_page\":" + jsonNull() + ",\"format\":null},"
                    + "\"response\":[]}", Map.of());
            return;
        }
        LocalDate start = LocalDate.parse(query.get("start_date"), BASIC);
        LocalDate end = LocalDate.parse(query.get("end_date"), BASIC);
        boolean csv = "true".equals(query.get("use_csv"));
        List<String[]> rows = new ArrayList<>();
        TreeMap<LocalDate, List<String[]>> days = data.getOrDefault(query.get("root"), new TreeMap<>());
        days.subMap(start, true, end, true).values().forEach(rows::addAll);
        if (rows.isEmpty()) {
            send(exchange, 472, "text/plain", "No data for the specified timeframe & contract.", Map.of());
            return;
        }
        Deque<String[]> remaining = new ArrayDeque<>(rows);
        String token = UUID.randomUUID().toString();
        pages.put(token, remaining);
        answerPage(exchange, token, csv, true);
    }

    private void page(HttpExchange exchange, String tokenAndFormat) throws IOException {
        boolean csv = tokenAndFormat.endsWith(".csv");
        String token = tokenAndFormat.replace(".csv", "");
        synchronized (this) {
            if (expirePages > 0) {
                expirePages--;
                pages.remove(token);
            }
        }
        if (!pages.containsKey(token)) {
            send(exchange, 477, "text/plain", "NO_PAGE_FOUND", Map.of());
            return;
        }
        answerPage(exchange, token, csv, false);
    }

    private void answerPage(HttpExchange exchange, String token, boolean csv, boolean first) throws IOException {
        Deque<String[]> remaining = pages.get(token);
        List<String[]> page = new ArrayList<>();
        synchronized (remaining) {
            while (page.size() < pageSize && !remaining.isEmpty()) {
                page.add(remaining.poll());
            }
        }
        String next = null;
        if (remaining.isEmpty()) {
            pages.remove(token);
        } else {
            next = root() + "/v2/page/" + token + (csv ? ".csv" : "");
        }
        if (csv) {
            StringBuilder body = new StringBuilder(FORMAT).append("\r\n");
            for (String[] row : page) {
                body.append(String.join(",", row)).append("\r\n");
            }
            Map<String, String> headers = new HashMap<>();
            headers.put("Next-Page", next != null ? next : nullText());
            send(exchange, 200, "text/csv", body.toString(), headers);
            return;
        }
        StringBuilder body = new StringBuilder("{\"header\":{\"latency_ms\":3,\"error_type\":").append(jsonNull())
                .append(",\"error_msg\":").append(jsonNull())
                .append(",\"next_page\":").append(next != null ? "\"" + next + "\"" : jsonNull())
                .append(",\"format\":[\"").append(FORMAT.replace(",", "\",\"")).append("\"]},\"response\":[");
        for (int i = 0; i < page.size(); i++) {
            body.append(i == 0 ? "" : ",").append('[').append(String.join(",", page.get(i))).append(']');
        }
        String text = body.append("]}").toString();
        if (cutNext) {
            cutNext = false;
            text = text.substring(0, text.length() / 2);
        }
        send(exchange, 200, "application/json", text, Map.of());
    }

    private String jsonNull() {
        return switch (nullStyle) {
            case JSON_NULL -> "null";
            case STRING_NULL -> "\"null\"";
            case EMPTY -> "\"\"";
        };
    }

    private String nullText() {
        return nullStyle == NullStyle.STRING_NULL ? "null" : "";
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, String body,
                             Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
