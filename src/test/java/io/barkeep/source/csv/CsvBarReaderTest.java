package io.barkeep.source.csv;

import static io.barkeep.domain.TestCalendars.ny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TestCalendars;
import io.barkeep.domain.TradingCalendar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderTest {
    private static final String HEADER = "timestamp,open,high,low,close,volume,count,vwap";
    private static final String GOOD_0930 = "2024-01-02T09:30:00,187.1500,188.05,186.35,187.83,3256708,37886,187.25";
    private static final Bar BAR_0930 =
            new Bar(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_878_300, 3_256_708, 37_886, 1_872_500);

    private final CsvBarReader reader = new CsvBarReader(TestCalendars.year2024());

    private CsvReadResult read(String... lines) throws IOException {
        return reader.read(new StringReader(String.join("\n", lines)));
    }

    /** The single rejected row of {@code result}, asserting there is exactly one. */
    private static RejectedRow onlyRejected(CsvReadResult result) {
        assertEquals(1, result.rejected().size(), () -> "rejected: " + result.rejected());
        return result.rejected().get(0);
    }

    private void assertRejected(String row, String reason) throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930, row);
        assertEquals(new RejectedRow(3, row, reason), onlyRejected(result));
        assertEquals(List.of(BAR_0930), result.bars(), "the good row is kept");
    }

    @Test
    void readsAGoodRowIntoExactTicks() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930);
        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(List.of(), result.rejected());
        assertEquals(List.of(), result.emptyBars());
        assertEquals(0, result.roundedPrices());
    }

    @Test
    void findsColumnsByNameInAnyOrderAndAnyCase() throws IOException {
        CsvReadResult result = read("VWAP, Volume ,CLOSE,low,High,open,Count,TimeStamp",
                "187.25,3256708,187.83,186.35,188.05,187.15,37886,2024-01-02T09:30:00");
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void ignoresColumnsItDoesNotKnow() throws IOException {
        CsvReadResult result = read("symbol," + HEADER + ",note", "AAPL," + GOOD_0930 + ",hello");
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void acceptsQuotedFields() throws IOException {
        CsvReadResult result = read("\"timestamp\",\"open\",\"high\",\"low\",\"close\",\"volume\"",
                "\"2024-01-02T09:30:00\",\"1.5\",\"2\",\"1\",\"1.5\",\"7\"");
        assertEquals(List.of(Bar.of(ny("2024-01-02T09:30"), 15_000, 20_000, 10_000, 15_000, 7)), result.bars());
    }

    @Test
    void withoutCountAndVwapColumnsBothAreUnknown() throws IOException {
        CsvReadResult result = read("timestamp,open,high,low,close,volume",
                "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708");
        assertEquals(List.of(Bar.of(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_878_300,
                3_256_708)), result.bars());
    }

    @Test
    void emptyCountAndVwapFieldsAreUnknown() throws IOException {
        CsvReadResult result = read(HEADER, "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708,,");
        assertEquals(Bar.UNKNOWN, result.bars().get(0).trades());
        assertEquals(Bar.UNKNOWN, result.bars().get(0).vwap());
    }

    @Test
    void toleratesCrlfBlankLinesAndCountsThemInLineNumbers() throws IOException {
        String text = HEADER + "\r\n\r\n" + GOOD_0930 + "\r\n   \r\n"
                + "2024-01-02T09:35:00,2,1,1,1,5,1,\r\n\r\n";
        CsvReadResult result = reader.read(new StringReader(text));
        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(new RejectedRow(5, "2024-01-02T09:35:00,2,1,1,1,5,1,", "open outside high-low"),
                onlyRejected(result));
    }

    @Test
    void toleratesAByteOrderMarkBeforeTheHeader() throws IOException {
        CsvReadResult result = read("\uFEFF" + HEADER, GOOD_0930);
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void toleratesBlankLinesBeforeTheHeader() throws IOException {
        CsvReadResult result = read("", HEADER, "2024-01-02T09:31:00,1,1,1,1,1,1,1");
        assertEquals(3, onlyRejected(result).lineNumber());
    }

    @Test
    void readsNewYorkLocalTimestampsInEveryAcceptedSpelling() throws IOException {
        CsvReadResult result = read(HEADER,
                "2024-01-02T09:30:00,1,1,1,1,1,1,1",
                "2024-01-02 09:35:00,1,1,1,1,1,1,1",
                "2024-01-02T09:40,1,1,1,1,1,1,1",
                "2024-01-02 09:45,1,1,1,1,1,1,1",
                "2024-01-02T09:50:00.000,1,1,1,1,1,1,1");
        assertEquals(List.of(), result.rejected());
        assertEquals(List.of(ny("2024-01-02T09:30"), ny("2024-01-02T09:35"), ny("2024-01-02T09:40"),
                ny("2024-01-02T09:45"), ny("2024-01-02T09:50")), starts(result.bars()));
    }

    @Test
    void readsTimestampsWithAnOffsetOrZ() throws IOException {
        CsvReadResult result = read(HEADER,
                "2024-01-02T14:30:00Z,1,1,1,1,1,1,1",
                "2024-01-02T09:35:00-05:00,1,1,1,1,1,1,1",
                "2024-01-02 14:40:00+00:00,1,1,1,1,1,1,1",
                "2024-07-03T13:30:00Z,1,1,1,1,1,1,1",
                "2024-07-03T09:35-04:00,1,1,1,1,1,1,1");
        assertEquals(List.of(), result.rejected());
        assertEquals(List.of(ny("2024-01-02T09:30"), ny("2024-01-02T09:35"), ny("2024-01-02T09:40"),
                ny("2024-07-03T09:30"), ny("2024-07-03T09:35")), starts(result.bars()));
    }

    @Test
    void localTimestampsFollowDaylightSavingTime() throws IOException {
        // 09:30 in July is 13:30 UTC, not 14:30
        CsvReadResult result = read(HEADER, "2024-07-05T09:30:00,1,1,1,1,1,1,1");
        assertEquals(Instant.parse("2024-07-05T13:30:00Z"), result.bars().get(0).start());
    }

    @Test
    void roundsPricesHalfEvenToFourDecimalsAndCountsThem() throws IOException {
        CsvReadResult result = read(HEADER,
                // open and close are exact; high, low and vwap need rounding
                "2024-01-02T09:30:00,187.1500,188.05015,186.35005,187.8300,100,1,187.482312",
                // an exact price written with many zeros is not rounded
                "2024-01-02T09:35:00,187.150000000,187.15,187.15,187.15,100,1,187.15");
        Bar first = result.bars().get(0);
        assertEquals(1_880_502, first.high(), "half-even: ...15 -> ...2");
        assertEquals(1_863_500, first.low(), "half-even: ...05 -> ...0");
        assertEquals(1_874_823, first.vwap());
        assertEquals(3, result.roundedPrices());
    }

    @Test
    void roundingIsCountedOnlyForKeptRows() throws IOException {
        CsvReadResult result = read(HEADER, "2024-01-02T09:30:00,1.00001,0.5,1,1,1,1,1");
        assertEquals("high < low", onlyRejected(result).reason());
        assertEquals(0, result.roundedPrices());
    }

    @Test
    void judgesPricesAfterRounding() throws IOException {
        // the open is a hair above the high as written but equal once stored
        CsvReadResult result = read(HEADER, "2024-01-02T09:30:00,10.00004,10,9,10,1,1,");
        assertEquals(List.of(), result.rejected());
        assertEquals(100_000, result.bars().get(0).open());
    }

    @Test
    void returnsCountZeroRowsAsEmptyBarsNotBars() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930,
                "2024-01-02T09:35:00,0,0,0,0,0,0,187.25",
                "2024-01-02T09:40:00,0.0,0.0,0.0,0.0,0,0,",
                "2024-01-02T09:45:00,0,0,0,0,0,0,187.123456");
        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(List.of(new EmptyBar(ny("2024-01-02T09:35"), 1_872_500),
                new EmptyBar(ny("2024-01-02T09:40"), Bar.UNKNOWN),
                new EmptyBar(ny("2024-01-02T09:45"), 1_871_235)), result.emptyBars());
        assertEquals(1, result.roundedPrices(), "an empty bar's vwap is kept, so its rounding counts");
        assertEquals(List.of(), result.rejected());
    }

    @Test
    void rejectsAnEmptyBarWithVolume() throws IOException {
        assertRejected("2024-01-02T09:35:00,0,0,0,0,10,0,", "count 0 with volume");
    }

    @Test
    void rejectsAnEmptyBarOutsideTheSession() throws IOException {
        // the vendor's inclusive end time adds an (empty) 16:00 bar that is not part of the session
        assertRejected("2024-01-02T16:00:00,0,0,0,0,0,0,187.25", "outside the session");
    }

    @Test
    void rejectsHighBelowLow() throws IOException {
        assertRejected("2024-01-02T09:35:00,10,9,11,10,1,1,10", "high < low");
    }

    @Test
    void rejectsOpenOutsideHighLow() throws IOException {
        assertRejected("2024-01-02T09:35:00,12,11,9,10,1,1,10", "open outside high-low");
    }

    @Test
    void rejectsCloseOutsideHighLow() throws IOException {
        assertRejected("2024-01-02T09:35:00,10,11,9,8.9999,1,1,10", "close outside high-low");
    }

    @Test
    void rejectsNegativeVolume() throws IOException {
        assertRejected("2024-01-02T09:35:00,10,11,9,10,-1,1,10", "negative volume");
    }

    @Test
    void rejectsNonPositivePriceWithVolume() throws IOException {
        assertRejected("2024-01-02T09:35:00,0,0,0,0,100,1,10", "non-positive price with volume");
        assertRejected("2024-01-02T09:35:00,1,1,-1,1,100,1,10", "non-positive price with volume");
    }

    @Test
    void rejectsZeroPricesWithoutVolumeWhenNoCountSaysTheBarIsEmpty() throws IOException {
        assertRejected("2024-01-02T09:35:00,0,0,0,0,0,,", "non-positive price");
    }

    @Test
    void rejectsATimestampOffTheFiveMinuteGrid() throws IOException {
        assertRejected("2024-01-02T09:36:00,10,11,9,10,1,1,10", "off the 5-minute grid");
        assertRejected("2024-01-02T09:35:30,10,11,9,10,1,1,10", "off the 5-minute grid");
        assertRejected("2024-01-02T09:35:00.500,10,11,9,10,1,1,10", "off the 5-minute grid");
    }

    @Test
    void rejectsTimestampsOutsideTheSession() throws IOException {
        assertRejected("2024-01-02T09:25:00,10,11,9,10,1,1,10", "outside the session");
        assertRejected("2024-01-02T16:00:00,10,11,9,10,1,1,10", "outside the session");
        assertRejected("2024-07-03T13:00:00,10,11,9,10,1,1,10", "outside the session");
        assertRejected("2024-01-06T10:00:00,10,11,9,10,1,1,10", "outside the session");
        assertRejected("2024-01-01T10:00:00,10,11,9,10,1,1,10", "outside the session");
    }

    @Test
    void rejectsDatesTheCalendarDoesNotCover() throws IOException {
        assertRejected("2023-12-29T10:00:00,10,11,9,10,1,1,10", "date not covered by the calendar");
    }

    @Test
    void rejectsUnparsableFieldsNamingTheFieldAndValue() throws IOException {
        assertRejected("2024-01-02T09:35:00,abc,11,9,10,1,1,10", "bad open 'abc'");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1,1,NaN", "bad vwap 'NaN'");
        assertRejected("2024-01-02T09:35:00,10,,9,10,1,1,10", "missing high");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1.5,1,10", "volume not a whole number '1.5'");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,99999999999999999999,1,10",
                "volume out of range '99999999999999999999'");
        assertRejected("2024-01-02T09:35:00,1e999999999,11,9,10,1,1,10", "open out of range '1e999999999'");
        assertRejected("2024-01-02T09:35:00,1e-999999999,11,9,10,1,1,10", "open out of range '1e-999999999'");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1,-1,10", "negative count");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1,1,-0.0001", "negative vwap");
    }

    @Test
    void acceptsAVolumeWrittenWithZeroDecimals() throws IOException {
        CsvReadResult result = read(HEADER, "2024-01-02T09:30:00,1,1,1,1,1200.0,3.00,");
        assertEquals(1200, result.bars().get(0).volume());
        assertEquals(3, result.bars().get(0).trades());
    }

    @Test
    void rejectsUnparsableTimestamps() throws IOException {
        assertRejected("2024-01-02,10,11,9,10,1,1,10", "bad timestamp '2024-01-02'");
        assertRejected("2024-02-30T09:35:00,10,11,9,10,1,1,10", "bad timestamp '2024-02-30T09:35:00'");
        assertRejected("01/02/2024 09:35,10,11,9,10,1,1,10", "bad timestamp '01/02/2024 09:35'");
        assertRejected("1704206100,10,11,9,10,1,1,10", "bad timestamp '1704206100'");
        assertRejected(",10,11,9,10,1,1,10", "missing timestamp");
    }

    @Test
    void rejectsAWrongNumberOfFields() throws IOException {
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1,1", "expected 8 fields, got 7");
        assertRejected("2024-01-02T09:35:00,10,11,9,10,1,1,10,", "expected 8 fields, got 9");
    }

    @Test
    void rejectsADuplicateTimestampWithDifferentValuesAndKeepsTheFirst() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930,
                "2024-01-02T09:30:00,187.1500,188.05,186.35,187.84,3256708,37886,187.25");
        assertEquals(new RejectedRow(3, "2024-01-02T09:30:00,187.1500,188.05,186.35,187.84,3256708,37886,187.25",
                "duplicate timestamp with different values than line 2"), onlyRejected(result));
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void rejectsADuplicateTimestampWrittenWithAnotherOffset() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930, "2024-01-02T14:30:00Z,1,1,1,1,1,1,1");
        assertEquals("duplicate timestamp with different values than line 2", onlyRejected(result).reason());
    }

    @Test
    void rejectsAnEmptyBarAndATradedBarAtTheSameStart() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930, "2024-01-02T09:30:00,0,0,0,0,0,0,187.25");
        assertEquals("duplicate timestamp with different values than line 2", onlyRejected(result).reason());
        assertEquals(List.of(), result.emptyBars());
    }

    @Test
    void ignoresAnExactDuplicateEvenWrittenDifferently() throws IOException {
        CsvReadResult result = read(HEADER, GOOD_0930, GOOD_0930,
                "2024-01-02 09:30,187.15,188.0500,186.35,187.83,3256708,37886,187.250");
        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(List.of(), result.rejected());
        assertEquals(2, result.duplicatesIgnored());
    }

    @Test
    void aRejectedRowDoesNotBlockALaterGoodRowAtTheSameStart() throws IOException {
        CsvReadResult result = read(HEADER, "2024-01-02T09:30:00,10,9,11,10,1,1,10", GOOD_0930);
        assertEquals(2, onlyRejected(result).lineNumber());
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void reportsEveryBadRowWithItsLineAndKeepsTheGoodOnes() throws IOException {
        CsvReadResult result = read(HEADER,
                "2024-01-02T09:40:00,1,1,1,1,1,1,1",
                "2024-01-02T09:41:00,1,1,1,1,1,1,1",
                "2024-01-02T09:30:00,1,1,1,1,1,1,1",
                "",
                "2024-01-02T09:45:00,x,1,1,1,1,1,1",
                "2024-01-02T09:35:00,1,1,1,1,1,1,1");
        assertEquals(List.of(new RejectedRow(3, "2024-01-02T09:41:00,1,1,1,1,1,1,1", "off the 5-minute grid"),
                new RejectedRow(6, "2024-01-02T09:45:00,x,1,1,1,1,1,1", "bad open 'x'")), result.rejected());
        assertEquals(List.of(ny("2024-01-02T09:30"), ny("2024-01-02T09:35"), ny("2024-01-02T09:40")),
                starts(result.bars()));
    }

    @Test
    void returnsBarsSortedByStartWhateverTheFileOrder() throws IOException {
        CsvReadResult result = read(HEADER,
                "2024-01-03T09:30:00,1,1,1,1,1,1,1",
                "2024-01-02T09:35:00,1,1,1,1,1,1,1",
                "2024-01-02T09:30:00,1,1,1,1,1,1,1");
        assertEquals(List.of(ny("2024-01-02T09:30"), ny("2024-01-02T09:35"), ny("2024-01-03T09:30")),
                starts(result.bars()));
    }

    @Test
    void aFileWithOnlyAHeaderHoldsNothing() throws IOException {
        CsvReadResult result = read(HEADER);
        assertEquals(new CsvReadResult(List.of(), List.of(), List.of(), 0, 0), result);
    }

    @Test
    void anEmptyFileIsAnErrorNamingTheExpectedHeader() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("", "  ", ""));
        assertEquals("no header: the file is empty; expected timestamp,open,high,low,close,volume[,count,session_vwap]",
                e.getMessage());
    }

    @Test
    void aHeaderLackingColumnsIsAnErrorNamingThem() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("time,open,high,low,close,vol", GOOD_0930));
        assertEquals("header on line 1 lacks columns timestamp, volume; "
                + "expected timestamp,open,high,low,close,volume[,count,session_vwap]", e.getMessage());
        CsvFormatException one = assertThrows(CsvFormatException.class,
                () -> read("timestamp,open,high,low,volume"));
        assertTrue(one.getMessage().startsWith("header on line 1 lacks column close;"), one.getMessage());
    }

    @Test
    void dataWithoutAHeaderIsAnErrorQuotingTheLineShortened() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(GOOD_0930));
        assertEquals("no header: line 1 is '2024-01-02T09:30:00,187.1500,188.05,186.35,187.83,3256708,37...'"
                + "; expected timestamp,open,high,low,close,volume[,count,session_vwap]", e.getMessage());
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnError() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("timestamp,open,high,low,close,volume,Open"));
        assertTrue(e.getMessage().startsWith("header on line 1 names column 'open' twice"), e.getMessage());
    }

    @Test
    void readsAFileAndRejectsOnlyTheRowWithUndecodableBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bars.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("\uFEFF" + HEADER + "\r\n" + GOOD_0930 + "\r\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("2024-01-02T09:35:00,1\u00e9,1,1,1,1,1,1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, bytes.toByteArray());
        CsvReadResult result = reader.read(file);
        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(3, onlyRejected(result).lineNumber());
        assertTrue(onlyRejected(result).reason().startsWith("bad open"));
    }

    @Test
    void streamsThreeYearsOfBarsWithoutHoldingTheText() throws IOException {
        TradingCalendar calendar = TestCalendars.weekdays(LocalDate.of(2022, 1, 3), 780);
        List<Session> sessions = calendar.allSessions();
        Reader generated = new GeneratedCsv(sessions);
        long before = System.nanoTime();
        CsvReadResult result = new CsvBarReader(calendar).read(generated);
        long millis = (System.nanoTime() - before) / 1_000_000;
        assertEquals(780 * 78, result.bars().size());
        assertEquals(List.of(), result.rejected());
        assertEquals(sessions.get(0).open(), result.bars().get(0).start());
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    @Test
    void aQuotedCommaInAColumnItDoesNotKnowKeepsTheRowWhole() throws IOException {
        CsvReadResult result = read(HEADER + ",note", GOOD_0930 + ",\"opened late, halted at 10:00\"");

        assertEquals(List.of(BAR_0930), result.bars());
        assertEquals(List.of(), result.rejected());
    }

    @Test
    void aStrayQuoteSpoilsItsOwnLineOnly() throws IOException {
        String unclosed = "2024-01-02T09:35:00,\"10,11,9,10,1,1,10";
        CsvReadResult result = read(HEADER, unclosed, GOOD_0930);

        assertEquals(new RejectedRow(2, unclosed, "a quote is not closed"), onlyRejected(result));
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void fullwidthAndArabicIndicDigitsAreRefusedNotStoredAsPrices() throws IOException {
        // U+FF11 U+FF18 U+FF17: "187" in fullwidth digits; U+0661 U+0668 U+0667: "187" in Arabic-Indic digits
        CsvReadResult result = read(HEADER,
                "2024-01-02T09:35:00,\uFF11\uFF18\uFF17,188,186,187,1,1,187",
                "2024-01-02T09:40:00,187,188,186,187,\u0661\u0668\u0667,1,187");

        assertEquals(List.of(), result.bars());
        assertEquals(List.of("bad open '\uFF11\uFF18\uFF17': non-ASCII character U+FF11 (only the digits 0-9 are read)",
                "bad volume '\u0661\u0668\u0667': non-ASCII character U+0661 (only the digits 0-9 are read)"),
                result.rejected().stream().map(RejectedRow::reason).toList());
    }

    @Test
    void aOneMegabyteNumberIsRefusedForItsLengthBeforeItIsParsed() throws IOException {
        String digits = "1".repeat(1_000_000);
        CsvReadResult result = read(HEADER, GOOD_0930, "2024-01-02T09:35:00," + digits + ",188,186,187,1,1,187");

        RejectedRow rejected = onlyRejected(result);
        assertTrue(rejected.reason().startsWith("open too long (1000000 characters, a number has at most 32)"),
                rejected.reason());
        assertTrue(rejected.line().endsWith("characters)"), "the quarantined text is cut and says so");
        assertTrue(rejected.line().length() < 1_100, "kept " + rejected.line().length());
        assertEquals(List.of(BAR_0930), result.bars());
    }

    @Test
    void aTenMegabyteNumberIsRefusedAsAnOverlongLineWithoutHoldingIt() throws IOException {
        String line = "2024-01-02T09:35:00," + "1".repeat(10_000_000) + ",188,186,187,1,1,187";
        CsvReadResult result = read(HEADER, line, GOOD_0930);

        RejectedRow rejected = onlyRejected(result);
        assertEquals(2, rejected.lineNumber());
        assertEquals("line too long (" + line.length() + " characters; a row has at most 1048576)",
                rejected.reason());
        assertTrue(rejected.line().length() < 1_100, "kept " + rejected.line().length());
        assertEquals(List.of(BAR_0930), result.bars(), "the line after it is read");
    }

    @Test
    void ofManyBadRowsTheFirstThousandAreKeptAndTheRestCounted() throws IOException {
        CsvReadResult result = reader.read(new RepeatedRows(HEADER + "\n" + GOOD_0930 + "\n",
                "2024-01-02T09:35:00,abc,1,1,1,1,1,1\n", 5_000));

        assertEquals(1_000, result.rejected().size());
        assertEquals(4_000, result.rejectedNotKept());
        assertEquals(5_000, result.rejectedTotal());
        assertEquals(3, result.rejected().get(0).lineNumber());
        assertEquals(1_002, result.rejected().get(999).lineNumber());
        assertEquals(List.of(BAR_0930), result.bars());
    }

    /** A head, then one row repeated, made as it is read. */
    private static final class RepeatedRows extends Reader {
        private final String row;
        private String pending;
        private int left;
        private int pos;

        RepeatedRows(String head, String row, int times) {
            this.pending = head;
            this.row = row;
            this.left = times;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos == pending.length()) {
                if (left == 0) {
                    return -1;
                }
                left--;
                pending = row;
                pos = 0;
            }
            int n = Math.min(length, pending.length() - pos);
            pending.getChars(pos, pos + n, buffer, offset);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static List<Instant> starts(List<Bar> bars) {
        return bars.stream().map(Bar::start).toList();
    }

    /** CSV text made row by row as it is read, so the whole file never exists in memory. */
    private static final class GeneratedCsv extends Reader {
        private final List<Session> sessions;
        private int session;
        private int bar;
        private String pending = HEADER + "\r\n";
        private int pos;

        GeneratedCsv(List<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pos == pending.length() && !nextRow()) {
                return -1;
            }
            int n = Math.min(length, pending.length() - pos);
            pending.getChars(pos, pos + n, buffer, offset);
            pos += n;
            return n;
        }

        private boolean nextRow() {
            if (session == sessions.size()) {
                return false;
            }
            Session s = sessions.get(session);
            Instant start = s.open().plusSeconds((long) bar * Session.BAR_SECONDS);
            pending = start + ",187.15,188.05,186.35,187.83,1000,10,187.5\r\n";
            pos = 0;
            if (++bar == s.expectedBars()) {
                bar = 0;
                session++;
            }
            return true;
        }

        @Override
        public void close() {
        }
    }
}
