package io.barkeep.cli.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.barkeep.domain.Bar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * An in-process stand-in for the Theta Terminal's v3 REST API that serves the benchmark's workload with no
 * latency, so {@code sync_bars_per_s} measures Barkeep's side of a backfill end to end: HTTP, parsing,
 * checking and storing. It answers like the terminal: CSV with CRLF, the inclusive 16:00 bar, 472 for no data.
 */
final class BenchTerminal implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final HttpServer server;
    private final Map<String, List<Bar>> bars = new HashMap<>();

    BenchTerminal() throws IOException {
        // Without it the JDK's server holds each answer about 40 ms (Nagle's algorithm against delayed ACKs).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v3/terminal/mdds/status", ex -> reply(ex, 200, "CONNECTED"));
        server.createContext("/v3/stock/history/ohlc", this::ohlc);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-terminal");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    void serve(String symbol, List<Bar> symbolBars) {
        bars.put(symbol, symbolBars);
    }

    String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void ohlc(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI());
        List<Bar> all = bars.get(q.get("symbol"));
        LocalDate from = LocalDate.parse(q.getOrDefault("start_date", q.get("date")), DAY);
        LocalDate to = LocalDate.parse(q.getOrDefault("end_date", q.get("date")), DAY);
        long lo = from.atStartOfDay(Session.NEW_YORK).toEpochSecond();
        long hi = to.plusDays(1).atStartOfDay(Session.NEW_YORK).toEpochSecond();
        StringBuilder csv = new StringBuilder(200_000).append("timestamp,open,high,low,close,volume,count,vwap\r\n");
        int rows = 0;
        String lastDay = null;
        for (Bar b : all == null ? List.<Bar>of() : all) {
            long t = b.epochSecond();
            if (t < lo || t >= hi) {
                continue;
            }
            LocalDateTime ny = LocalDateTime.ofInstant(b.start(), Session.NEW_YORK);
            String day = ny.toLocalDate().toString();
            if (lastDay != null && !lastDay.equals(day)) {
                csv.append(lastDay).append("T16:00:00.000,0,0,0,0,0,0,0\r\n");
            }
            lastDay = day;
            csv.append(ny).append(',').append(Prices.format(b.open())).append(',').append(Prices.format(b.high()))
                    .append(',').append(Prices.format(b.low())).append(',').append(Prices.format(b.close()))
                    .append(',').append(b.volume()).append(',').append(Math.max(1, b.volume() / 100)).append(",0\r\n");
            rows++;
        }
        if (lastDay != null) {
            csv.append(lastDay).append("T16:00:00.000,0,0,0,0,0,0,0\r\n");
        }
        if (rows == 0) {
            reply(ex, 472, "No data for the specified timeframe & contract.");
        } else {
            reply(ex, 200, csv.toString());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
