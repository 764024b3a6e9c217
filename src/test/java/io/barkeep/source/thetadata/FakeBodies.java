package io.barkeep.source.thetadata;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Writes {@link FakeRow}s the way the Theta Terminal does, in each of its formats and shapes. */
final class FakeBodies {
    static final List<String> COLUMNS = List.of("timestamp", "open", "high", "low", "close", "volume", "count",
            "vwap");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** The vendor writes 0 to 3 fraction digits; the fake cycles through all four. */
    private static final String[] FRACTIONS = {"", ".0", ".00", ".000"};
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final int BLANK_LINE_EVERY = 7;

    private FakeBodies() {
    }

    static String csv(List<FakeRow> rows, boolean blankLines) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (int i = 0; i < rows.size(); i++) {
            out.append(String.join(",", fields(rows.get(i), i))).append("\r\n");
            if (blankLines && i % BLANK_LINE_EVERY == BLANK_LINE_EVERY - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }

    static String ndjson(List<FakeRow> rows, boolean blankLines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            out.append(object(rows.get(i), i)).append('\n');
            if (blankLines && i % BLANK_LINE_EVERY == BLANK_LINE_EVERY - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** {@code {"response":[{...},{...}]}}, the documented shape. */
    static String jsonRows(List<FakeRow> rows) {
        StringBuilder out = new StringBuilder("{\"response\":[");
        for (int i = 0; i < rows.size(); i++) {
            out.append(i == 0 ? "\n  " : ",\n  ").append(object(rows.get(i), i));
        }
        return out.append("\n]}\n").toString();
    }

    /** {@code {"timestamp":[...],"open":[...],...}}, the shape some accounts get. */
    static String jsonColumns(List<FakeRow> rows) {
        List<List<String>> values = IntStream.range(0, rows.size())
                .mapToObj(i -> jsonFields(rows.get(i), i))
                .toList();
        StringBuilder out = new StringBuilder("{");
        for (int c = 0; c < COLUMNS.size(); c++) {
            out.append(c == 0 ? "" : ",").append('"').append(COLUMNS.get(c)).append("\":[");
            for (int i = 0; i < rows.size(); i++) {
                out.append(i == 0 ? "" : ",").append(values.get(i).get(c));
            }
            out.append(']');
        }
        return out.append("}\n").toString();
    }

    private static String object(FakeRow row, int index) {
        List<String> values = jsonFields(row, index);
        StringBuilder out = new StringBuilder("{");
        for (int c = 0; c < COLUMNS.size(); c++) {
            out.append(c == 0 ? "\"" : ",\"").append(COLUMNS.get(c)).append("\":").append(values.get(c));
        }
        return out.append('}').toString();
    }

    /** The row's values as CSV writes them, in {@link #COLUMNS} order. */
    private static List<String> fields(FakeRow row, int index) {
        return List.of(row.time().format(SECONDS) + FRACTIONS[index % FRACTIONS.length], row.open(), row.high(),
                row.low(), row.close(), Long.toString(row.volume()), Long.toString(row.count()), row.vwap());
    }

    /** The same values as JSON writes them: the timestamp a string, the rest numbers. */
    private static List<String> jsonFields(FakeRow row, int index) {
        List<String> fields = fields(row, index);
        return IntStream.range(0, fields.size())
                .mapToObj(c -> c == 0 ? "\"" + fields.get(c) + "\"" : jsonValue(fields.get(c)))
                .toList();
    }

    /** A number as a JSON number, written exactly as given; anything else (a test's bad value) as a string. */
    private static String jsonValue(String text) {
        return JSON_NUMBER.matcher(text).matches() ? text : "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
