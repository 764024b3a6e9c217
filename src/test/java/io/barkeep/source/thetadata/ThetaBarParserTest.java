package io.barkeep.source.thetadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Session;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceAnswer.UnreadableRow;
import io.barkeep.source.SourceException;
import io.barkeep.source.SourceException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThetaBarParserTest {
    private static final String HEADER = "timestamp,open,high,low,close,volume,count,vwap\r\n";

    private final ThetaBarParser parser = new ThetaBarParser();

    @Test
    void readsTheVendorsCsvSampleExactly() throws Exception {
        SourceAnswer answer = parser.parse(sample("v3_ohlc_aapl_20240102_1m.csv"), ThetaFormat.CSV);

        assertEquals(5, answer.bars().size());
        assertEquals(new Bar(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_878_300, 3_256_708, 37_886,
                1_872_500), answer.bars().get(0));
        assertEquals(1_882_984, answer.bars().get(2).close());
        assertEquals(ny("2024-01-02T09:34"), answer.bars().get(4).start());
        assertEquals(0, answer.roundedPrices());
        assertTrue(answer.empties().isEmpty());
        assertTrue(answer.unreadable().isEmpty());
        assertFalse(answer.noData());
    }

    @Test
    void readsTheVendorsJsonSampleAsTheSameBarsAsItsCsv() throws Exception {
        SourceAnswer csv = parser.parse(sample("v3_ohlc_aapl_20240102_1m.csv"), ThetaFormat.CSV);
        SourceAnswer json = parser.parse(sample("v3_ohlc_aapl_20240102_1m.json"), ThetaFormat.JSON);

        assertEquals(csv, json);
    }

    @Test
    void readsTheVendorsNdjsonSampleAcrossItsBlankLine() throws Exception {
        SourceAnswer csv = parser.parse(sample("v3_ohlc_aapl_20240102_1m.csv"), ThetaFormat.CSV);
        SourceAnswer ndjson = parser.parse(sample("v3_ohlc_aapl_20240102_1m.ndjson"), ThetaFormat.NDJSON);

        assertEquals(csv.bars().subList(0, 2), ndjson.bars());
    }

    @Test
    void readsColumnarJsonAsTheSameBarsAsRows() throws Exception {
        String columns = "{\"timestamp\":[\"2024-01-02T09:30:00\",\"2024-01-02T09:35:00.000\"],"
                + "\"open\":[187.15,187.83],\"high\":[188.05,188.12],\"low\":[186.35,187.63],"
                + "\"close\":[187.83,187.765],\"volume\":[3256708,809707],\"count\":[37886,7481],"
                + "\"vwap\":[187.25,187.38]}";
        String rows = "{\"response\":[{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":187.15,\"high\":188.05,"
                + "\"low\":186.35,\"close\":187.83,\"volume\":3256708,\"count\":37886,\"vwap\":187.25},"
                + "{\"timestamp\":\"2024-01-02T09:35:00\",\"open\":187.83,\"high\":188.12,\"low\":187.63,"
                + "\"close\":187.765,\"volume\":809707,\"count\":7481,\"vwap\":187.38}]}";

        SourceAnswer fromColumns = parser.parse(columns, ThetaFormat.JSON);

        assertEquals(2, fromColumns.bars().size());
        assertEquals(parser.parse(rows, ThetaFormat.JSON), fromColumns);
    }

    @Test
    void readsZeroToThreeFractionDigitsAsTheSameNewYorkWallClock() throws Exception {
        String body = HEADER
                + "2024-07-01T09:30:00,10,11,9,10,100,5,10\r\n"
                + "2024-07-01T09:35:00.0,10,11,9,10,100,5,10\r\n"
                + "2024-07-01T09:40:00.00,10,11,9,10,100,5,10\r\n"
                + "2024-07-01T09:45:00.000,10,11,9,10,100,5,10\r\n";

        List<Instant> starts = parser.parse(body, ThetaFormat.CSV).bars().stream().map(Bar::start).toList();

        // July: New York is UTC-4
        assertEquals(List.of(Instant.parse("2024-07-01T13:30:00Z"), Instant.parse("2024-07-01T13:35:00Z"),
                Instant.parse("2024-07-01T13:40:00Z"), Instant.parse("2024-07-01T13:45:00Z")), starts);
    }

    @Test
    void roundsPricesWithManyDecimalsHalfEvenAndCountsEachRounding() throws Exception {
        String body = HEADER
                + "2024-01-02T09:30:00,316.482312,316.50005,316.00015,316.4,1000,10,316.4400001\r\n"
                + "2024-01-02T09:35:00,316.4,316.5,316.3,316.45,1000,10,316.44\r\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        Bar first = answer.bars().get(0);
        assertEquals(3_164_823, first.open());
        assertEquals(3_165_000, first.high(), "316.50005 rounds half to even, down");
        assertEquals(3_160_002, first.low(), "316.00015 rounds half to even, up");
        assertEquals(3_164_400, first.vwap());
        assertEquals(4, answer.roundedPrices());
    }

    @Test
    void toleratesCrlfBlankLinesAnyColumnOrderAndExtraColumns() throws Exception {
        String body = "\r\nVWAP,Count,timestamp,venue,close,low,high,open,volume\r\n\r\n"
                + "187.25,37886,2024-01-02T09:30:00,nqb,187.83,186.35,188.05,187.15,3256708\r\n"
                + "\r\n\r\n"
                + "187.38,7481,2024-01-02T09:35:00,nqb,187.765,187.63,188.12,187.83,809707\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        assertEquals(2, answer.bars().size());
        assertEquals(new Bar(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_878_300, 3_256_708, 37_886,
                1_872_500), answer.bars().get(0));
        assertTrue(answer.unreadable().isEmpty());
    }

    @Test
    void noTradeRowsBecomeEmptyBarsWithTheirVwapNeverPrices() throws Exception {
        String body = HEADER
                + "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708,37886,187.25\r\n"
                + "2024-01-02T09:35:00,0,0,0,0,0,0,187.25\r\n"
                + "2024-01-02T09:40:00,0.0,0.0,0.0,0.0,0,0,187.250001\r\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        assertEquals(1, answer.bars().size());
        assertEquals(List.of(new EmptyBar(ny("2024-01-02T09:35"), 1_872_500),
                new EmptyBar(ny("2024-01-02T09:40"), 1_872_500)), answer.empties());
        assertEquals(1, answer.roundedPrices(), "only the vwap of a no-trade row is kept, so only it counts");
    }

    @Test
    void noTradeRowInNdjsonBecomesAnEmptyBar() throws Exception {
        String body = "{\"timestamp\":\"2024-01-02T09:35:00\",\"open\":0,\"high\":0,\"low\":0,\"close\":0,"
                + "\"volume\":0,\"count\":0,\"vwap\":187.25}\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.NDJSON);

        assertEquals(List.of(new EmptyBar(ny("2024-01-02T09:35"), 1_872_500)), answer.empties());
        assertTrue(answer.bars().isEmpty());
    }

    @Test
    void dropsTheRowStampedAtTheCloseEvenWithTrades() throws Exception {
        String body = HEADER
                + "2024-01-02T15:55:00,185.5,185.9,185.4,185.64,900000,9000,186.1\r\n"
                + "2024-01-02T16:00:00,185.64,185.64,185.64,185.64,1200000,1,186.1\r\n"
                + "2024-01-02T16:00:00.000,0,0,0,0,0,0,186.1\r\n"
                + "2024-01-02T16:05:00,0,0,0,0,0,0,186.1\r\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        assertEquals(List.of(ny("2024-01-02T15:55")), answer.bars().stream().map(Bar::start).toList());
        assertTrue(answer.empties().isEmpty());
        assertTrue(answer.unreadable().isEmpty());
    }

    @Test
    void keepsUnreadableRowsWithTheirTextAndReasonAndReadsTheRest() throws Exception {
        String bad = "2024-01-02T09:35:00,abc,188.12,187.63,187.765,809707,7481,187.38";
        String body = HEADER
                + "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708,37886,187.25\r\n"
                + bad + "\r\n"
                + "2024-01-02T09:4:00,187.77,188.44,187.73,188.2984,687086,7103,187.48\r\n"
                + "2024-01-02T09:45:00,187.77,188.44\r\n"
                + "2024-01-02T09:50:00,0,0,0,0,15,0,187.5\r\n"
                + "2024-01-02T09:55:00,188.15,188.15,187.67,187.73,415948,5942,187.55\r\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        assertEquals(2, answer.bars().size());
        assertEquals(new UnreadableRow(bad, "bad open 'abc'"), answer.unreadable().get(0));
        assertEquals(List.of("bad open 'abc'", "bad timestamp '2024-01-02T09:4:00'", "expected 8 fields, got 3",
                "count 0 with volume 15"), answer.unreadable().stream().map(UnreadableRow::reason).toList());
    }

    @Test
    void aQuotedCommaInAVendorFieldKeepsTheRowWhole() throws Exception {
        String body = "timestamp,open,high,low,close,volume,count,vwap,exchange\r\n"
                + "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708,37886,187.25,\"NYSE, Arca\"\r\n";

        SourceAnswer answer = parser.parse(body, ThetaFormat.CSV);

        assertEquals(1, answer.bars().size());
        assertEquals(List.of(), answer.unreadable());
    }

    @Test
    void overlongAndNonAsciiNumbersAreRefusedInEveryFormatWithTheImportsReasons() throws Exception {
        String megabyte = "1".repeat(1_000_000);
        String csv = HEADER
                + "2024-01-02T09:30:00," + megabyte + ",188.05,186.35,187.83,3256708,37886,187.25\r\n"
                + "2024-01-02T09:35:00,\uFF11\uFF18\uFF17,188.05,186.35,187.83,3256708,37886,187.25\r\n"
                + "2024-01-02T09:40:00,187.15,188.05,186.35,187.83,3256708,37886,187.25\r\n";
        String json = "{\"response\":[{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":\"" + megabyte + "\","
                + "\"high\":188.05,\"low\":186.35,\"close\":187.83,\"volume\":3256708},"
                + "{\"timestamp\":\"2024-01-02T09:35:00\",\"open\":\"\uFF11\uFF18\uFF17\",\"high\":188.05,"
                + "\"low\":186.35,\"close\":187.83,\"volume\":3256708}]}";

        for (SourceAnswer answer : List.of(parser.parse(csv, ThetaFormat.CSV), parser.parse(json, ThetaFormat.JSON))) {
            List<String> reasons = answer.unreadable().stream().map(UnreadableRow::reason).toList();
            assertEquals(2, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("open too long (1000000 characters"), reasons.get(0));
            assertTrue(reasons.get(1).startsWith("bad open '\uFF11\uFF18\uFF17': non-ASCII character U+FF11"),
                    reasons.get(1));
            assertTrue(answer.unreadable().get(0).raw().length() < 1_100, "the kept text is cut");
        }
    }

    @Test
    void aJsonNumberWithAHugeExponentIsOutOfRangeNotWrittenOut() throws Exception {
        String body = "{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":1e999999999,\"high\":188.05,"
                + "\"low\":186.35,\"close\":187.83,\"volume\":3256708}";

        SourceAnswer answer = parser.parse(body, ThetaFormat.NDJSON);

        assertEquals(List.of("open out of range '1E+999999999'"),
                answer.unreadable().stream().map(UnreadableRow::reason).toList());
    }

    @Test
    void ofAnAnswerOfManyUnreadableRowsTheFirstThousandAreKeptAndTheRestCounted() throws Exception {
        StringBuilder body = new StringBuilder(HEADER);
        for (int i = 0; i < 3_000; i++) {
            body.append("2024-01-02T09:30:00,abc,188.05,186.35,187.83,3256708,37886,187.25\r\n");
        }
        body.append("2024-01-02T09:40:00,187.15,188.05,186.35,187.83,3256708,37886,187.25\r\n");

        SourceAnswer answer = parser.parse(body.toString(), ThetaFormat.CSV);

        assertEquals(1_000, answer.unreadable().size());
        assertEquals(2_000, answer.unreadableNotKept());
        assertEquals(1, answer.bars().size());
    }

    @Test
    void keepsAnUnreadableJsonRowAsItsJsonText() throws Exception {
        String body = "{\"response\":[{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":187.15,\"high\":188.05,"
                + "\"low\":186.35,\"close\":187.83,\"volume\":3256708,\"count\":37886,\"vwap\":187.25},"
                + "{\"timestamp\":\"2024-01-02T09:35:00\",\"high\":1}]}";

        SourceAnswer answer = parser.parse(body, ThetaFormat.JSON);

        assertEquals(1, answer.bars().size());
        assertEquals(List.of(new UnreadableRow("{\"timestamp\":\"2024-01-02T09:35:00\",\"high\":1}", "missing volume")),
                answer.unreadable());
    }

    @Test
    void readsPricesSentAsJsonStrings() throws Exception {
        String body = "{\"timestamp\":\"2024-01-02T09:30:00\",\"open\":\"187.15\",\"high\":\"188.05\","
                + "\"low\":\"186.35\",\"close\":\"187.83\",\"volume\":\"3256708\",\"count\":37886,\"vwap\":187.25}";

        assertEquals(1_871_500, parser.parse(body, ThetaFormat.NDJSON).bars().get(0).open());
    }

    @Test
    void aCsvWhoseLastLineHasTooFewFieldsWasCutAndIsRetryable() {
        String body = HEADER + "2024-01-02T09:30:00,187.15,188.05,186.35,187.83,3256708,37886,187.25\r\n"
                + "2024-01-02T09:35:00,187.83,188.1";

        SourceException e = assertThrows(SourceException.class, () -> parser.parse(body, ThetaFormat.CSV));

        assertEquals(Kind.RETRYABLE, e.kind());
        assertTrue(e.getMessage().contains("cut"), e.getMessage());
    }

    @Test
    void aJsonBodyCutAtAnyPointIsRetryableNeverHalfAnAnswer() throws Exception {
        String whole = sample("v3_ohlc_aapl_20240102_1m.json").stripTrailing();
        for (int end = 1; end < whole.length(); end++) {
            String body = whole.substring(0, end);
            SourceException e = assertThrows(SourceException.class, () -> parser.parse(body, ThetaFormat.JSON),
                    () -> "cut at " + body.length());
            assertEquals(Kind.RETRYABLE, e.kind(), "cut at " + end + ": " + e.getMessage());
        }
    }

    @Test
    void columnarJsonCutAtAnyPointIsRetryable() throws Exception {
        String whole = "{\"timestamp\":[\"2024-01-02T09:30:00\"],\"open\":[187.15],\"high\":[188.05],"
                + "\"low\":[186.35],\"close\":[187.83],\"volume\":[3256708],\"count\":[37886],\"vwap\":[187.25]}";
        for (int end = 1; end < whole.length(); end++) {
            String body = whole.substring(0, end);
            SourceException e = assertThrows(SourceException.class, () -> parser.parse(body, ThetaFormat.JSON));
            assertEquals(Kind.RETRYABLE, e.kind(), "cut at " + end);
        }
    }

    @Test
    void anNdjsonBodyWhoseLastLineIsCutIsRetryable() throws Exception {
        String whole = sample("v3_ohlc_aapl_20240102_1m.ndjson");
        String body = whole.substring(0, whole.length() - 10);

        SourceException e = assertThrows(SourceException.class, () -> parser.parse(body, ThetaFormat.NDJSON));

        assertEquals(Kind.RETRYABLE, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "NDJSON", "JSON"})
    void anEmptyBodyIsRetryable(ThetaFormat format) {
        SourceException e = assertThrows(SourceException.class, () -> parser.parse("\r\n", format));

        assertEquals(Kind.RETRYABLE, e.kind());
    }

    @Test
    void aCsvHeaderWithoutThePriceColumnsFailsTheRequest() {
        String body = "time,price,size\r\n2024-01-02T09:30:00,187.15,100\r\n";

        SourceException e = assertThrows(SourceException.class, () -> parser.parse(body, ThetaFormat.CSV));

        assertEquals(Kind.REQUEST_FAILED, e.kind());
        assertTrue(e.getMessage().contains("timestamp, open, high, low, close, volume"), e.getMessage());
    }

    @Test
    void jsonOfAnotherShapeFailsTheRequest() {
        SourceException e = assertThrows(SourceException.class,
                () -> parser.parse("{\"header\":{\"error_type\":\"null\"},\"rows\":[]}", ThetaFormat.JSON));

        assertEquals(Kind.REQUEST_FAILED, e.kind());
    }

    @Test
    void anAnswerWithNoRowsIsEmptyButNotNoData() throws Exception {
        SourceAnswer answer = parser.parse("{\"response\":[]}", ThetaFormat.JSON);

        assertTrue(answer.bars().isEmpty());
        assertFalse(answer.noData());
    }

    @Test
    void readsV2ValueListsNamedByTheHeaderFormatAsTheSameBarsAsV2Csv() throws Exception {
        String json = "{\"header\":{\"format\":[\"ms_of_day\",\"open\",\"high\",\"low\",\"close\",\"volume\","
                + "\"count\",\"date\"]},\"response\":[[34200000,187.15,188.05,186.35,187.12345,3256708,37886,20240102],"
                + "[34500000,0,0,0,0,0,0,20240102],[57600000,187.9,187.9,187.9,187.9,100,1,20240102]]}";
        String csv = "ms_of_day,open,high,low,close,volume,count,date\r\n"
                + "34200000,187.15,188.05,186.35,187.12345,3256708,37886,20240102\r\n"
                + "34500000,0,0,0,0,0,0,20240102\r\n"
                + "57600000,187.9,187.9,187.9,187.9,100,1,20240102\r\n";
        ThetaRows fromJson = new ThetaRows();
        ThetaRows fromCsv = new ThetaRows();

        ThetaBarParser.readJson(new ObjectMapper().readTree(json), fromJson);
        ThetaBarParser.readCsv(csv, fromCsv);

        SourceAnswer answer = fromJson.answer();
        assertEquals(List.of(new Bar(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_871_234, 3_256_708,
                37_886, Bar.UNKNOWN)), answer.bars());
        assertEquals(List.of(new EmptyBar(ny("2024-01-02T09:35"), Bar.UNKNOWN)), answer.empties());
        assertEquals(1, answer.roundedPrices());
        assertEquals(answer, fromCsv.answer());
    }

    @Test
    void aV2RowWithoutItsDateOrWithAnImpossibleTimeIsUnreadable() throws Exception {
        String csv = "ms_of_day,open,high,low,close,volume,count,date\r\n"
                + "86400000,1,1,1,1,1,1,20240102\r\n"
                + "34200000,1,1,1,1,1,1,\r\n"
                + "34200000,1,1,1,1,1,1,2024-01-02\r\n";
        ThetaRows rows = new ThetaRows();

        ThetaBarParser.readCsv(csv, rows);

        assertEquals(List.of("ms_of_day out of range '86400000'", "missing date", "bad date '2024-01-02'"),
                rows.answer().unreadable().stream().map(UnreadableRow::reason).toList());
    }

    @Test
    void valueListsWithoutAHeaderNamingTheirColumnsFailTheRequest() {
        SourceException e = assertThrows(SourceException.class, () -> ThetaBarParser.readJson(
                new ObjectMapper().readTree("{\"response\":[[34200000,1,1,1,1,1,1,20240102]]}"), new ThetaRows()));

        assertEquals(Kind.REQUEST_FAILED, e.kind());
    }

    @Test
    void onlyTextWithAHeaderNamingATimeColumnIsCsv() {
        assertTrue(ThetaBarParser.isCsv("\r\nms_of_day,open,high,low,close,volume,count,date\r\n"));
        assertTrue(ThetaBarParser.isCsv("\uFEFFTimestamp,Open"));
        assertFalse(ThetaBarParser.isCsv("No data for the specified timeframe & contract."));
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = ThetaBarParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(Session.NEW_YORK).toInstant();
    }
}
