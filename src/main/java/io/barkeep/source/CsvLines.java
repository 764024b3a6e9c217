package io.barkeep.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one CSV reader of Barkeep, for bar files to import and for the vendor's CSV answers alike: it hands out the
 * non-blank lines of a text one at a time, each with its 1-based line number, its text and its fields.
 * <ul>
 *   <li>Fields are split by Jackson's CSV parser: RFC 4180 quoting ({@code "Martin Luther King, Jr."} is one field,
 *       {@code ""} inside quotes is a quote), spaces around a field trimmed.</li>
 *   <li>A record is one line. A bar row never holds a line break, and reading each line on its own means that one
 *       stray quote spoils its own line only, never the rest of the file.</li>
 *   <li>LF or CRLF line ends; a byte order mark before the first line is dropped; blank lines are skipped but
 *       counted in the line numbers.</li>
 *   <li>A line longer than {@value #MAX_LINE_CHARS} characters is not kept in memory: it comes back with its first
 *       characters and a {@link Line#problem()}, and so does a line whose quotes do not pair up.</li>
 * </ul>
 * Not thread-safe; the caller closes the reader it passed in.
 */
public final class CsvLines {
    /** Far beyond any bar row (about 80 characters), and small enough that a file without line ends is harmless. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** How much of an over-long line is kept, to show the user what it was. */
    private static final int KEPT_OF_LONG_LINE = 200;
    /** The problem of a line that ends inside a quoted field: in a vendor's answer, the sign of a cut body. */
    public static final String UNCLOSED_QUOTE = "a quote is not closed";
    private static final char BOM = '\uFEFF';
    private static final CsvFactory CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build().getFactory();

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;
    private long lineNumber;

    /** @param in the text; read to its end as lines are asked for */
    public CsvLines(Reader in) {
        this.in = Objects.requireNonNull(in);
    }

    /**
     * One non-blank line.
     *
     * @param number  1-based physical line number
     * @param text    the line without its line end (only the start of an over-long line)
     * @param fields  the fields, stripped; empty when {@code problem} is set
     * @param problem why the line could not be split into fields, or null
     */
    public record Line(long number, String text, List<String> fields, String problem) {

        /** Field {@code i}. */
        public String field(int i) {
            return fields.get(i);
        }

        public int size() {
            return fields.size();
        }
    }

    /** The next non-blank line, or null at the end of the text. */
    public Line next() throws IOException {
        while (true) {
            RawLine raw = readLine();
            if (raw == null) {
                return null;
            }
            if (raw.length > MAX_LINE_CHARS) {
                return new Line(lineNumber, raw.text + "...", List.of(), "line too long (" + raw.length
                        + " characters; a row has at most " + MAX_LINE_CHARS + ")");
            }
            if (!raw.text.isBlank()) {
                return split(lineNumber, raw.text);
            }
        }
    }

    /** Splits one line of CSV text into its fields (used for a single header line, too). */
    public static Line split(long number, String text) {
        List<String> fields = new ArrayList<>();
        try (JsonParser parser = CSV.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText().strip());
                }
            }
        } catch (JsonProcessingException e) {
            String original = String.valueOf(e.getOriginalMessage());
            return new Line(number, text, List.of(), original.startsWith("Missing closing quote")
                    ? UNCLOSED_QUOTE : "bad CSV quoting (text after a closing quote)");
        } catch (IOException e) {
            // a String source cannot fail to read
            throw new IllegalStateException(e);
        }
        return new Line(number, text, List.copyOf(fields), null);
    }

    private record RawLine(String text, long length) {
    }

    /**
     * The next physical line, without its LF or CRLF. Past {@value #MAX_LINE_CHARS} characters only the length is
     * counted, so memory stays bounded whatever the input.
     */
    private RawLine readLine() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            int chunk = pos - start;
            long room = Math.max(0, (length + chunk <= MAX_LINE_CHARS ? MAX_LINE_CHARS : KEPT_OF_LONG_LINE)
                    - text.length());
            text.append(buffer, start, (int) Math.min(chunk, room));
            length += chunk;
            if (pos < end) {
                pos++;
                break;
            }
        }
        lineNumber++;
        if (length <= MAX_LINE_CHARS && text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
            text.setLength(text.length() - 1);
            length--;
        }
        if (length > MAX_LINE_CHARS && text.length() > KEPT_OF_LONG_LINE) {
            text.setLength(KEPT_OF_LONG_LINE);
        }
        if (lineNumber == 1 && text.length() > 0 && text.charAt(0) == BOM) {
            text.deleteCharAt(0);
        }
        return new RawLine(text.toString(), length);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
