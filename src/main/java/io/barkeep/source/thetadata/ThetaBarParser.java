package io.barkeep.source.thetadata;

import static io.barkeep.source.RowFields.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.barkeep.source.CsvLines;
import io.barkeep.source.CsvLines.Line;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceAnswer.UnreadableRow;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of a Theta Terminal answer (HTTP 200) into rows; {@link ThetaRows} turns each row into a bar.
 * {@link #parse} reads a whole v3 {@code /stock/history/ohlc} answer; the v2 and MCP sources, whose answers come in
 * parts (pages, days), read each part into one {@link ThetaRows} with {@link #readCsv} and {@link #readJson}.
 * <ul>
 *   <li>CSV, read by {@link CsvLines} as the CSV import is: columns found by header name (any order, any case,
 *       extra columns ignored), quoted fields may hold commas, CRLF or LF, blank lines and a byte order mark
 *       tolerated. NDJSON: one object a line, blank lines tolerated. JSON: rows
 *       {@code {"response":[{...}]}}, v2's value lists {@code {"header":{"format":[...]},"response":[[...]]}}, or
 *       columns {@code {"timestamp":[...],"open":[...],...}}.</li>
 *   <li>A row that cannot be read becomes an {@link UnreadableRow}; the rest still count.</li>
 *   <li>A body cut mid-way (JSON that ends early, a last CSV line with too few fields, a last NDJSON line that
 *       is not JSON, an empty body) throws {@link Kind#RETRYABLE}: half an answer is never returned. A body that
 *       is whole but not an answer at all (no usable header, JSON of another shape) throws
 *       {@link Kind#REQUEST_FAILED}.</li>
 * </ul>
 * Thread-safe.
 */
public final class ThetaBarParser {
    private static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", "close", "volume");
    private static final String EXPECTED = "timestamp,open,high,low,close,volume,count,vwap";
    private static final int STATUS_OK = 200;
    private static final char BOM = '\uFEFF';

    private final ObjectMapper mapper = new ObjectMapper()
            // exact decimals: a double would blur which prices had more than four digits
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Reads a whole v3 answer body.
     *
     * @throws SourceException {@link Kind#RETRYABLE} when the body was cut, {@link Kind#REQUEST_FAILED} when it
     *                         is not an answer of the asked format
     */
    public SourceAnswer parse(String body, ThetaFormat format) throws SourceException {
        String text = withoutBom(body);
        if (text.isBlank()) {
            throw cut("the body was empty");
        }
        ThetaRows rows = new ThetaRows();
        switch (format) {
            case CSV -> readCsv(text, rows);
            case NDJSON -> ndjson(text, rows);
            case JSON -> readJson(tree(text), rows);
        }
        return rows.answer();
    }

    /** Whether {@code text} starts with a CSV header naming a time column, as an answer in CSV does. */
    static boolean isCsv(String text) {
        Line first = nextLine(new CsvLines(new StringReader(text)));
        List<String> names = first == null ? List.of()
                : first.fields().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        return names.contains("timestamp") || names.contains("ms_of_day");
    }

    /** Reads CSV text with a header line (v3's {@code timestamp} or v2's {@code ms_of_day,...,date}). */
    static void readCsv(String body, ThetaRows rows) throws SourceException {
        CsvLines lines = new CsvLines(new StringReader(body));
        Line header = nextLine(lines);
        if (header == null) {
            throw cut("the body was empty");
        }
        List<String> names = header.fields();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        Line line = nextLine(lines);
        List<String> missing = missingColumns(index.keySet());
        if (!missing.isEmpty()) {
            if (line == null) {
                throw cut("the CSV header ends early: '" + quote(header.text()) + "'");
            }
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK, "ThetaData answered CSV without the column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (header '"
                    + quote(header.text()) + "'; expected " + EXPECTED + ")");
        }
        while (line != null) {
            // one line ahead: a short last line is a body cut mid-way, a short line before it a bad row
            Line following = nextLine(lines);
            row(line, names.size(), index, following == null, rows);
            line = following;
        }
    }

    private static void row(Line line, int width, Map<String, Integer> index, boolean last, ThetaRows rows)
            throws SourceException {
        if (last && CsvLines.UNCLOSED_QUOTE.equals(line.problem())) {
            throw cut("the last CSV line ends inside a quoted field");
        }
        if (last && line.problem() == null && line.size() < width) {
            throw cut("the last CSV line has " + line.size() + " of " + width + " fields");
        }
        if (line.problem() != null) {
            rows.unreadable(line.text(), line.problem());
        } else if (line.size() != width) {
            rows.unreadable(line.text(), "expected " + width + " fields, got " + line.size());
        } else {
            rows.accept(line.text(), name -> {
                Integer at = index.get(name);
                return at == null ? null : line.field(at);
            });
        }
    }

    private static Line nextLine(CsvLines lines) {
        try {
            return lines.next();
        } catch (IOException e) {
            // the text is in memory: reading it cannot fail
            throw new UncheckedIOException(e);
        }
    }

    /** The columns a header lacks: a time ({@code timestamp}, or {@code ms_of_day} with {@code date}), the prices. */
    private static List<String> missingColumns(Set<String> names) {
        List<String> missing = new ArrayList<>();
        if (!names.contains("timestamp") && !names.contains("ms_of_day")) {
            missing.add("timestamp");
        } else if (!names.contains("timestamp") && !names.contains("date")) {
            missing.add("date");
        }
        PRICE_COLUMNS.stream().filter(name -> !names.contains(name)).forEach(missing::add);
        return missing;
    }

    private void ndjson(String body, ThetaRows rows) throws SourceException {
        List<String> lines = body.lines().filter(line -> !line.isBlank()).toList();
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
            object(line, node, rows);
        }
    }

    private JsonNode tree(String body) throws SourceException {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            if (endsEarly(e, body)) {
                throw cut("the JSON ends early");
            }
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK,
                    "ThetaData answered something that is not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads the rows of a JSON answer, whichever its shape: rows of objects, rows of values named by
     * {@code header.format} (v2), or columns, each at the top or under {@code "response"}.
     *
     * @throws SourceException {@link Kind#REQUEST_FAILED} for JSON of another shape
     */
    static void readJson(JsonNode root, ThetaRows rows) throws SourceException {
        JsonNode data = root.has("response") ? root.get("response") : root;
        if (data.isArray()) {
            List<String> format = format(root.path("header").path("format"));
            for (JsonNode row : data) {
                if (row.isArray() && format.isEmpty()) {
                    throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK, "ThetaData answered rows of values "
                            + "without a header.format naming their columns: '" + quote(root.toString()) + "'");
                }
                if (row.isArray()) {
                    rows.accept(row.toString(), name -> {
                        int at = format.indexOf(name);
                        return at < 0 || at >= row.size() ? null : text(row.get(at));
                    });
                } else {
                    object(row.toString(), row, rows);
                }
            }
        } else if (data.isObject() && (data.path("timestamp").isArray() || data.path("ms_of_day").isArray())) {
            columns((ObjectNode) data, rows);
        } else {
            throw new SourceException(Kind.REQUEST_FAILED, STATUS_OK, "ThetaData answered JSON with neither a "
                    + "\"response\" array nor a \"timestamp\" column: '" + quote(root.toString()) + "'");
        }
    }

    /** v2's {@code header.format}: the lower-case column names of value lists; empty when there is none. */
    private static List<String> format(JsonNode format) {
        List<String> names = new ArrayList<>();
        for (JsonNode name : format) {
            names.add(name.asText().strip().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The columnar shape: row i is the i-th element of every column; a short column leaves fields missing. */
    private static void columns(ObjectNode data, ThetaRows rows) {
        JsonNode time = data.path("timestamp").isArray() ? data.get("timestamp") : data.get("ms_of_day");
        for (int i = 0; i < time.size(); i++) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> column = it.next();
                if (column.getValue().isArray() && i < column.getValue().size()) {
                    row.set(column.getKey(), column.getValue().get(i));
                }
            }
            object(row.toString(), row, rows);
        }
    }

    private static void object(String raw, JsonNode node, ThetaRows rows) {
        if (!node.isObject()) {
            rows.unreadable(raw, "not a JSON object");
            return;
        }
        Map<String, String> fields = new HashMap<>();
        node.fields().forEachRemaining(e -> fields.putIfAbsent(e.getKey().strip().toLowerCase(Locale.ROOT),
                text(e.getValue())));
        rows.accept(raw, fields::get);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            // not toPlainString: 1e999999999 would be written out as a billion digits
            return value.decimalValue().toString();
        }
        return value.isTextual() ? value.textValue().strip() : value.toString();
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

    private static String withoutBom(String body) {
        return !body.isEmpty() && body.charAt(0) == BOM ? body.substring(1) : body;
    }

    private static SourceException cut(String detail) {
        return new SourceException(Kind.RETRYABLE, STATUS_OK,
                "ThetaData's answer was cut mid-way (" + detail + "); none of it was kept");
    }
}
