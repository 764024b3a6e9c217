package io.barkeep.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.source.CsvLines.Line;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV reader: lines, numbers, fields as RFC 4180 quotes them, and bounds on what it holds. */
class CsvLinesTest {

    private static List<Line> lines(String text) throws IOException {
        CsvLines reader = new CsvLines(new StringReader(text));
        List<Line> out = new ArrayList<>();
        for (Line line = reader.next(); line != null; line = reader.next()) {
            out.add(line);
        }
        return out;
    }

    @Test
    void aQuotedCommaIsPartOfItsFieldAndDoubledQuotesAreOneQuote() throws IOException {
        Line line = lines("AAPL,\"Apple, Inc.\",\"say \"\"hi\"\"\", 7 \n").get(0);

        assertEquals(List.of("AAPL", "Apple, Inc.", "say \"hi\"", "7"), line.fields());
        assertNull(line.problem());
    }

    @Test
    void numbersPhysicalLinesAcrossBlankOnesCrlfAndAByteOrderMark() throws IOException {
        List<Line> lines = lines("\uFEFFa,b\r\n\r\n   \r\nc,d\r\ne,");

        assertEquals(List.of(1L, 4L, 5L), lines.stream().map(Line::number).toList());
        assertEquals(List.of("a", "b"), lines.get(0).fields());
        assertEquals("c,d", lines.get(1).text());
        assertEquals(List.of("e", ""), lines.get(2).fields());
    }

    @Test
    void anUnclosedQuoteIsAProblemOfItsOwnLineOnly() throws IOException {
        List<Line> lines = lines("a,\"b\nc,d\n");

        assertEquals(CsvLines.UNCLOSED_QUOTE, lines.get(0).problem());
        assertEquals(List.of(), lines.get(0).fields());
        assertEquals(List.of("c", "d"), lines.get(1).fields());
    }

    @Test
    void textAfterAClosingQuoteIsAProblem() throws IOException {
        assertTrue(lines("\"ab\"c,d").get(0).problem().startsWith("bad CSV quoting"));
    }

    @Test
    void aLineBeyondTheBoundIsCountedNotHeld() throws IOException {
        String longLine = "x".repeat(CsvLines.MAX_LINE_CHARS + 10);
        List<Line> lines = lines(longLine + "\nok\n");

        assertEquals("line too long (" + longLine.length() + " characters; a row has at most "
                + CsvLines.MAX_LINE_CHARS + ")", lines.get(0).problem());
        assertTrue(lines.get(0).text().length() < 300, "kept " + lines.get(0).text().length());
        assertEquals(List.of("ok"), lines.get(1).fields());
        assertEquals(2, lines.get(1).number());
    }
}
