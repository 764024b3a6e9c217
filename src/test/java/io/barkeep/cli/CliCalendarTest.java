package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code calendar} past the data file's last date (2027-12-31): the rules answer, and say so. */
class CliCalendarTest {

    @Test
    void calendarFrom2030To2035AnswersFromTheRulesAndNamesThem() {
        JsonNode doc = run("calendar", "--from", "2030-01-01", "--to", "2035-12-31", "--json").ok().json();

        assertEquals("nyse-2026.1+rules-2035", doc.get("calendar_version").asText());
        List<String> dates = new ArrayList<>();
        doc.get("sessions").forEach(s -> dates.add(s.get("date").asText()));
        assertEquals("2030-01-02", dates.get(0), "New Year's Day 2030 is closed");
        assertEquals("2035-12-31", dates.get(dates.size() - 1));
        assertFalse(dates.contains("2033-12-26"), "Christmas 2033, a Sunday, is observed on the Monday");
        assertFalse(dates.contains("2035-03-23"), "Good Friday 2035");
        assertTrue(dates.contains("2035-03-22"));
        // six years of about 252 sessions each
        assertTrue(dates.size() > 6 * 250 && dates.size() < 6 * 254, "sessions: " + dates.size());
    }

    @Test
    void calendarTablePast2027EndsWithTheRulesVersion() {
        List<String> lines = run("calendar", "--from", "2031-11-24", "--to", "2031-11-28").ok().outLines();

        assertEquals("4 sessions (calendar nyse-2026.1+rules-2031)", lines.get(lines.size() - 1));
    }

    @Test
    void calendarFarBeyondWhatTheRulesMayReachIsOneLine() {
        String err = run("calendar", "--from", "2300-01-01", "--to", "2300-12-31").handledError();

        assertTrue(err.contains("2300"), err);
    }
}
