package io.barkeep.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The command line's idea of now: the system clock, or the instant in the system property {@code barkeep.now}
 * (e.g. {@code -Dbarkeep.now=2025-06-02T20:00:00Z}), so tests and a reproduced report see one fixed day.
 */
final class CliClock {
    static final String PROPERTY = "barkeep.now";

    private CliClock() {
    }

    static Clock get() {
        String fixed = System.getProperty(PROPERTY);
        if (fixed == null || fixed.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(fixed), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new UserError(PROPERTY + " must be an instant such as 2025-06-02T20:00:00Z, got '" + fixed + "'");
        }
    }
}
