package io.barkeep.source.thetadata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.CorporateAction;
import io.barkeep.source.ActionSource;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits and dividends from the Theta Terminal's v2 surface ({@code /v2/hist/stock/split} and
 * {@code /v2/hist/stock/dividend}, STANDARD tier and up; v3 has neither). The split endpoint repeats the most
 * recent split on every trading day: only distinct {@code split_date}s are events. A dividend can repeat per
 * ex-date: one is kept. 472 is an empty answer; 471 (tier too low) is FATAL; no answer at all is UNAVAILABLE.
 */
public final class ThetaV2Actions implements ActionSource {
    /** Where the v2 surface listens by default. */
    public static final URI DEFAULT_ROOT = URI.create("http://127.0.0.1:25510");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_PAGES = 1000;

    private final String root;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public ThetaV2Actions(URI root) {
        String text = root.toString();
        this.root = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public String actionSource() {
        return "thetadata";
    }

    @Override
    public List<CorporateAction> actions(String symbol, LocalDate from, LocalDate to, Instant learntAt)
            throws SourceException {
        Map<LocalDate, CorporateAction> splits = new LinkedHashMap<>();
        for (Map<String, JsonNode> row : rows("split", symbol, from, to)) {
            LocalDate date = date(row.get("split_date"));
            int before = row.get("before_shares").asInt();
            int after = row.get("after_shares").asInt();
            if (date != null && before > 0 && after > 0 && before != after) {
                splits.put(date, CorporateAction.split(symbol, date, after, before, actionSource(), learntAt));
            }
        }
        Map<LocalDate, CorporateAction> dividends = new LinkedHashMap<>();
        for (Map<String, JsonNode> row : rows("dividend", symbol, from, to)) {
            LocalDate date = date(row.get("ex_date"));
            JsonNode amount = row.get("dividend_amount");
            BigDecimal value = decimal(amount);
            if (date != null && value != null && value.signum() > 0) {
                BigDecimal exact = value.setScale(CorporateAction.DIVIDEND_DIGITS,
                        RoundingMode.HALF_EVEN);
                dividends.put(date, CorporateAction.dividend(symbol, date, exact, actionSource(), learntAt));
            }
        }
        List<CorporateAction> out = new ArrayList<>(splits.values());
        out.addAll(dividends.values());
        return out;
    }

    /** Every row of every page, as column name to value. */
    private List<Map<String, JsonNode>> rows(String what, String symbol, LocalDate from, LocalDate to)
            throws SourceException {
        URI next = URI.create(root + "/v2/hist/stock/" + what + "?root=" + URLEncoder.encode(symbol,
                StandardCharsets.UTF_8) + "&start_date=" + DATE.format(from) + "&end_date=" + DATE.format(to));
        List<Map<String, JsonNode>> out = new ArrayList<>();
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            HttpResponse<String> r = get(next);
            if (r.statusCode() == ThetaStatus.NO_DATA) {
                return out;
            }
            if (r.statusCode() == ThetaStatus.PERMISSION) {
                throw new SourceException(Kind.FATAL, r.statusCode(), "the ThetaData account may not read " + what
                        + "s (471: STANDARD tier or higher needed)");
            }
            if (r.statusCode() != 200) {
                throw new SourceException(Kind.REQUEST_FAILED, r.statusCode(), "the v2 terminal answered "
                        + r.statusCode() + " to " + what + "s of " + symbol + ": " + r.body().strip());
            }
            JsonNode doc;
            try {
                doc = json.readTree(r.body());
            } catch (IOException e) {
                throw new SourceException(Kind.REQUEST_FAILED, 200, "unreadable " + what + " answer: " + e.getMessage());
            }
            List<String> format = new ArrayList<>();
            doc.path("header").path("format").forEach(f -> format.add(f.asText().trim()));
            for (JsonNode values : doc.path("response")) {
                Map<String, JsonNode> row = new LinkedHashMap<>();
                for (int i = 0; i < format.size() && i < values.size(); i++) {
                    row.put(format.get(i), values.get(i));
                }
                out.add(row);
            }
            String page2 = doc.path("header").path("next_page").asText("");
            next = page2.isBlank() || "null".equals(page2) ? null : URI.create(page2);
        }
        return out;
    }

    private HttpResponse<String> get(URI uri) throws SourceException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SourceException(Kind.UNAVAILABLE, -1, "no Theta Terminal v2 answers at " + root
                    + " (splits and dividends need it)" + why(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(Kind.RETRYABLE, -1, "interrupted", e);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        try {
            return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node) {
        long v = node == null ? 0 : node.asLong(0);
        return v <= 19000101 ? null : LocalDate.parse(String.valueOf(v), DATE);
    }

    /** What went wrong in words ("connection refused", "timed out"), not a class name, for the one-line message. */
    private static String why(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return ": connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return ": no answer in time";
        }
        return "";
    }
}
