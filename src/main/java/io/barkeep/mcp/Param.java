package io.barkeep.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One argument of a tool: its JSON schema and how {@link Args} reads it come from this one description.
 *
 * @param type JSON schema type: string, integer, boolean or array (of strings)
 */
record Param(String name, String type, String description, boolean required, List<String> choices, Integer minimum) {

    static Param string(String name, String description) {
        return new Param(name, "string", description, false, List.of(), null);
    }

    static Param integer(String name, String description, int minimum) {
        return new Param(name, "integer", description, false, List.of(), minimum);
    }

    static Param bool(String name, String description) {
        return new Param(name, "boolean", description, false, List.of(), null);
    }

    static Param strings(String name, String description) {
        return new Param(name, "array", description, false, List.of(), null);
    }

    Param mandatory() {
        return new Param(name, type, description, true, choices, minimum);
    }

    Param oneOf(String... values) {
        return new Param(name, type, description, required, List.of(values), minimum);
    }

    Map<String, Object> schema() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("description", description);
        if (!choices.isEmpty()) {
            m.put("enum", choices);
        }
        if (minimum != null) {
            m.put("minimum", minimum);
        }
        if (type.equals("array")) {
            m.put("items", Map.of("type", "string"));
            m.put("minItems", 1);
        }
        return m;
    }

    /** The input schema of a tool taking {@code params}; unknown arguments are refused. */
    static Map<String, Object> inputSchema(List<Param> params) {
        Map<String, Object> properties = new LinkedHashMap<>();
        params.forEach(p -> properties.put(p.name(), p.schema()));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        List<String> required = params.stream().filter(Param::required).map(Param::name).toList();
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
