package io.barkeep.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The output schemas of the tools; the SDK checks every answer against its tool's schema before it is sent. */
final class Schemas {
    private Schemas() {
    }

    static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    static Map<String, Object> nullable(String type) {
        return Map.of("type", List.of(type, "null"));
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    /** An object schema whose properties are required unless they may be null (a null may also be left out). */
    static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", properties);
        List<String> required = new ArrayList<>();
        properties.forEach((name, schema) -> {
            if (!(schema instanceof Map<?, ?> s && s.get("type") instanceof List)) {
                required.add(name);
            }
        });
        m.put("required", required);
        return m;
    }

    private static Map<String, Object> barHeader(boolean withInterval) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("symbol", type("string"));
        if (withInterval) {
            p.put("interval", type("string"));
        }
        p.put("from", type("string"));
        p.put("to", type("string"));
        p.put("timezone", type("string"));
        p.put("adjustment", Map.of("type", "string", "enum", List.of(Adjustment.CHOICES)));
        p.put("source", type("string"));
        p.put("simulated", type("boolean"));
        p.put("coverage", Coverage.schema());
        p.put("warnings", arrayOf(type("string")));
        return p;
    }

    static Map<String, Object> historicalBars() {
        Map<String, Object> p = barHeader(true);
        p.put("total_rows", type("integer"));
        p.put("first_row", type("integer"));
        p.put("returned_rows", type("integer"));
        p.put("truncated", type("boolean"));
        p.put("next_cursor", nullable("string"));
        p.put("empty_reason", nullable("string"));
        p.put("bars", arrayOf(BarRows.rowSchema()));
        return object(p);
    }

    static Map<String, Object> multiTimeframe() {
        Map<String, Object> p = barHeader(false);
        p.put("lookback_days", type("integer"));
        p.put("empty_reason", nullable("string"));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("interval", type("string"));
        one.put("total_rows", type("integer"));
        one.put("returned_rows", type("integer"));
        one.put("truncated", type("boolean"));
        one.put("bars", arrayOf(BarRows.rowSchema()));
        p.put("intervals", arrayOf(object(one)));
        return object(p);
    }

    /** A schema of {@code names} typed by the value maps the tools build: strings unless listed otherwise. */
    static Map<String, Object> flat(Map<String, String> types) {
        Map<String, Object> p = new LinkedHashMap<>();
        types.forEach((name, t) -> p.put(name, t.endsWith("?") ? nullable(t.substring(0, t.length() - 1)) : type(t)));
        return object(p);
    }
}
