package io.barkeep.store;

import static io.barkeep.store.schema.Tables.EMPTY_BARS;
import static io.barkeep.store.schema.Tables.BARS_5M;
import static io.barkeep.store.schema.Tables.SESSION_COVERAGE;

import io.barkeep.domain.Session;
import java.time.Instant;
import java.time.LocalDate;

/** The sliding retention window (default three years): bars older than it are removed. */
public final class Retention {
    /** 3 years. */
    public static final int DEFAULT_DAYS = 1095;

    private final BarStore store;

    public Retention(BarStore store) {
        this.store = store;
    }

    /** The first New York date kept when keeping {@code retainDays} days back from {@code now}. */
    public static LocalDate cutoff(Instant now, int retainDays) {
        return now.atZone(Session.NEW_YORK).toLocalDate().minusDays(retainDays);
    }

    /** Removes bars, empty markers and ledger rows before the cutoff in one transaction; returns bars removed. */
    public int cleanup(int retainDays, Instant now) {
        if (retainDays < 1) {
            throw new IllegalArgumentException("retain days must be at least 1, got " + retainDays);
        }
        LocalDate cutoff = cutoff(now, retainDays);
        long cutoffTs = cutoff.atStartOfDay(Session.NEW_YORK).toEpochSecond();
        long cutoffKey = cutoff.getYear() * 10_000L + cutoff.getMonthValue() * 100L + cutoff.getDayOfMonth();
        return store.bulkWrite(() -> store.database().writer().run(dsl -> {
            int bars = dsl.deleteFrom(BARS_5M).where(BARS_5M.TS.lt(cutoffTs)).execute();
            dsl.deleteFrom(EMPTY_BARS).where(EMPTY_BARS.TS.lt(cutoffTs)).execute();
            dsl.deleteFrom(SESSION_COVERAGE).where(SESSION_COVERAGE.SESSION_DATE.lt(cutoffKey)).execute();
            return bars;
        }));
    }
}
