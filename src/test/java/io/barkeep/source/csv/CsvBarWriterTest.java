package io.barkeep.source.csv;

import static io.barkeep.domain.TestCalendars.ny;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.TestCalendars;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBarWriterTest {

    private static final List<Bar> BARS = List.of(
            new Bar(ny("2024-01-02T09:30"), 1_871_500, 1_880_500, 1_863_500, 1_878_300, 3_256_708, 37_886, 1_872_500),
            Bar.of(ny("2024-01-02T09:35"), 1_878_300, 1_881_200, 1_876_300, 1_877_650, 809_707),
            new Bar(ny("2024-07-03T12:55"), 1, 2, 1, 2, 5, 1, Bar.UNKNOWN));

    private static String write(List<Bar> bars) throws IOException {
        StringWriter out = new StringWriter();
        CsvBarWriter.write(out, bars);
        return out.toString();
    }

    @Test
    void writesNewYorkLocalTimestampsFourDigitPricesAndEmptyUnknowns() throws IOException {
        assertEquals("""
                timestamp,open,high,low,close,volume,count,session_vwap
                2024-01-02T09:30:00,187.1500,188.0500,186.3500,187.8300,3256708,37886,187.2500
                2024-01-02T09:35:00,187.8300,188.1200,187.6300,187.7650,809707,,
                2024-07-03T12:55:00,0.0001,0.0002,0.0001,0.0002,5,1,
                """, write(BARS));
    }

    @Test
    void writesOnlyTheHeaderForNoBars() throws IOException {
        assertEquals("timestamp,open,high,low,close,volume,count,session_vwap\n", write(List.of()));
    }

    @Test
    void writesAnEmptyBarAsVendorsDoWithCountZero() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvBarWriter writer = new CsvBarWriter(out)) {
            writer.write(new EmptyBar(ny("2024-01-02T09:40"), 1_872_500));
            writer.write(new EmptyBar(ny("2024-01-02T09:45"), Bar.UNKNOWN));
        }
        assertEquals("""
                timestamp,open,high,low,close,volume,count,session_vwap
                2024-01-02T09:40:00,0.0000,0.0000,0.0000,0.0000,0,0,187.2500
                2024-01-02T09:45:00,0.0000,0.0000,0.0000,0.0000,0,0,
                """, out.toString());
    }

    @Test
    void formatsTimestampsInNewYorkTimeAcrossDaylightSavingTime() {
        assertEquals("2024-01-02T09:30:00", CsvBarWriter.formatTimestamp(ny("2024-01-02T09:30")));
        assertEquals("2024-07-05T09:30:00", CsvBarWriter.formatTimestamp(ny("2024-07-05T09:30")));
    }

    @Test
    void readingWhatWasWrittenGivesTheSameBars() throws IOException {
        CsvReadResult back = new CsvBarReader(TestCalendars.year2024()).read(new StringReader(write(BARS)));
        assertEquals(BARS, back.bars());
        assertEquals(List.of(), back.rejected());
        assertEquals(0, back.roundedPrices());
    }

    @Test
    void readingWrittenEmptyBarsGivesTheSameEmptyBars() throws IOException {
        List<EmptyBar> empties = List.of(new EmptyBar(ny("2024-01-02T09:40"), 1_872_500),
                new EmptyBar(ny("2024-01-02T09:45"), Bar.UNKNOWN));
        StringWriter out = new StringWriter();
        try (CsvBarWriter writer = new CsvBarWriter(out)) {
            writer.write(BARS.get(0));
            for (EmptyBar empty : empties) {
                writer.write(empty);
            }
        }
        CsvReadResult back = new CsvBarReader(TestCalendars.year2024()).read(new StringReader(out.toString()));
        assertEquals(List.of(BARS.get(0)), back.bars());
        assertEquals(empties, back.emptyBars());
    }
}
