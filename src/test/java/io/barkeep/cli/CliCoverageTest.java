package io.barkeep.cli;

import static io.barkeep.cli.CliTestSupport.JSON;
import static io.barkeep.cli.CliTestSupport.csv;
import static io.barkeep.cli.CliTestSupport.date;
import static io.barkeep.cli.CliTestSupport.query;
import static io.barkeep.cli.CliTestSupport.queryLong;
import static io.barkeep.cli.CliTestSupport.rows;
import static io.barkeep.cli.CliTestSupport.runOn;
import static io.barkeep.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.barkeep.cli.CliTestSupport.Result;
import io.barkeep.cli.CliTestSupport.Row;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionKind;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gaps}, {@code freshness} and {@code cleanup}, end to end on a temporary database. */
class CliCoverageTest {
    /** The sessions of the gap fixture: 12-25 is a holiday, 12-24 an early close. */
    private static final List<LocalDate> WEEK = List.of(date("2024-12-20"), date("2024-12-23"), date("2024-12-24"),
            date("2024-12-26"), date("2024-12-27"));

    /** The command line's now in every test here: Monday 2025-06-02, 16:00 New York. */
    private static final Instant NOW = Instant.parse("2025-06-02T20:00:00Z");

    @TempDir
    Path dir;

    @BeforeEach
    void fixTheClock() {
        System.setProperty(CliClock.PROPERTY, NOW.toString());
    }

    @AfterEach
    void releaseTheClock() {
        System.clearProperty(CliClock.PROPERTY);
    }

    private String db;

    /** This test's cache, as --db takes it: a file here, or a fresh PostgreSQL database in the PostgreSQL run. */
    private String db() {
        if (db == null) {
            db = TestDatabases.dbArgument(dir, "trading_data.db");
        }
        return db;
    }

    private static boolean between(LocalDateTime t, String from, String to) {
        LocalTime time = t.toLocalTime();
        return !time.isBefore(LocalTime.parse(from)) && time.isBefore(LocalTime.parse(to));
    }

    /**
     * GAPS over 2024-12-20..12-27 lacks 12-20 15:50-16:00, all of 12-23 and 12-24, 12-26 09:30-09:45 (one
     * range of 2 + 78 + 42 + 3 = 125 bars across two missing sessions) and 12-27 10:00-10:30 (6 bars); 12-27
     * 12:00 is a vendor-confirmed no-trade bar, which is not a gap. Held: 76 + 75 + 71 = 222 of 354.
     */
    private void importGapFixture() {
        List<Row> rows = rows(WEEK, t -> {
            LocalDate d = t.toLocalDate();
            return d.equals(date("2024-12-20")) && between(t, "15:50", "16:00")
                    || d.equals(date("2024-12-23")) || d.equals(date("2024-12-24"))
                    || d.equals(date("2024-12-26")) && between(t, "09:30", "09:45")
                    || d.equals(date("2024-12-27")) && between(t, "10:00", "10:30");
        });
        String text = csv(rows).replaceFirst("\n2024-12-27T12:00:00,[^\n]*\n",
                "\n2024-12-27T12:00:00,0,0,0,0,0,0,\n");
        runOn(db(), "import", write(dir.resolve("gaps.csv"), text).toString(), "--symbol", "GAPS").ok();
    }

