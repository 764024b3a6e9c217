package io.barkeep.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.cli.Output;
import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Prices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bars as the tools answer them: CSV rows exactly as {@code bars --format csv} prints them, the same rows as JSON
 * objects for structured content, and how many of them fit a character budget.
 */
final class BarRows {
    /** The header of {@code bars --format csv}. */
    static final String CSV_HEADER = "timestamp,open,high,low,close,volume,bars";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> csv = new ArrayList<>();
    final List<Map<String, Object>> json = new ArrayList<>();
    private final int decimals;
    private int chars;

    /** @param decimals the decimals of the bars' price units: 4 as stored, more when adjusted */
    BarRows(int decimals) {
        this.decimals = decimals;
    }

    /** Adds {@code b} unless it would take the rows past {@code budget} characters; false when it did not fit. */
    boolean add(AggregateBar b, int budget) {
        String line = csvLine(b, decimals);
        Map<String, Object> row = jsonRow(b, decimals);
        // a CSV line costs its length plus the escaped newline in the JSON text, a row its JSON plus a comma
        int cost = line.length() + 2 + length(row) + 1;
        if (chars + cost > budget) {
            return false;
        }
        chars += cost;
        csv.add(line);
        json.add(row);
        return true;
    }

    int size() {
        return csv.size();
    }

    String csvText() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        csv.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }

    static String csvLine(AggregateBar b, int decimals) {
        return Output.localTime(b.start()) + "," + text(b.open(), decimals) + "," + text(b.high(), decimals) + ","
                + text(b.low(), decimals) + "," + text(b.close(), decimals) + "," + b.volume() + "," + b.bars();
    }

    /** As {@code bars --format csv} prints a price: four decimals as stored, all of them once adjusted. */
    private static String text(long units, int decimals) {
        return decimals == 4 ? Prices.format(units) : java.math.BigDecimal.valueOf(units, decimals).toPlainString();
    }

    static Map<String, Object> jsonRow(AggregateBar b, int decimals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timestamp", Output.localTime(b.start()));
        m.put("open", java.math.BigDecimal.valueOf(b.open(), decimals));
        m.put("high", java.math.BigDecimal.valueOf(b.high(), decimals));
        m.put("low", java.math.BigDecimal.valueOf(b.low(), decimals));
        m.put("close", java.math.BigDecimal.valueOf(b.close(), decimals));
        m.put("volume", b.volume());
        m.put("bars", b.bars());
        return m;
    }

    static Map<String, Object> rowSchema() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("timestamp", Map.of("type", "string", "description", "bar start, New York wall-clock time"));
        for (String p : new String[] {"open", "high", "low", "close"}) {
            props.put(p, Map.of("type", "number"));
        }
        props.put("volume", Map.of("type", "integer"));
        props.put("bars", Map.of("type", "integer", "description", "5-minute bars the bucket held"));
        return Map.of("type", "object", "properties", props, "required", new ArrayList<>(props.keySet()));
    }

    private static int length(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a bar as JSON", e);
        }
    }
}
