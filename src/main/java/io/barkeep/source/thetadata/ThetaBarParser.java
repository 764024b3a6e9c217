package io.barkeep.source.thetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceAnswer.UnreadableRow;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of a ThetaData v3 {@code /stock/history/ohlc} answer (HTTP 200) into a {@link SourceAnswer}.
 * <ul>
 *   <li>CSV: columns found by header name (any order, any case, extra columns ignored), CRLF or LF, blank lines
 *       and a byte order mark tolerated. NDJSON: one object a line, blank lines tolerated. JSON: rows
 *       {@code {"response":[{...}]}} or columns {@code {"timestamp":[...],"open":[...],...}}.</li>
 *   <li>{@code timestamp} is New York wall-clock time with 0 to 3 fraction digits and marks the bar's open.</li>
 *   <li>Prices may have any number of decimals; more than four are rounded half-even and counted.</li>
 *   <li>A row with {@code count == 0} is an {@link EmptyBar} carrying the cumulative VWAP; its zero prices are
 *       not read.</li>
 *   <li>A row stamped at or after 16:00 New York is dropped: the vendor's end time is inclusive, so it sends the
 *       bar that starts at the close. This class has no calendar; early closes are the sync layer's to check.</li>
 *   <li>A row that cannot be read becomes an {@link UnreadableRow}; the rest still count.</li>
 *   <li>A body cut mid-way (JSON that ends early, a last CSV line with too few fields, a last NDJSON line that
 *       is not JSON, an empty body) throws {@link Kind#RETRYABLE}: half an answer is never returned. A body that
 *       is whole but not an answer at all (no usable header, JSON of another shape) throws
 *       {@link Kind#REQUEST_FAILED}.</li>
 * </ul>
 * Thread-safe.
 */
public final class ThetaBarParser {
    private static final Logger LOG = LoggerFactory.getLogger(ThetaBarParser.class);

    /** The columns every row needs; {@code count} and {@code vwap} are read when present. */
    static final List<String> REQUIRED = List.of("timestamp", "open", "high", "low", "close", "volume");
    private static final String EXPECTED = "timestamp,open,high,low,close,volume,count,vwap";
    private static final int STATUS_OK = 200;
    private static final int QUOTED_TEXT_MAX = 60;
    private static final char BOM = '\uFEFF';

    private final ObjectMapper mapper = new ObjectMapper()
            // exact decimals: a double would blur which prices had more than four digits
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Reads a whole answer body.
     *
     * @throws SourceException {@link Kind#RETRYABLE} when the body was cut, {@link Kind#REQUEST_FAILED} when it
     *                         is not an answer of the asked format
     */
    public SourceAnswer parse(String body, ThetaFormat format) throws SourceException {
        String text = !body.isEmpty() && body.charAt(0) == BOM ? body.substring(1) : body;
        if (text.isBlank()) {
            throw cut("the body was empty");
        }
        return switch (format) {
            case CSV -> csv(text);
            case NDJSON -> ndjson(text);
            case JSON -> json(text);
        };
    }

    private static SourceAnswer csv(String body) throws SourceException {
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        String[] names = split(lines.get(0));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !index.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            if (lines.size() == 1) {
                throw cut("the CSV header ends early: '" + shorten(lines.get(0)) + "'");
            }
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK, "ThetaData answered CSV without the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (header '"
                    + shorten(lines.get(0)) + "'; expected " + EXPECTED + ")");
        }
        Rows rows = new Rows();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] fields = split(line);
            if (fields.length < names.length && i == lines.size() - 1) {
                throw cut("the last CSV line has " + fields.length + " of " + names.length + " fields");
            }
            if (fields.length != names.length) {
                rows.unreadable(line, "expected " + names.length + " fields, got " + fields.length);
                continue;
            }
            rows.accept(line, name -> {
                Integer at = index.get(name);
                return at == null ? null : fields[at];
            });
        }
        return rows.answer();
    }

    private SourceAnswer ndjson(String body) throws SourceException {
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
        Rows rows = new Rows();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                if (i == lines.size() - 1) {
                    throw cut("the last NDJSON line is not whole JSON");
                }
                rows.unreadable(line, "not JSON");
                continue;
            }
            rows.acceptObject(line, node);
        }
        return rows.answer();
    }

    private SourceAnswer json(String body) throws SourceException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            if (endsEarly(e, body)) {
                throw cut("the JSON ends early");
            }
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK,
                    "ThetaData answered something that is not JSON: " + e.getOriginalMessage());
        }
        JsonNode data = root.has("response") ? root.get("response") : root;
        Rows rows = new Rows();
        if (data.isArray()) {
            for (JsonNode row : data) {
                rows.acceptObject(row.toString(), row);
            }
        } else if (data.isObject() && data.path("timestamp").isArray()) {
            columns((ObjectNode) data, rows);
        } else {
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK, "ThetaData answered JSON with neither a "
                    + "\"response\" array nor a \"timestamp\" column: '" + shorten(body.strip()) + "'");
        }
        return rows.answer();
    }

    /** The columnar shape: row i is the i-th element of every column; a short column leaves fields missing. */
    private void columns(ObjectNode data, Rows rows) {
        int size = data.get("timestamp").size();
        for (int i = 0; i < size; i++) {
            ObjectNode row = mapper.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> column = it.next();
                if (column.getValue().isArray() && i < column.getValue().size()) {
                    row.set(column.getKey(), column.getValue().get(i));
                }
            }
            rows.acceptObject(row.toString(), row);
        }
    }

    /** Whether Jackson stopped because the text ran out, as a cut body does, rather than at a wrong character. */
    private static boolean endsEarly(JsonProcessingException e, String body) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        // a number cut after its decimal point ("188.") is reported at the point, the last character
        long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
        return offset >= 0 && offset >= body.stripTrailing().length() - 1;
    }

    private static SourceException cut(String detail) {
        return new SourceException(Kind.RETRYABLE, STATUS_OK,
                "ThetaData's answer was cut mid-way (" + detail + "); none of it was kept");
    }

    /** A row's fields by lower-case column name; null when the row lacks the field. */
    @FunctionalInterface
    private interface Fields {
        String get(String name);
    }

    /** What the rows read so far add up to. */
    private static final class Rows {
        private final List<Bar> bars = new ArrayList<>();
        private final List<EmptyBar> empties = new ArrayList<>();
        private final List<UnreadableRow> unreadable = new ArrayList<>();
        private int rounded;
        private int droppedAtClose;

        void unreadable(String raw, String reason) {
            unreadable.add(new UnreadableRow(raw, reason));
        }

        void acceptObject(String raw, JsonNode node) {
            if (!node.isObject()) {
                unreadable(raw, "not a JSON object");
                return;
            }
            Map<String, String> fields = new HashMap<>();
            node.fields().forEachRemaining(e -> fields.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
                    text(e.getValue())));
            accept(raw, fields::get);
        }

        void accept(String raw, Fields fields) {
            try {
                read(fields);
            } catch (BadRow bad) {
                unreadable(raw, bad.getMessage());
            }
        }

        private void read(Fields fields) throws BadRow {
            LocalDateTime local = timestamp(required(fields, "timestamp"));
            if (!local.toLocalTime().isBefore(Session.REGULAR_CLOSE)) {
                droppedAtClose++;
                return;
            }
            Instant start = local.atZone(Session.NEW_YORK).toInstant();
            long count = Bar.UNKNOWN;
            String countText = fields.get("count");
            if (countText != null && !countText.isEmpty()) {
                count = whole("count", countText);
                // -1 would read as "unknown"
                if (count < 0) {
                    throw new BadRow("negative count");
                }
            }
            Price vwap = Price.UNKNOWN;
            String vwapText = fields.get("vwap");
            if (vwapText != null && !vwapText.isEmpty()) {
                vwap = price("vwap", vwapText);
                if (vwap.ticks < 0) {
                    throw new BadRow("negative vwap");
                }
            }
            long volume = whole("volume", required(fields, "volume"));
            if (count == 0) {
                if (volume != 0) {
                    throw new BadRow("count 0 with volume " + volume);
                }
                // the zero prices of a no-trade row are not prices: only the vwap is kept, so only it counts
                empties.add(new EmptyBar(start, vwap.ticks));
                rounded += vwap.roundedCount();
                return;
            }
            Price open = price("open", required(fields, "open"));
            Price high = price("high", required(fields, "high"));
            Price low = price("low", required(fields, "low"));
            Price close = price("close", required(fields, "close"));
            bars.add(new Bar(start, open.ticks, high.ticks, low.ticks, close.ticks, volume, count, vwap.ticks));
            rounded += open.roundedCount() + high.roundedCount() + low.roundedCount() + close.roundedCount()
                    + vwap.roundedCount();
        }

        SourceAnswer answer() {
            if (droppedAtClose > 0) {
                LOG.debug("dropped {} row(s) stamped at or after the 16:00 close", droppedAtClose);
            }
            return new SourceAnswer(bars, empties, unreadable, rounded, false);
        }
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.isTextual() ? value.textValue().strip() : value.toString();
    }

    private static String required(Fields fields, String name) throws BadRow {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw new BadRow("missing " + name);
        }
        return value;
    }

    private static LocalDateTime timestamp(String text) throws BadRow {
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new BadRow("bad timestamp '" + shorten(text) + "'");
        }
    }

    private static Price price(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            long ticks = Prices.toTicks(value);
            return new Price(ticks, Prices.toDecimal(ticks).compareTo(value) != 0);
        } catch (ArithmeticException e) {
            throw new BadRow(name + " out of range '" + shorten(text) + "'");
        }
    }

    private static long whole(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            // 1200.0 is a whole number too
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadRow(name + " not a whole number '" + shorten(text) + "'");
        }
    }

    private static BigDecimal decimal(String name, String text) throws BadRow {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new BadRow("bad " + name + " '" + shorten(text) + "'");
        }
        // an exponent like 1e999999999 would make rounding allocate without end
        if (value.scale() > 100 || value.precision() - value.scale() > 30) {
            throw new BadRow(name + " out of range '" + shorten(text) + "'");
        }
        return value;
    }

    /** Splits on commas, trimming each field and dropping one pair of surrounding double quotes. */
    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.charAt(0) == '"' && field.charAt(field.length() - 1) == '"') {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
    }

    private static String shorten(String text) {
        return text.length() <= QUOTED_TEXT_MAX ? text : text.substring(0, QUOTED_TEXT_MAX) + "...";
    }

    private record Price(long ticks, boolean rounded) {
        static final Price UNKNOWN = new Price(Bar.UNKNOWN, false);

        int roundedCount() {
            return rounded ? 1 : 0;
        }
    }

    /** A row that cannot be read; the message is the reason. No stack trace: it is an expected outcome. */
    private static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;

        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
