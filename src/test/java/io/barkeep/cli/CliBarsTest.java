package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.HEADER;
import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.cli.CliTestSupport.Row;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bars SYM} served from the cache at 5m/15m/30m/1h/1d in table, CSV and JSON, over Christmas week 2024
 * (12-23 regular, 12-24 a 13:00 early close, 12-25 closed, 12-26 regular) and the summer-time changes.
 * Test prices come from {@link CliTestSupport#rows}: bar k of day d opens at 100 + d + k/100.
 */
class CliBarsTest {
    @TempDir
    Path dir;

    private String db;

    /** This test's cache, as --db takes it: a file here, or a fresh PostgreSQL database in the PostgreSQL run. */
    private String db() {
        if (db == null) {
            db = TestDatabases.dbArgument(dir, "trading_data.db");
        }
        return db;
    }

    @BeforeEach
    void importChristmasWeek() {
        Path file = write(dir.resolve("xmas.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"),
                date("2024-12-26"))));
        runOn(db(), "import", file.toString(), "--symbol", "XMAS").ok();
    }

    private JsonNode barsJson(String... args) {
        String[] all = Stream.concat(Stream.of("bars", "XMAS", "--json", "--no-fetch"), Stream.of(args)).toArray(String[]::new);
        return runOn(db(), all).ok().json();
    }

    private static void assertPrice(String expected, JsonNode actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()),
                () -> "expected " + expected + ", got " + actual);
    }

    /** The bucket of {@code bars} starting at {@code timestamp}. */
    private static JsonNode bucket(JsonNode doc, String timestamp) {
        for (JsonNode b : doc.get("bars")) {
            if (b.get("timestamp").asText().equals(timestamp)) {
                return b;
            }
        }
        throw new AssertionError("no bar at " + timestamp + " in " + doc);
    }

    private static List<String> timestamps(JsonNode doc, String datePrefix) {
        List<String> out = new ArrayList<>();
        doc.get("bars").forEach(b -> {
            if (b.get("timestamp").asText().startsWith(datePrefix)) {
                out.add(b.get("timestamp").asText().substring(11, 16));
            }
        });
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} bars, {2} on the early close")
    @CsvSource({"5m, 198, 42", "15m, 66, 14", "30m, 33, 7", "1h, 18, 4", "1d, 3, 1"})
    void eachIntervalBuildsBucketsOnTheCalendarNotByCountingBars(String interval, int total, int onChristmasEve) {
        JsonNode doc = barsJson("--interval", interval, "--from", "2024-12-23", "--to", "2024-12-26");
        assertEquals("XMAS", doc.get("symbol").asText());
        assertEquals(interval, doc.get("interval").asText());
        assertEquals("2024-12-23", doc.get("from").asText());
        assertEquals("2024-12-26", doc.get("to").asText());
        assertEquals(total, doc.get("count").asInt());
        assertEquals(total, doc.get("bars").size());
        assertEquals(onChristmasEve, timestamps(doc, "2024-12-24").size());
        assertEquals(List.of(), timestamps(doc, "2024-12-25"), "Christmas is closed");
    }

    @Test
    void hourBarsOfTheEarlyCloseStartAtTheOpenAndEndWithAPartialBarAt1230() {
        JsonNode doc = barsJson("--interval", "1h", "--from", "2024-12-24", "--to", "2024-12-24");
        assertEquals(List.of("09:30", "10:30", "11:30", "12:30"), timestamps(doc, "2024-12-24"));
        JsonNode last = bucket(doc, "2024-12-24T12:30:00");
        assertEquals("2024-12-24T13:00:00", last.get("end").asText());
        assertEquals(6, last.get("bars").asInt());
        assertEquals(6, last.get("expected_bars").asInt());
        assertTrue(last.get("partial").asBoolean());
        // bars 36..41 of day 1: open 101.36 + k/100
        assertPrice("101.36", last.get("open"));
        assertPrice("101.46", last.get("high"));
        assertPrice("101.33", last.get("low"));
        assertPrice("101.42", last.get("close"));
        assertEquals(6 * 1000 + (36 + 37 + 38 + 39 + 40 + 41), last.get("volume").asLong());
        assertEquals(6 * 10 + (36 + 37 + 38 + 39 + 40 + 41), last.get("trades").asLong());
        assertPrice("101.415", last.get("session_vwap"));

        JsonNode first = bucket(doc, "2024-12-24T09:30:00");
        assertEquals("2024-12-24T10:30:00", first.get("end").asText());
        assertEquals(12, first.get("bars").asInt());
        assertFalse(first.get("partial").asBoolean());
    }

    @Test
    void aRegularDayEndsWithAPartialHalfHourBar() {
        JsonNode doc = barsJson("--interval", "1h", "--from", "2024-12-23", "--to", "2024-12-23");
        assertEquals(List.of("09:30", "10:30", "11:30", "12:30", "13:30", "14:30", "15:30"),
                timestamps(doc, "2024-12-23"));
        JsonNode last = bucket(doc, "2024-12-23T15:30:00");
        assertEquals("2024-12-23T16:00:00", last.get("end").asText());
        assertEquals(6, last.get("bars").asInt());
        assertTrue(last.get("partial").asBoolean());
    }

    @Test
    void theDailyBarOfTheEarlyCloseIsItsWhole42BarSession() {
        JsonNode doc = barsJson("--interval", "1d", "--from", "2024-12-23", "--to", "2024-12-26");
        JsonNode eve = bucket(doc, "2024-12-24T09:30:00");
        assertEquals("2024-12-24T13:00:00", eve.get("end").asText());
        assertEquals(42, eve.get("bars").asInt());
        assertEquals(42, eve.get("expected_bars").asInt());
        assertFalse(eve.get("partial").asBoolean());
        assertPrice("101.00", eve.get("open"));
        assertPrice("101.46", eve.get("high"));
        assertPrice("100.97", eve.get("low"));
        assertPrice("101.42", eve.get("close"));
        assertEquals(42 * 1000 + 41 * 42 / 2, eve.get("volume").asLong());
        JsonNode regular = bucket(doc, "2024-12-26T09:30:00");
        assertEquals(78, regular.get("bars").asInt());
        assertEquals("2024-12-26T16:00:00", regular.get("end").asText());
    }

    @Test
    void fifteenMinuteBarsOfTheEarlyCloseEndWithAFullBarAt1245() {
        JsonNode doc = barsJson("--interval", "15m", "--from", "2024-12-24", "--to", "2024-12-24");
        JsonNode last = bucket(doc, "2024-12-24T12:45:00");
        assertEquals(3, last.get("bars").asInt());
        assertFalse(last.get("partial").asBoolean());
        assertEquals(14, doc.get("count").asInt());
    }

    @Test
    void clockHoursAlignHourBarsToTheClock() {
        JsonNode doc = barsJson("--interval", "1h", "--clock-hours", "--from", "2024-12-24", "--to", "2024-12-24");
        assertEquals(List.of("09:30", "10:00", "11:00", "12:00"), timestamps(doc, "2024-12-24"));
        assertTrue(bucket(doc, "2024-12-24T09:30:00").get("partial").asBoolean());
        assertEquals(12, bucket(doc, "2024-12-24T12:00:00").get("bars").asInt());
    }

    @Test
    void csvFormatPrintsTheExactHeaderAndNewYorkTimesWithPlainDecimals() {
        List<String> lines = runOn(db(), "bars", "--no-fetch", "XMAS", "--from", "2024-12-23", "--to", "2024-12-23",
                "--format", "csv").ok().outLines();
        assertEquals(79, lines.size());
        assertEquals("timestamp,open,high,low,close,volume,bars", lines.get(0));
        assertEquals("2024-12-23T09:30:00,100.0000,100.0500,99.9700,100.0100,1000,1", lines.get(1));
        assertEquals("2024-12-23T15:55:00,100.7700,100.8200,100.7400,100.7800,1077,1", lines.get(78));
    }

    @Test
    void csvFormatOfHourBarsCountsTheBarsOfEachBucket() {
        List<String> lines = runOn(db(), "bars", "--no-fetch", "XMAS", "--interval", "1h", "--from", "2024-12-24", "--to",
                "2024-12-24", "--format", "CSV").ok().outLines();
        assertEquals(List.of("timestamp,open,high,low,close,volume,bars",
                "2024-12-24T09:30:00,101.0000,101.1600,100.9700,101.1200,12066,12",
                "2024-12-24T10:30:00,101.1200,101.2800,101.0900,101.2400,12210,12",
                "2024-12-24T11:30:00,101.2400,101.4000,101.2100,101.3600,12354,12",
                "2024-12-24T12:30:00,101.3600,101.4600,101.3300,101.4200,6231,6"), lines);
    }

    @Test
    void tablePrintsOneRowPerBarMarksPartialBarsAndEndsWithACount() {
        List<String> lines = runOn(db(), "bars", "--no-fetch", "XMAS", "--interval", "1h", "--from", "2024-12-24", "--to",
                "2024-12-24").ok().outLines();
        assertEquals(6, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).matches("time \\(New York\\)\\s+open\\s+high\\s+low\\s+close\\s+volume\\s+bars"),
                lines.get(0));
        assertTrue(lines.get(1).matches("2024-12-24T09:30:00\\s+101\\.0000\\s+101\\.1600\\s+100\\.9700\\s+101\\.1200"
                + "\\s+12066\\s+12"), lines.get(1));
        assertTrue(lines.get(4).matches("2024-12-24T12:30:00\\s+101\\.3600\\s+.*\\s+6231\\s+6 partial"), lines.get(4));
        assertEquals("4 1h bars of XMAS from the cache", lines.get(5));
    }

    @Test
    void aBucketWithMissingBarsIsStillProducedAndSaysHowManyItHad() {
        List<Row> holed = rows(List.of(date("2024-12-27")),
                t -> !t.toLocalTime().isBefore(LocalTime.of(10, 0)) && t.toLocalTime().isBefore(LocalTime.of(10, 10)));
        runOn(db(), "import", write(dir.resolve("holed.csv"), csv(holed)).toString(), "--symbol", "HOLE").ok();
        JsonNode doc = runOn(db(), "bars", "--no-fetch", "HOLE", "--interval", "1h", "--from", "2024-12-27", "--to", "2024-12-27",
                "--json").ok().json();
        JsonNode first = bucket(doc, "2024-12-27T09:30:00");
        assertEquals(10, first.get("bars").asInt());
        assertEquals(12, first.get("expected_bars").asInt());
        assertEquals(7, doc.get("count").asInt(), "no later bucket shifts");
        List<String> table = runOn(db(), "bars", "--no-fetch", "HOLE", "--interval", "1h", "--from", "2024-12-27", "--to",
                "2024-12-27").ok().outLines();
        assertTrue(table.get(1).endsWith(" 10/12"), table.get(1));
    }

    @Test
    void lookbackDaysCountsCalendarDaysBackFromTo() {
        JsonNode three = barsJson("--interval", "1d", "--to", "2024-12-26", "--lookback-days", "3");
        assertEquals("2024-12-23", three.get("from").asText());
        assertEquals(3, three.get("count").asInt());
        JsonNode two = barsJson("--interval", "1d", "--to", "2024-12-26", "--lookback-days", "2");
        assertEquals("2024-12-24", two.get("from").asText());
        assertEquals(2, two.get("count").asInt());
    }

    @Test
    void fromTogetherWithLookbackDaysIsRefused() {
        assertEquals("error: give --from or --lookback-days, not both", runOn(db(), "bars", "--no-fetch", "XMAS", "--from",
                "2024-12-23", "--lookback-days", "3").usageError().strip());
        assertEquals("error: --lookback-days must be at least 1, got 0", runOn(db(), "bars", "--no-fetch", "XMAS",
                "--lookback-days", "0").usageError().strip());
    }

    @Test
    void aSymbolWithNothingCachedGivesNoBars() {
        JsonNode doc = runOn(db(), "bars", "--no-fetch", "NOPE", "--from", "2024-12-23", "--to", "2024-12-26", "--json").ok()
                .json();
        assertEquals(0, doc.get("count").asInt());
    }

    @ParameterizedTest(name = "week of {0}")
    @CsvSource({"2024-03-07, 2024-03-08, 2024-03-11, 2024-03-12", "2024-10-31, 2024-11-01, 2024-11-04, 2024-11-05"})
    void aSummerTimeChangeMovesNoBarOffTheNewYorkSession(LocalDate d0, LocalDate d1, LocalDate d2, LocalDate d3) {
        // written with UTC timestamps, so the offset changes inside the file
        List<Row> week = rows(d0, d1, d2, d3);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        week.forEach(r -> text.append(r.csvUtc()).append('\n'));
        runOn(db(), "import", write(dir.resolve("dst.csv"), text.toString()).toString(), "--symbol", "DST").ok();

        JsonNode daily = runOn(db(), "bars", "--no-fetch", "DST", "--interval", "1d", "--from", d0.toString(), "--to",
                d3.toString(), "--json").ok().json();
        assertEquals(4, daily.get("count").asInt());
        List<LocalDate> days = List.of(d0, d1, d2, d3);
        for (int d = 0; d < 4; d++) {
            JsonNode b = daily.get("bars").get(d);
            assertEquals(days.get(d) + "T09:30:00", b.get("timestamp").asText());
            assertEquals(days.get(d) + "T16:00:00", b.get("end").asText());
            assertEquals(78, b.get("bars").asInt());
            assertPrice((100 + d) + ".00", b.get("open"));
            assertPrice((100 + d) + ".78", b.get("close"));
        }
        JsonNode hourly = runOn(db(), "bars", "--no-fetch", "DST", "--interval", "1h", "--from", d0.toString(), "--to",
                d3.toString(), "--json").ok().json();
        assertEquals(28, hourly.get("count").asInt());
        for (LocalDate day : days) {
            assertEquals(List.of("09:30", "10:30", "11:30", "12:30", "13:30", "14:30", "15:30"),
                    timestamps(hourly, day.toString()));
        }
        List<String> csvLines = runOn(db(), "bars", "--no-fetch", "DST", "--from", d2.toString(), "--to", d2.toString(),
                "--format", "csv").ok().outLines();
        assertEquals(79, csvLines.size());
        assertTrue(csvLines.get(1).startsWith(d2 + "T09:30:00,102.0000,"), csvLines.get(1));
        assertTrue(csvLines.get(78).startsWith(d2 + "T15:55:00,102.7700,"), csvLines.get(78));
    }
}
