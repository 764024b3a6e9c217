package io.barkeep.source.simulated;

import java.time.LocalDate;

/**
 * The slow price path of one symbol: a log-price for every weekday, in closed form. It is a trend plus smooth value
 * noise at six time scales (3 weekdays to about 3 years), so any day's level costs a dozen hashes and never requires
 * generating the days before it. Sessions open near their day's level and close at the next weekday's, which makes
 * consecutive sessions join up with only a small overnight gap. Time runs in weekdays, not calendar days, so a
 * weekend does not move the price more than a night does; holidays are rare enough to leave out, and leaving them
 * out keeps the bars independent of the calendar's data.
 */
final class PricePath {
    /** The day a {@link SymbolProfile#basePrice()} is pinned to. */
    static final long REFERENCE_DAY = LocalDate.of(2024, 1, 2).toEpochDay();

    private static final double WEEKDAYS_PER_YEAR = 261;
    /** 1970-01-01, epoch day 0, was a Thursday: day 3 of a week that starts on Monday. */
    private static final long EPOCH_WEEKDAY = 3;
    /** Keeps the noise cells apart from the hashes {@link SymbolProfile} draws. */
    private static final long SALT_NOISE = 100;
    // Amplitudes grow roughly with the square root of the period, like a random walk's excursions; together they
    // give a daily move of about 1.5% and swings of tens of percent over the years.
    private static final double[] PERIODS = {3, 10, 30, 90, 270, 810};
    private static final double[] AMPLITUDES = {0.045, 0.07, 0.1, 0.12, 0.18, 0.25};

    private final long hash;
    private final double drift;
    private final double offset;

    PricePath(SymbolProfile profile) {
        this.hash = profile.hash();
        this.drift = profile.annualDrift();
        // subtracting the noise at the reference day makes the base price hold exactly there
        this.offset = Math.log(profile.basePrice()) - noise(weekdayIndex(REFERENCE_DAY));
    }

    /** The natural logarithm of the symbol's dollar level on {@code epochDay}, a weekday. */
    double logLevel(long epochDay) {
        return level(weekdayIndex(epochDay));
    }

    /** The level of the weekday after {@code epochDay}, where that day's close is headed. */
    double nextLogLevel(long epochDay) {
        return level(weekdayIndex(epochDay) + 1);
    }

    private double level(long weekday) {
        return offset + drift * (weekday - weekdayIndex(REFERENCE_DAY)) / WEEKDAYS_PER_YEAR + noise(weekday);
    }

    /** Weekdays since the Monday before the epoch; a Saturday or Sunday counts as the Monday after it. */
    static long weekdayIndex(long epochDay) {
        long sinceMonday = epochDay + EPOCH_WEEKDAY;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7), 5);
    }

    private double noise(long weekday) {
        double sum = 0;
        for (int k = 0; k < PERIODS.length; k++) {
            double position = weekday / PERIODS[k];
            long cell = (long) Math.floor(position);
            double f = position - cell;
            double smooth = f * f * (3 - 2 * f);
            double left = Mix.signedUnit(Mix.of(hash, SALT_NOISE + k, cell));
            double right = Mix.signedUnit(Mix.of(hash, SALT_NOISE + k, cell + 1));
            sum += AMPLITUDES[k] * (left + (right - left) * smooth);
        }
        return sum;
    }
}
