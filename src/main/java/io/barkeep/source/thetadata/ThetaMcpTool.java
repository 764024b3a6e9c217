package io.barkeep.source.thetadata;

import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Theta Terminal MCP server's historical OHLC tool and how to call it for one day of 5-minute bars, with the
 * argument names its input schema declares. The tool list is not published for certain, so the tool is found by
 * name ({@code stock_history_ohlc}, else any name with both "history" and "ohlc") and the arguments by the schema's
 * property names (symbol, date or start_date/end_date, interval).
 *
 * @param name       the tool's name
 * @param symbol     the symbol argument's name
 * @param symbolList whether the symbol argument is a JSON array
 * @param date       the single-day argument's name, or null when the tool takes a range
 * @param startDate  the range start argument's name (with {@code endDate}), or null
 * @param endDate    the range end argument's name, or null
 * @param isoDates   whether dates are written YYYY-MM-DD (else YYYYMMDD)
 * @param intDates   whether dates are JSON integers
 * @param interval   the interval argument's name, or null when the tool has none
 * @param fiveMin    the interval argument's value for 5 minutes ("5m" or 300000)
 * @param extra      fixed arguments: {@code format=json}, {@code rth=true} when the schema has them
 */
record ThetaMcpTool(String name, String symbol, boolean symbolList, String date, String startDate, String endDate,
                    boolean isoDates, boolean intDates, String interval, Object fiveMin, Map<String, Object> extra) {

    private static final List<String> SYMBOL_NAMES = List.of("symbol", "root", "ticker", "symbols");

    /** The arguments of the call for {@code day}, in schema terms. */
    Map<String, Object> arguments(String ticker, LocalDate day) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put(symbol, symbolList ? List.of(ticker) : ticker);
        Object when = dateValue(day);
        if (date != null) {
            args.put(date, when);
        } else {
            args.put(startDate, when);
            args.put(endDate, when);
        }
        if (interval != null) {
            args.put(interval, fiveMin);
        }
        args.putAll(extra);
        return args;
    }

    private Object dateValue(LocalDate day) {
        if (isoDates) {
            return day.toString();
        }
        String basic = DateTimeFormatter.BASIC_ISO_DATE.format(day);
        return intDates ? (Object) Integer.parseInt(basic) : basic;
    }

    /** The historical OHLC tool among {@code tools}, with its arguments named. */
    static ThetaMcpTool discover(Collection<McpSchema.Tool> tools) throws SourceException {
        Optional<McpSchema.Tool> found = tools.stream()
                .filter(t -> t.name() != null && t.name().equalsIgnoreCase(ThetaMcpSource.PREFERRED_TOOL))
                .findFirst();
        if (found.isEmpty()) {
            // a stock tool before others (option_history_ohlc...), then the shortest name
            found = tools.stream()
                    .filter(t -> t.name() != null)
                    .filter(t -> lower(t.name()).contains("history") && lower(t.name()).contains("ohlc"))
                    .filter(t -> !lower(t.name()).contains("option") && !lower(t.name()).contains("index"))
                    .min(Comparator.comparing((McpSchema.Tool t) -> !lower(t.name()).contains("stock"))
                            .thenComparing(t -> t.name().length()));
        }
        if (found.isEmpty()) {
            String names = tools.isEmpty() ? "no tools"
                    : tools.stream().map(McpSchema.Tool::name).sorted().collect(Collectors.joining(", "));
            throw new SourceException(Kind.FATAL, -1,
                    "the Theta Terminal's MCP server offers no historical OHLC tool (found: " + names + ")");
        }
        return fromSchema(found.get());
    }

    @SuppressWarnings("unchecked")
    private static ThetaMcpTool fromSchema(McpSchema.Tool tool) throws SourceException {
        Map<String, Object> schema = tool.inputSchema() == null ? Map.of() : tool.inputSchema();
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> p
                ? (Map<String, Object>) p : Map.of();
        Map<String, String> byLower = new LinkedHashMap<>();
        properties.keySet().forEach(k -> byLower.put(lower(k), k));

        String symbol = SYMBOL_NAMES.stream().map(byLower::get).filter(n -> n != null).findFirst()
                .orElseGet(() -> byLower.entrySet().stream().filter(e -> e.getKey().contains("symbol"))
                        .map(Map.Entry::getValue).findFirst().orElse(null));
        String date = byLower.get("date");
        String start = byLower.get("start_date");
        String end = byLower.get("end_date");
        if (symbol == null || (date == null && (start == null || end == null))) {
            throw new SourceException(Kind.FATAL, -1, "the Theta Terminal's MCP tool " + tool.name()
                    + " takes arguments this program does not know how to fill (it has: "
                    + (properties.isEmpty() ? "none" : String.join(", ", properties.keySet()))
                    + "); expected symbol and date or start_date/end_date");
        }
        Map<String, Object> dateSchema = property(properties, date != null ? date : start);
        boolean iso = mentions(dateSchema, "yyyy-mm-dd") || "date".equals(dateSchema.get("format"));
        boolean intDates = !iso && isType(dateSchema, "integer");

        String interval = byLower.get("interval");
        Object fiveMin = "5m";
        if (interval == null && byLower.containsKey("ivl")) {
            interval = byLower.get("ivl");
            fiveMin = isType(property(properties, interval), "string") ? "300000" : (Object) 300_000;
        } else if (interval != null) {
            Map<String, Object> intervalSchema = property(properties, interval);
            List<String> choices = enumValues(intervalSchema);
            if (!choices.contains("5m") && (isType(intervalSchema, "integer") || choices.contains("300000"))) {
                fiveMin = isType(intervalSchema, "integer") ? (Object) 300_000 : "300000";
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        String format = byLower.get("format");
        if (format != null) {
            List<String> choices = enumValues(property(properties, format));
            if (choices.isEmpty() || choices.contains("json")) {
                extra.put(format, "json");
            }
        }
        String rth = byLower.get("rth");
        if (rth != null) {
            extra.put(rth, isType(property(properties, rth), "string") ? "true" : (Object) Boolean.TRUE);
        }
        return new ThetaMcpTool(tool.name(), symbol, isType(property(properties, symbol), "array"), date,
                date == null ? start : null, date == null ? end : null, iso, intDates, interval, fiveMin, extra);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(Map<String, Object> properties, String name) {
        return properties.get(name) instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    private static boolean isType(Map<String, Object> property, String type) {
        Object declared = property.get("type");
        if (declared instanceof Collection<?> several) {
            return several.contains(type);
        }
        return type.equals(declared);
    }

    private static List<String> enumValues(Map<String, Object> property) {
        List<String> values = new ArrayList<>();
        if (property.get("enum") instanceof Collection<?> choices) {
            choices.forEach(c -> values.add(lower(String.valueOf(c))));
        }
        return values;
    }

    private static boolean mentions(Map<String, Object> property, String text) {
        return lower(String.valueOf(property.getOrDefault("description", ""))).contains(text)
                || lower(String.valueOf(property.getOrDefault("pattern", ""))).contains("-");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