    private static Instant ny(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), Session.NEW_YORK).toInstant();
    }

    // ---- gaps -----------------------------------------------------------------------------------------------

    @Test
    void gapsTableListsAHoleWithItsSessionAndMergesARangeAcrossMissingSessions() {
        importGapFixture();
        List<String> lines = runOn(db(), "gaps", "GAPS").ok().outLines();
        assertEquals(4, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).matches("symbol\\s+from \\(New York\\)\\s+to\\s+sessions\\s+missing bars"),
                lines.get(0));
        assertTrue(lines.get(1).matches("GAPS\\s+2024-12-20T15:50:00\\s+2024-12-26T09:45:00\\s+"
                + "2024-12-20\\.\\.2024-12-26\\s+125"), lines.get(1));
        assertTrue(lines.get(2).matches("GAPS\\s+2024-12-27T10:00:00\\s+2024-12-27T10:30:00\\s+2024-12-27\\s+6"),
                lines.get(2));
        assertEquals("GAPS: 2 missing ranges, 63.0% covered over 5 sessions 2024-12-20..2024-12-27 (222 held + 1 no-trade + 131 missing = 354 expected)", lines.get(3));
    }

    @Test
    void gapsJsonGivesTheCountsAndTheMergedRangesWithTheirSessions() {
        importGapFixture();
        JsonNode doc = runOn(db(), "gaps", "GAPS", "--json").ok().json();
        assertTrue(doc.get("calendar_version").asText().startsWith("nyse-"), doc.toString());
        assertEquals(1, doc.get("symbols").size());
        JsonNode s = doc.get("symbols").get(0);
        assertEquals("GAPS", s.get("symbol").asText());
        assertEquals("2024-12-20", s.get("from").asText());
        assertEquals("2024-12-27", s.get("to").asText());
        assertEquals(5, s.get("sessions").asInt());
        assertEquals(354, s.get("expected_bars").asInt());
        assertEquals(222, s.get("held_bars").asInt());
        assertEquals(1, s.get("vendor_empty_bars").asInt());
        assertEquals(131, s.get("missing_bars").asInt());
        JsonNode missing = s.get("missing");
        assertEquals(2, missing.size());
        assertEquals(JSON.createObjectNode().put("from", "2024-12-20T15:50:00-05:00")
                .put("to", "2024-12-26T09:45:00-05:00").put("first_session", "2024-12-20")
                .put("last_session", "2024-12-26").put("bars", 125), missing.get(0));
        assertEquals(JSON.createObjectNode().put("from", "2024-12-27T10:00:00-05:00")
                .put("to", "2024-12-27T10:30:00-05:00").put("first_session", "2024-12-27")
                .put("last_session", "2024-12-27").put("bars", 6), missing.get(1));
    }

    @Test
    void gapsFromToReachesPastTheHeldSpanAndMergesWholeMissingSessions() {
        importGapFixture();
        JsonNode s = runOn(db(), "gaps", "GAPS", "--from", "2024-12-26", "--to", "2024-12-31", "--json").ok().json()
                .get("symbols").get(0);
        assertEquals(4, s.get("sessions").asInt(), "12-26, 12-27, 12-30, 12-31");
        JsonNode missing = s.get("missing");
        assertEquals(3, missing.size(), missing.toString());
        assertEquals("2024-12-26T09:30:00-05:00", missing.get(0).get("from").asText());
        assertEquals(3, missing.get(0).get("bars").asInt());
        JsonNode tail = missing.get(2);
        assertEquals("2024-12-30T09:30:00-05:00", tail.get("from").asText());
        assertEquals("2024-12-31T16:00:00-05:00", tail.get("to").asText());
        assertEquals("2024-12-30", tail.get("first_session").asText());
        assertEquals("2024-12-31", tail.get("last_session").asText());
        assertEquals(156, tail.get("bars").asInt());
    }

    @Test
    void gapsWithoutASymbolCoversEveryCachedAndWatchedSymbol() {
        importGapFixture();
        runOn(db(), "watchlist", "add", "AAPL").ok();
        List<String> lines = runOn(db(), "gaps").ok().outLines();
        assertEquals(List.of("AAPL: 0 missing ranges, 0.0% covered over 0 sessions (nothing cached)",
                "GAPS: 2 missing ranges, 63.0% covered over 5 sessions 2024-12-20..2024-12-27 (222 held + 1 no-trade + 131 missing = 354 expected)"),
                lines.subList(lines.size() - 2, lines.size()), "in symbol order");
        assertTrue(lines.get(1).startsWith("GAPS "), lines.get(1));
        JsonNode doc = runOn(db(), "gaps", "--json").ok().json();
        assertEquals(List.of("AAPL", "GAPS"), List.of(doc.get("symbols").get(0).get("symbol").asText(),
                doc.get("symbols").get(1).get("symbol").asText()));
    }

    @Test
    void gapsOfACompleteSymbolListsNoRange() {
        runOn(db(), "import", write(dir.resolve("full.csv"), csv(rows(date("2024-12-23"), date("2024-12-24"))))
                .toString(), "--symbol", "FULL").ok();
        assertEquals(List.of("FULL: 0 missing ranges, 100.0% covered over 2 sessions 2024-12-23..2024-12-24 (120 held + 0 no-trade + 0 missing = 120 expected)"),
                runOn(db(), "gaps", "FULL").ok().outLines());
    }

    // ---- freshness ------------------------------------------------------------------------------------------

    @Test
    void freshnessJsonGivesEachSymbolsSpanCountsCoverageAndGaps() {
        importGapFixture();
        runOn(db(), "watchlist", "add", "AAPL").ok();

        JsonNode doc = runOn(db(), "freshness", "--json").ok().json();
        assertEquals(2, doc.size(), doc.toString());
        JsonNode empty = doc.get(0);
        assertEquals("AAPL", empty.get("symbol").asText());
        assertTrue(empty.get("oldest_bar").isNull());
        assertEquals(0, empty.get("bar_count").asInt());
        assertEquals(0, empty.get("gap_count").asInt());

        JsonNode f = doc.get(1);
        assertEquals("GAPS", f.get("symbol").asText());
        assertEquals("2024-12-20T09:30:00-05:00", f.get("oldest_bar").asText());
        assertEquals("2024-12-27T15:55:00-05:00", f.get("newest_bar").asText());
        assertEquals(222, f.get("bar_count").asInt());
        assertEquals(1, f.get("vendor_empty_count").asInt());
        assertEquals(354, f.get("expected_count").asInt());
        assertEquals(62.99, f.get("coverage_pct").asDouble(), 1e-9, "(222 + 1) / 354, two decimals");
        assertEquals(2, f.get("gap_count").asInt());
        assertEquals("2025-06-02T16:00:00-04:00", f.get("last_checked").asText(), "checked now, by the import");
    }

    @Test
    void freshnessTablePrintsOneRowPerSymbol() {
        importGapFixture();
        List<String> lines = runOn(db(), "freshness").ok().outLines();
        assertEquals(2, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).matches("symbol\\s+oldest bar\\s+newest bar\\s+bars\\s+no-trade\\s+missing"
                + "\\s+expected\\s+coverage\\s+gaps\\s+last checked"), lines.get(0));
        assertTrue(lines.get(1).matches("GAPS\\s+2024-12-20T09:30:00\\s+2024-12-27T15:55:00\\s+222\\s+1\\s+131\\s+354"
                + "\\s+63\\.0%"
                + "\\s+2\\s+2025-06-02T16:00:00"), lines.get(1));
    }

    @Test
    void theDataFreshnessTableIsFilledByImportAndByFreshness() throws Exception {
        importGapFixture();
        long oldest = ny("2024-12-20T09:30").getEpochSecond();
        long newest = ny("2024-12-27T15:55").getEpochSecond();
        List<Map<String, Object>> rows = query(db(), "SELECT symbol, oldest_bar, newest_bar, bar_count, "
                + "expected_count, gap_count FROM symbol_freshness");
        // Compared as text: SQLite's driver hands small integers back as Integer, PostgreSQL's bigint as Long.
        assertEquals(List.of(new java.util.TreeMap<>(Map.of("symbol", "GAPS", "oldest_bar", oldest, "newest_bar",
                newest, "bar_count", 222, "expected_count", 354, "gap_count", 2))).toString(),
                rows.stream().map(java.util.TreeMap::new).toList().toString(), "filled by the import");

        runOn(db(), "watchlist", "add", "AAPL").ok();
        runOn(db(), "freshness", "--json").ok();
        assertEquals(2, queryLong(db(), "SELECT count(*) FROM symbol_freshness"));
        assertTrue(queryLong(db(), "SELECT last_checked FROM symbol_freshness WHERE symbol = 'GAPS'") > 0);
        JsonNode gaps = JSON.readTree(query(db(), "SELECT gaps_detected FROM symbol_freshness WHERE symbol = 'GAPS'")
                .get(0).get("gaps_detected").toString());
        assertEquals(2, gaps.size(), gaps.toString());
        assertEquals(125, gaps.get(0).get("bars").asInt());
        assertEquals(ny("2024-12-20T15:50").toString(), gaps.get(0).get("from").asText());
        assertEquals(6, gaps.get(1).get("bars").asInt());
    }

    // ---- cleanup --------------------------------------------------------------------------------------------

    /** A regular (78-bar) session {@code daysAgo} calendar days before {@link #NOW} (New York). */
    private static LocalDate regularSession(String date, int daysAgo) {
        LocalDate d = date(date);
        assertEquals(SessionKind.REGULAR, CliTestSupport.session(d).kind(), date);
        assertEquals(daysAgo, d.until(NOW.atZone(Session.NEW_YORK).toLocalDate(), ChronoUnit.DAYS), date);
        return d;
    }

    @Test
    void cleanupRemovesBarsOlderThanThreeYearsByDefaultAndKeepsRecentOnes() {
        LocalDate old = regularSession("2022-03-01", 1189);
        LocalDate recent = regularSession("2025-02-24", 98);
        String text = csv(rows(old, recent)).replaceFirst("\n" + old + "T12:00:00,[^\n]*\n",
                "\n" + old + "T12:00:00,0,0,0,0,0,0,\n");
        runOn(db(), "import", write(dir.resolve("span.csv"), text).toString(), "--symbol", "OLD").ok();
        assertEquals(155, queryLong(db(), "SELECT count(*) FROM bars_5m"));
        assertEquals(1, queryLong(db(), "SELECT count(*) FROM empty_bars"));

        Result refused = runOn(db(), "cleanup");
        assertEquals(2, refused.code(), "not on a terminal and no --yes: " + refused);
        assertTrue(refused.out().contains(": 77 bars and 1 no-trade bars of 1 symbol (OLD)"), refused.out());
        assertEquals(155, queryLong(db(), "SELECT count(*) FROM bars_5m"), "nothing removed");
        Result dry = runOn(db(), "cleanup", "--dry-run").ok();
        assertTrue(dry.out().endsWith("dry run: nothing removed\n"), dry.out());
        assertEquals(155, queryLong(db(), "SELECT count(*) FROM bars_5m"), "a dry run only prints");

        List<String> lines = runOn(db(), "cleanup", "--yes").ok().outLines();
        assertEquals("removed 77 bars before 2022-06-03", lines.get(lines.size() - 1), "1095 days before 2025-06-02");

        long recentOpen = CliTestSupport.session(recent).open().getEpochSecond();
        assertEquals(78, queryLong(db(), "SELECT count(*) FROM bars_5m"));
        assertEquals(recentOpen, queryLong(db(), "SELECT min(ts) FROM bars_5m"));
        assertEquals(0, queryLong(db(), "SELECT count(*) FROM empty_bars"));
        assertEquals(1, queryLong(db(), "SELECT count(*) FROM session_coverage"), "the old ledger row is gone");
        List<String> exported = runOn(db(), "export", "OLD").ok().outLines();
        assertEquals(79, exported.size());
        assertTrue(exported.get(1).startsWith(recent + "T09:30:00,"), exported.get(1));

        // the freshness row follows: the oldest bar is now the recent session's first
        assertEquals(recentOpen, queryLong(db(), "SELECT oldest_bar FROM symbol_freshness WHERE symbol = 'OLD'"));
        assertEquals(78, queryLong(db(), "SELECT bar_count FROM symbol_freshness WHERE symbol = 'OLD'"));
    }

    @Test
    void cleanupWithRetainDaysKeepsThatManyDays() {
        LocalDate recent = regularSession("2025-02-24", 98);
        LocalDate newer = regularSession("2025-05-22", 11);
        runOn(db(), "import", write(dir.resolve("span.csv"), csv(rows(recent, newer))).toString(), "--symbol",
                "KEEP").ok();
        assertTrue(runOn(db(), "cleanup", "--retain-days", "1095").ok().out().contains("removed 0 bars before 2022-06-03"));
        assertTrue(runOn(db(), "cleanup", "--retain-days", "50", "--yes").ok().out()
                .contains("removed 78 bars before 2025-04-13"));
        assertEquals(CliTestSupport.session(newer).open().getEpochSecond(),
                queryLong(db(), "SELECT min(ts) FROM bars_5m"));
        assertEquals(78, queryLong(db(), "SELECT count(*) FROM bars_5m"));
    }

    @Test
    void cleanupRefusesAWindowBelowOneDay() {
        assertEquals("error: --retain-days must be at least 1, got 0",
                runOn(db(), "cleanup", "--retain-days", "0", "--yes").usageError().strip());
        assertTrue(runOn(db(), "cleanup", "--retain-days", "many").usageError().contains("many"));
    }

    @Test
    void freshnessOfAnEmptyDatabaseIsAnEmptyList() {
        assertEquals(0, runOn(db(), "freshness", "--json").ok().json().size());
        assertEquals(List.of("symbol  oldest bar  newest bar  bars  no-trade  missing  expected  coverage  gaps  last checked"),
                runOn(db(), "freshness").ok().outLines(), "the header alone");
    }
}
