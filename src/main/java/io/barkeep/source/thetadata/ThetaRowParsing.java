package io.barkeep.source.thetadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceAnswer.UnreadableRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rows of a Theta Terminal answer into bars, whatever the answer's shape: v2 JSON (arrays of values
 * named by {@code header.format}), v3 JSON rows ({@code {"response":[{...}]}}), v3 JSON columns
 * ({@code {"timestamp":[...],...}}) and CSV with a header line. A row's start is either {@code timestamp}
 * (New York wall clock, 0 to 3 fraction digits) or v2's {@code ms_of_day} with {@code date} (YYYYMMDD).
 * Prices with more than four decimals are rounded half-even and counted; {@code count == 0} is an
 * {@link EmptyBar}; rows stamped at or after 16:00 New York (the vendor's inclusive end time) are dropped.
 * A row that cannot be read becomes an {@link UnreadableRow}; an answer whose shape is unknown throws.
 */
final class ThetaRowParsing {
    static final LocalTime SESSION_END = Session.REGULAR_CLOSE;
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final long MS_PER_DAY = 86_400_000L;
    private static final int MAX_RAW = 300;

    private ThetaRowParsing() {
    }

    /** An answer whose shape is not one of the known ones (as opposed to a single bad row). */
    static final class ShapeException extends Exception {
        private static final long serialVersionUID = 1L;

        ShapeException(String message) {
            super(message);
        }
    }

    /** One row: its cells by lower-case column name (null when absent) and its text for the quarantine. */
    interface Row {
        String cell(String column);

        String raw();
    }

    /** Collects the bars of one or more answers (pages, days) in the order they are added. */
    static final class Collector {
        private final List<Bar> bars = new ArrayList<>();
        private final List<EmptyBar> empties = new ArrayList<>();
        private final List<UnreadableRow> unreadable = new ArrayList<>();
        private int rounded;
        private int afterClose;

        void add(Row row) {
            try {
                read(row);
            } catch (BadRow e) {
                unreadable(row.raw(), e.getMessage());
            }
        }

        void unreadable(String raw, String reason) {
            unreadable.add(new UnreadableRow(shorten(raw), reason));
        }

        /** How many rows were dropped for starting at or after 16:00. */
        int droppedAfterClose() {
            return afterClose;
        }

        int rows() {
            return bars.size() + empties.size() + unreadable.size();
        }

        SourceAnswer answer() {
            return new SourceAnswer(bars, empties, unreadable, rounded, false);
        }

        private void read(Row row) throws BadRow {
            LocalDateTime start = start(row);
            if (!start.toLocalTime().isBefore(SESSION_END)) {
                afterClose++;
                return;
            }
            long count = whole(row, "count");
            // -1 would read as "unknown"
            if (count < 0) {
                throw new BadRow("negative count");
            }
            Price vwap = new Price(Bar.UNKNOWN, false);
            String vwapText = row.cell("vwap");
            if (vwapText != null && !vwapText.isBlank()) {
                vwap = price("vwap", vwapText);
                if (vwap.ticks < 0) {
                    throw new BadRow("negative vwap");
                }
            }
            var instant = start.atZone(Session.NEW_YORK).toInstant();
            if (count == 0) {
                // a no-trade interval's zero prices are not prices: only its vwap is kept
                empties.add(new EmptyBar(instant, vwap.ticks));
                rounded += vwap.rounded ? 1 : 0;
                return;
            }
            Price open = price(row, "open");
            Price high = price(row, "high");
            Price low = price(row, "low");
            Price close = price(row, "close");
            long volume = whole(row, "volume");
            bars.add(new Bar(instant, open.ticks, high.ticks, low.ticks, close.ticks, volume, count, vwap.ticks));
            for (Price p : new Price[] {open, high, low, close, vwap}) {
                rounded += p.rounded ? 1 : 0;
            }
        }
    }

    /** Reads the rows of a JSON answer in any of the known shapes into {@code out}. */
    static void readJson(JsonNode root, Collector out) throws ShapeException {
        JsonNode response = root.path("response");
        if (response.isArray()) {
            JsonNode format = root.path("header").path("format");
            readArray(response, format, out);
        } else if (response.isObject()) {
            readColumns(response, out);
        } else if (root.isArray()) {
            readArray(root, root.path("format"), out);
        } else if (root.isObject() && (root.has("timestamp") || root.has("ms_of_day"))) {
            readColumns(root, out);
        } else {
            throw new ShapeException("an answer of unknown shape: " + ThetaStatus.oneLine(root.toString()));
        }
    }

    private static void readArray(JsonNode rows, JsonNode format, Collector out) throws ShapeException {
        List<String> columns = null;
        if (format.isArray()) {
            columns = new ArrayList<>();
            for (JsonNode name : format) {
                columns.add(name.asText().strip().toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode row : rows) {
            if (row.isObject()) {
                out.add(objectRow(row));
            } else if (row.isArray()) {
                if (columns == null) {
                    throw new ShapeException("rows of values without a header naming the columns");
                }
                out.add(valuesRow(row, columns));
            } else {
                out.unreadable(row.toString(), "a row that is neither an object nor a list of values");
            }
        }
    }

    private static Row objectRow(JsonNode row) {
        Map<String, String> cells = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            cells.put(field.getKey().strip().toLowerCase(Locale.ROOT), text(field.getValue()));
        }
        return new SimpleRow(cells, row.toString());
    }

    private static Row valuesRow(JsonNode row, List<String> columns) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columns.size() && i < row.size(); i++) {
            cells.put(columns.get(i), text(row.get(i)));
        }
        return new SimpleRow(cells, row.toString());
    }

    private static void readColumns(JsonNode table, Collector out) throws ShapeException {
        Map<String, JsonNode> columns = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = table.fields();
        int length = -1;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray()) {
                continue;
            }
            columns.put(field.getKey().strip().toLowerCase(Locale.ROOT), field.getValue());
            length = Math.max(length, field.getValue().size());
        }
        if (!columns.containsKey("timestamp") && !columns.containsKey("ms_of_day")) {
            throw new ShapeException("a column answer without a timestamp column: "
                    + ThetaStatus.oneLine(table.toString()));
        }
        for (int i = 0; i < length; i++) {
            Map<String, String> cells = new HashMap<>();
            StringBuilder raw = new StringBuilder();
            for (Map.Entry<String, JsonNode> column : columns.entrySet()) {
                String value = i < column.getValue().size() ? text(column.getValue().get(i)) : null;
                cells.put(column.getKey(), value);
                raw.append(raw.length() == 0 ? "" : ",").append(column.getKey()).append('=').append(value);
            }
            out.add(new SimpleRow(cells, raw.toString()));
        }
    }

    /** Reads CSV text with a header line; CRLF or LF line ends, blank lines skipped, columns by header name. */
    static void readCsv(String text, Collector out) throws ShapeException {
        String[] lines = text.split("\r?\n|\r", -1);
        List<String> columns = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = split(line);
            if (columns == null) {
                columns = new ArrayList<>();
                for (String name : fields) {
                    columns.add(name.toLowerCase(Locale.ROOT));
                }
                if (!columns.contains("timestamp") && !columns.contains("ms_of_day")) {
                    throw new ShapeException("CSV without a header naming timestamp or ms_of_day: '"
                            + ThetaStatus.oneLine(line) + "'");
                }
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            if (fields.length != columns.size()) {
                out.unreadable(line, "expected " + columns.size() + " fields, got " + fields.length);
                continue;
            }
            for (int i = 0; i < fields.length; i++) {
                cells.put(columns.get(i), fields[i]);
            }
            out.add(new SimpleRow(cells, line));
        }
    }

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

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static LocalDateTime start(Row row) throws BadRow {
        String timestamp = row.cell("timestamp");
        if (timestamp != null && !timestamp.isBlank()) {
            String iso = timestamp.strip();
            if (iso.length() > 10 && iso.charAt(10) == ' ') {
                iso = iso.substring(0, 10) + 'T' + iso.substring(11);
            }
            try {
                return LocalDateTime.parse(iso);
            } catch (DateTimeParseException e) {
                throw new BadRow("bad timestamp '" + shorten(timestamp) + "'");
            }
        }
        String ms = row.cell("ms_of_day");
        String date = row.cell("date");
        if (ms == null || ms.isBlank() || date == null || date.isBlank()) {
            throw new BadRow("missing timestamp (neither timestamp nor ms_of_day with date)");
        }
        long msOfDay = whole("ms_of_day", ms);
        if (msOfDay < 0 || msOfDay >= MS_PER_DAY) {
            throw new BadRow("ms_of_day out of range '" + shorten(ms) + "'");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip(), BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new BadRow("bad date '" + shorten(date) + "'");
        }
        // New York wall-clock time since midnight; sessions never cross the (Sunday) daylight-saving change
        return day.atStartOfDay().plusNanos(msOfDay * 1_000_000L);
    }

    private record Price(long ticks, boolean rounded) {
    }

    private static Price price(Row row, String column) throws BadRow {
        return price(column, row.cell(column));
    }

    private static Price price(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            Prices.Rounded r = Prices.parse(value.toPlainString());
            return new Price(r.ticks(), r.rounded());
        } catch (ArithmeticException e) {
            throw new BadRow(name + " out of range '" + shorten(text) + "'");
        }
    }

    private static long whole(Row row, String column) throws BadRow {
        return whole(column, row.cell(column));
    }

    private static long whole(String name, String text) throws BadRow {
        BigDecimal value = decimal(name, text);
        try {
            // some answers write volumes as 1200.0
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new BadRow(value.stripTrailingZeros().scale() > 0
                    ? name + " not a whole number '" + shorten(text) + "'"
                    : name + " out of range '" + shorten(text) + "'");
        }
    }

    private static BigDecimal decimal(String name, String text) throws BadRow {
        if (text == null || text.isBlank()) {
            throw new BadRow("missing " + name);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRow("bad " + name + " '" + shorten(text) + "'");
        }
        // an exponent like 1e999999999 would make rounding allocate without end
        if (value.scale() > 100 || value.precision() - value.scale() > 30) {
            throw new BadRow(name + " out of range '" + shorten(text) + "'");
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_RAW ? text : text.substring(0, MAX_RAW) + "...";
    }

    private record SimpleRow(Map<String, String> cells, String raw) implements Row {
        @Override
        public String cell(String column) {
            return cells.get(column);
        }
    }

    /** A row that cannot be read; the message is the reason. No stack trace: an expected outcome. */
    private static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;

        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}
