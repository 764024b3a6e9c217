package io.barkeep.source.thetadata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The query parameters of one request to a {@link FakeThetaTerminal}, read as strictly as the terminal does. */
final class FakeQuery {
    private final Map<String, String> values = new HashMap<>();

    FakeQuery(String rawQuery) {
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    String required(String name) throws BadParameter {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new BadParameter(name + " is required");
        }
        return value;
    }

    LocalDate date(String name) throws BadParameter {
        try {
            return LocalDate.parse(required(name), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + " must be YYYYMMDD, not " + values.get(name));
        }
    }

    LocalTime time(String name, LocalTime otherwise) throws BadParameter {
        try {
            return has(name) ? LocalTime.parse(values.get(name)) : otherwise;
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + " must be HH:MM:SS, not " + values.get(name));
        }
    }

    /** A parameter the terminal rejects with 473 INVALID_PARAMS. */
    static final class BadParameter extends Exception {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }
}
