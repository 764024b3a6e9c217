package io.barkeep.source.thetadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real local HTTP server answering the Theta Terminal's v2 split and dividend endpoints in their documented
 * shape: {@code /v2/hist/stock/split} writes one row per trading day of the range, each repeating the most recent
 * split as of that day (zeros before any), and {@code /v2/hist/stock/dividend} writes each dividend twice with
 * different {@code date}s; the v2 envelope with {@code "null"} strings; 472 when the range holds nothing; a
 * status to force (471 for an account below STANDARD).
 */
public final class FakeV2Actions implements AutoCloseable {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final HttpServer server;
    private final TradingCalendar calendar;
    private final Map<String, List<long[]>> splits = new ConcurrentHashMap<>();
    private final Map<String, Map<LocalDate, BigDecimal>> dividends = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int forcedStatus;

    public FakeV2Actions(TradingCalendar calendar) throws IOException {
        this.calendar = calendar;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A {@code after:before} split of {@code symbol} on {@code exDate}. */
    public FakeV2Actions split(String symbol, LocalDate exDate, int before, int after) {
        splits.computeIfAbsent(symbol, s -> new CopyOnWriteArrayList<>())
                .add(new long[] {yyyymmdd(exDate), before, after});
        return this;
    }

    public FakeV2Actions dividend(String symbol, LocalDate exDate, String amount) {
        dividends.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>()).put(exDate, new BigDecimal(amount));
        return this;
    }

    /** Every later request answers {@code status} (0: normal answers again). */
    public FakeV2Actions forceStatus(int status) {
        forcedStatus = status;
        return this;
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri.toString());
        Map<String, String> q = query(uri);
        if (forcedStatus != 0) {
            send(exchange, forcedStatus, "PERMISSION: your subscription does not include this request");
            return;
        }
        LocalDate from = LocalDate.parse(q.get("start_date"), BASIC);
        LocalDate to = LocalDate.parse(q.get("end_date"), BASIC);
        String symbol = q.get("root");
        List<String> rows = new ArrayList<>();
        String format;
        if (uri.getPath().equals("/v2/hist/stock/split")) {
            format = "\"ms_of_day\",\"split_date\",\"before_shares\",\"after_shares\",\"date\"";
            for (Session s : calendar.sessions(from, to)) {
                long day = yyyymmdd(s.date());
                long[] last = {0, 0, 0};
                for (long[] split : splits.getOrDefault(symbol, List.of())) {
                    if (split[0] <= day && split[0] > last[0]) {
                        last = split;
                    }
                }
                rows.add("[0," + last[0] + "," + last[1] + "," + last[2] + "," + day + "]");
            }
            if (splits.getOrDefault(symbol, List.of()).isEmpty()) {
                rows.clear();
            }
        } else if (uri.getPath().equals("/v2/hist/stock/dividend")) {
            format = "\"ms_of_day\",\"ex_date\",\"record_date\",\"payment_date\",\"ann_date\",\"dividend_amount\","
                    + "\"undefined\",\"less_amount\",\"date\"";
            dividends.getOrDefault(symbol, Map.of()).forEach((ex, amount) -> {
                if (!ex.isBefore(from) && !ex.isAfter(to)) {
                    long e = yyyymmdd(ex);
                    for (LocalDate reported : List.of(ex.minusDays(1), ex)) {
                        rows.add("[0," + e + "," + yyyymmdd(ex.plusDays(1)) + "," + yyyymmdd(ex.plusDays(14)) + ","
                                + yyyymmdd(ex.minusDays(20)) + "," + amount.toPlainString() + ",0,0.0,"
                                + yyyymmdd(reported) + "]");
                    }
                }
            });
        } else {
            send(exchange, 404, "NO_IMPL");
            return;
        }
        if (rows.isEmpty()) {
            send(exchange, 472, "NO_DATA: No data for the specified timeframe & contract.");
            return;
        }
        String body = "{\"header\":{\"latency_ms\":4,\"error_type\":\"null\",\"error_msg\":\"null\","
                + "\"next_page\":\"null\",\"format\":[" + format + "]},\"response\":[" + String.join(",", rows) + "]}";
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(exchange, 200, body);
    }

    private static long yyyymmdd(LocalDate d) {
        return Long.parseLong(BASIC.format(d));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
