package io.barkeep.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalTest {

    @ParameterizedTest(name = "{0} parses to {1} ({2} minutes)")
    @CsvSource({
        "5m, 5m, 5",
        "15m, 15m, 15",
        "30m, 30m, 30",
        "10m, 10m, 10",
        "45m, 45m, 45",
        "90m, 90m, 90",
        "390m, 390m, 390",
        "1h, 1h, 60",
        "60m, 1h, 60",
        "2h, 2h, 120",
        "120m, 2h, 120",
        "6h, 6h, 360",
        "15M, 15m, 15",
        "1H, 1h, 60",
        "05m, 5m, 5",
        "'  1h ', 1h, 60",
    })
    void parsesMinuteAndHourIntervalsToTheirCanonicalLabel(String text, String label, int minutes) {
        Interval interval = Interval.parse(text);
        assertEquals(label, interval.label());
        assertEquals(minutes, interval.minutes());
        assertFalse(interval.isSession());
        assertEquals(minutes / 5, interval.barsPerBucket());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "1D"})
    void parsesOneDayAsTheWholeSession(String text) {
        Interval day = Interval.parse(text);
        assertTrue(day.isSession());
        assertEquals("1d", day.label());
        assertEquals(Interval.ONE_DAY, day);
    }

    @Test
    void equalLengthsAreEqualWhateverTheirText() {
        assertEquals(Interval.ONE_HOUR, Interval.parse("60m"));
        assertEquals(Interval.parse("2h"), Interval.parse("120m"));
        assertEquals(Interval.parse("2h").hashCode(), Interval.parse("120m").hashCode());
        assertEquals(Interval.parse("45m"), Interval.ofMinutes(45));
        assertEquals("1h", Interval.ONE_HOUR.toString());
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(strings = {"7m", "0m", "-5m", "5", "m", "", "  ", "abc", "1w", "2d", "0d", "395m", "400m", "7h",
        "0h", "1.5h", "5 m", "99999999999m", "5mm"})
    void rejectsBadValuesWithAOneLineMessageNamingThemAndWhatIsAccepted(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interval.parse(text));
        assertTrue(e.getMessage().startsWith("bad interval '" + text + "': use 5m, 15m, 30m, 1h, 1d"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @NullSource
    void rejectsNull(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interval.parse(text));
        assertTrue(e.getMessage().startsWith("bad interval 'null'"), e.getMessage());
    }

    @Test
    void ofMinutesRejectsLengthsOffTheFiveMinuteGrid() {
        assertThrows(IllegalArgumentException.class, () -> Interval.ofMinutes(7));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofMinutes(0));
        assertThrows(IllegalArgumentException.class, () -> Interval.ofMinutes(395));
    }
}
