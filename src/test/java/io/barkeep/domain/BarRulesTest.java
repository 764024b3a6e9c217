package io.barkeep.domain;

import static io.barkeep.domain.TestCalendars.ny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarRulesTest {
    private static final TradingCalendar CALENDAR = TestCalendars.year2024();
    private static final Instant OPENING_BAR = ny("2024-01-02T09:30");

    private static Bar bar(Instant start, long open, long high, long low, long close, long volume) {
        return new Bar(start, open, high, low, close, volume, 10, 1_000_000);
    }

    private static Bar bar(long open, long high, long low, long close, long volume) {
        return bar(OPENING_BAR, open, high, low, close, volume);
    }

    private static Optional<String> check(Bar bar) {
        return BarRules.check(bar, CALENDAR);
    }

    @Test
    void acceptsAConsistentBarInsideTheSession() {
        assertEquals(Optional.empty(), check(bar(100, 120, 90, 110, 5)));
    }

    @Test
    void acceptsAFlatBarWhereAllPricesAreEqual() {
        assertEquals(Optional.empty(), check(bar(100, 100, 100, 100, 1)));
    }

    @Test
    void acceptsABarWithUnknownCountAndVwap() {
        assertEquals(Optional.empty(), check(Bar.of(OPENING_BAR, 100, 120, 90, 110, 5)));
    }

    @Test
    void rejectsHighBelowLow() {
        assertEquals(Optional.of("high < low"), check(bar(100, 99, 100, 100, 5)));
    }

    @Test
    void rejectsOpenAboveHighOrBelowLowByOneTick() {
        assertEquals(Optional.of("open outside high-low"), check(bar(121, 120, 90, 110, 5)));
        assertEquals(Optional.of("open outside high-low"), check(bar(89, 120, 90, 110, 5)));
    }

    @Test
    void rejectsCloseAboveHighOrBelowLowByOneTick() {
        assertEquals(Optional.of("close outside high-low"), check(bar(100, 120, 90, 121, 5)));
        assertEquals(Optional.of("close outside high-low"), check(bar(100, 120, 90, 89, 5)));
    }

    @Test
    void acceptsPricesAndVolumesUpToWhatAUsStockCanHave() {
        long tenMillionDollars = 100_000_000_000L;
        long tenToTheTwelve = 1_000_000_000_000L;
        assertEquals(Optional.empty(), check(bar(tenMillionDollars, tenMillionDollars, tenMillionDollars - 1,
                tenMillionDollars, tenToTheTwelve)));
    }

    @Test
    void rejectsPricesAboveTenMillionDollarsAndVolumesAboveTenToTheTwelve() {
        long tooHigh = 100_000_000_001L;
        assertEquals(Optional.of("price above $10,000,000"), check(bar(100, tooHigh, 90, 110, 5)));
        // $900 trillion, as a vendor once sent
        assertEquals(Optional.of("price above $10,000,000"), check(bar(9_000_000_000_000_000_000L,
                9_000_000_000_000_000_000L, 90, 110, 5)));
        assertEquals(Optional.of("volume above 10^12"), check(bar(100, 120, 90, 110, 1_000_000_000_001L)));
        assertEquals(Optional.of("volume above 10^12"), check(bar(100, 120, 90, 110, Long.MAX_VALUE)));
        assertEquals(Optional.of("count above 10^12"), check(new Bar(OPENING_BAR, 100, 120, 90, 110, 5,
                1_000_000_000_001L, 100)));
        assertEquals(Optional.of("vwap above $10,000,000"), check(new Bar(OPENING_BAR, 100, 120, 90, 110, 5, 3,
                tooHigh)));
        assertEquals(Optional.of("vwap above $10,000,000"), BarRules.check(new EmptyBar(OPENING_BAR, tooHigh),
                CALENDAR));
    }

    @Test
    void rejectsNegativeVolume() {
        assertEquals(Optional.of("negative volume"), check(bar(100, 120, 90, 110, -1)));
    }

    @Test
    void rejectsZeroOrNegativePriceWithVolume() {
        assertEquals(Optional.of("non-positive price with volume"), check(bar(0, 0, 0, 0, 5)));
        assertEquals(Optional.of("non-positive price with volume"), check(bar(10, 10, -5, 10, 5)));
    }

    @Test
    void rejectsZeroOrNegativePriceEvenWithoutVolume() {
        assertEquals(Optional.of("non-positive price"), check(bar(0, 0, 0, 0, 0)));
        assertEquals(Optional.of("non-positive price"), check(bar(-1, -1, -1, -1, 0)));
    }

    @Test
    void acceptsAZeroVolumeBarWithPositivePrices() {
        assertEquals(Optional.empty(), check(bar(100, 100, 100, 100, 0)));
    }

    @Test
    void rejectsACountOfZeroBecauseThatIsAnEmptyBar() {
        Bar zeroCount = new Bar(OPENING_BAR, 100, 120, 90, 110, 5, 0, Bar.UNKNOWN);
        assertEquals(Optional.of("count 0 marks an empty bar, not a bar"), check(zeroCount));
    }

    @Test
    void rejectsNegativeCountOrVwapOtherThanTheUnknownMarker() {
        assertEquals(Optional.of("negative count"), check(new Bar(OPENING_BAR, 100, 120, 90, 110, 5, -2, 100)));
        assertEquals(Optional.of("negative vwap"), check(new Bar(OPENING_BAR, 100, 120, 90, 110, 5, 3, -2)));
    }

    @Test
    void acceptsEveryStartOfARegularSessionFromTheOpeningBarToTheLast() {
        assertEquals(Optional.empty(), check(bar(ny("2024-01-02T09:30"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.empty(), check(bar(ny("2024-01-02T15:55"), 100, 100, 100, 100, 1)));
    }

    @Test
    void rejectsStartsOffTheFiveMinuteGrid() {
        assertEquals(Optional.of("off the 5-minute grid"), check(bar(ny("2024-01-02T09:31"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.of("off the 5-minute grid"),
                check(bar(ny("2024-01-02T09:35:01"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.of("off the 5-minute grid"),
                check(bar(ny("2024-01-02T09:35").plusMillis(1), 100, 100, 100, 100, 1)));
    }

    @Test
    void rejectsStartsBeforeTheOpenAndAtOrAfterTheClose() {
        assertEquals(Optional.of("outside the session"), check(bar(ny("2024-01-02T09:25"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.of("outside the session"), check(bar(ny("2024-01-02T16:00"), 100, 100, 100, 100, 1)));
    }

    @Test
    void rejectsStartsAfterAnEarlyClose() {
        assertEquals(Optional.empty(), check(bar(ny("2024-07-03T12:55"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.of("outside the session"), check(bar(ny("2024-07-03T13:00"), 100, 100, 100, 100, 1)));
    }

    @Test
    void rejectsWeekendsAndHolidaysAsOutsideTheSession() {
        assertEquals(Optional.of("outside the session"), check(bar(ny("2024-01-06T10:00"), 100, 100, 100, 100, 1)));
        assertEquals(Optional.of("outside the session"), check(bar(ny("2024-01-01T10:00"), 100, 100, 100, 100, 1)));
    }

    @Test
    void rejectsDatesTheCalendarDoesNotSpeakFor() {
        assertEquals(Optional.of("date not covered by the calendar"),
                check(bar(ny("2025-01-02T10:00"), 100, 100, 100, 100, 1)));
    }

    @Test
    void checksPricesBeforeTime() {
        assertEquals(Optional.of("high < low"), check(bar(ny("2024-01-06T10:01"), 100, 99, 100, 100, 1)));
    }

    @Test
    void emptyBarsFollowTheTimeRulesAndNeedANonNegativeVwap() {
        assertEquals(Optional.empty(), BarRules.check(new EmptyBar(OPENING_BAR, Bar.UNKNOWN), CALENDAR));
        assertEquals(Optional.empty(), BarRules.check(new EmptyBar(OPENING_BAR, 0), CALENDAR));
        assertEquals(Optional.of("negative vwap"), BarRules.check(new EmptyBar(OPENING_BAR, -5), CALENDAR));
        assertEquals(Optional.of("outside the session"),
                BarRules.check(new EmptyBar(ny("2024-01-02T16:00"), 100), CALENDAR));
    }
}
