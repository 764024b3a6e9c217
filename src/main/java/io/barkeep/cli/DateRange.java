package io.barkeep.cli;

import io.barkeep.domain.Session;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --from D [--to D | --lookback-days N]}: a range of New York dates, inclusive. */
final class DateRange {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First date (New York).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last date, inclusive (default: today).")
    LocalDate to;

    @Option(names = "--lookback-days", paramLabel = "N", description = "Calendar days back from --to (default 30).")
    Integer lookbackDays;

    /** The resolved [first, last] dates. */
    LocalDate[] resolve(Clock clock) {
        if (lookbackDays != null && from != null) {
            throw new UsageError("give --from or --lookback-days, not both");
        }
        if (lookbackDays != null && lookbackDays < 1) {
            throw new UsageError("--lookback-days must be at least 1, got " + lookbackDays);
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(Session.NEW_YORK));
        LocalDate first = from != null ? from : last.minusDays(lookbackDays != null ? lookbackDays : 30);
        if (last.isBefore(first)) {
            throw new UsageError("--to " + last + " is before --from " + first);
        }
        return new LocalDate[] {first, last};
    }
}
