package io.barkeep.mcp;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tool call's arguments checked against the tool's {@link Param}s. Agents send numbers as strings now and
 * then, so an integer or boolean written as text is read too; anything else wrong is one {@link ToolError} line
 * naming the argument and what it accepts.
 */
final class Args {
    private final Map<String, Object> values;
    private final Map<String, Param> params;

    private Args(Map<String, Object> values, Map<String, Param> params) {
        this.values = values;
        this.params = params;
    }

    static Args check(Map<String, Object> raw, List<Param> params) {
        Map<String, Object> values = raw == null ? Map.of() : raw;
        Map<String, Param> byName = params.stream().collect(Collectors.toMap(Param::name, p -> p));
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ToolError("unknown argument '" + name + "': this tool takes "
                        + (params.isEmpty() ? "no arguments"
                        : params.stream().map(Param::name).collect(Collectors.joining(", "))));
            }
        }
        for (Param p : params) {
            if (p.required() && values.get(p.name()) == null) {
                throw new ToolError("missing argument '" + p.name() + "': " + p.description());
            }
        }
        Args args = new Args(values, byName);
        for (Param p : params) {
            if (values.get(p.name()) != null) {
                args.read(p);
            }
        }
        return args;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : (String) read(params.get(name));
    }

    Integer integer(String name) {
        return values.get(name) == null ? null : (Integer) read(params.get(name));
    }

    int integer(String name, int fallback) {
        Integer v = integer(name);
        return v == null ? fallback : v;
    }

    boolean bool(String name, boolean fallback) {
        return values.get(name) == null ? fallback : (Boolean) read(params.get(name));
    }

    LocalDate date(String name) {
        String text = string(name, null);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ToolError("bad " + name + " '" + text + "': use a New York date YYYY-MM-DD");
        }
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return values.get(name) == null ? List.of() : (List<String>) read(params.get(name));
    }

    private Object read(Param p) {
        Object v = values.get(p.name());
        Object out = switch (p.type()) {
            case "string" -> v instanceof String s ? s : null;
            case "integer" -> integerOf(v);
            case "boolean" -> v instanceof Boolean b ? b
                    : "true".equalsIgnoreCase(String.valueOf(v)) ? Boolean.TRUE
                    : "false".equalsIgnoreCase(String.valueOf(v)) ? Boolean.FALSE : null;
            case "array" -> stringsOf(v);
            default -> throw new IllegalStateException("no reader for type " + p.type());
        };
        if (out == null) {
            throw new ToolError("bad " + p.name() + " " + shown(v) + ": expected " + expected(p));
        }
        if (!p.choices().isEmpty() && !p.choices().contains(((String) out).toLowerCase(Locale.ROOT))) {
            throw new ToolError("bad " + p.name() + " " + shown(v) + ": use one of " + String.join(", ", p.choices()));
        }
        if (p.minimum() != null && (Integer) out < p.minimum()) {
            throw new ToolError("bad " + p.name() + " " + shown(v) + ": must be at least " + p.minimum());
        }
        return out;
    }

    private static Integer integerOf(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE ? (int) d : null;
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        return null;
    }

    private static List<String> stringsOf(Object v) {
        if (v instanceof String s) {
            // "AAPL,MSFT" is what an agent means by a list more often than not
            return List.of(s.split(",")).stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private static String expected(Param p) {
        return switch (p.type()) {
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "array" -> "a non-empty list of strings";
            default -> "a string";
        };
    }

    private static String shown(Object v) {
        String text = v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
