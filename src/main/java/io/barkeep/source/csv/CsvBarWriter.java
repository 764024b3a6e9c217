package io.barkeep.source.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Writes 5-minute bars as CSV that {@link CsvBarReader} reads back to the same bars:
 * {@code timestamp,open,high,low,close,volume,count,vwap}, the timestamp as the bar's New York local start
 * ({@code 2024-01-02T09:30:00}), prices as plain decimals with four digits, count and vwap empty when unknown,
 * LF line ends. Jackson's CSV generator writes the rows (quoting a field only when it must), one at a time in the
 * order given, so an export of years streams.
 */
public final class CsvBarWriter implements Closeable, Flushable {
    /** The header line this writer emits. */
    public static final String HEADER = "timestamp,open,high,low,close,volume,count,session_vwap";

    private static final DateTimeFormatter NEW_YORK_LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(Session.NEW_YORK);
    private static final String ZERO_PRICE = Prices.format(0);
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\n");

    private final CsvGenerator rows;
    private final String[] row = new String[8];
    private final int decimals;

    /** Writes the header at once. Closing this writer closes {@code out}. */
    public CsvBarWriter(Writer out) throws IOException {
        this(out, 4, true);
    }

    /** As above, for bars whose prices are in units of 10^-{@code decimals} dollars (adjusted exports). */
    public CsvBarWriter(Writer out, int decimals) throws IOException {
        this(out, decimals, true);
    }

    private CsvBarWriter(Writer out, int decimals, boolean closeOut) throws IOException {
        this.decimals = decimals;
        this.rows = (CsvGenerator) CSV.createGenerator(Objects.requireNonNull(out));
        rows.setSchema(ROWS);
        rows.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, closeOut);
        writeRow(HEADER.split(","));
    }

    /** Writes the header and {@code bars}, then flushes; {@code out} stays open. */
    public static void write(Writer out, Iterable<Bar> bars) throws IOException {
        try (CsvBarWriter writer = new CsvBarWriter(out, 4, false)) {
            for (Bar bar : bars) {
                writer.write(bar);
            }
        }
    }

    public void write(Bar bar) throws IOException {
        row[0] = NEW_YORK_LOCAL.format(bar.start());
        row[1] = format(bar.open());
        row[2] = format(bar.high());
        row[3] = format(bar.low());
        row[4] = format(bar.close());
        row[5] = Long.toString(bar.volume());
        row[6] = bar.trades() == Bar.UNKNOWN ? "" : Long.toString(bar.trades());
        row[7] = vwap(bar.vwap());
        writeRow(row);
    }

    /** Writes a vendor-confirmed empty interval the way vendors do: zero prices and volume, count 0. */
    public void write(EmptyBar empty) throws IOException {
        row[0] = NEW_YORK_LOCAL.format(empty.start());
        for (int i = 1; i <= 4; i++) {
            row[i] = ZERO_PRICE;
        }
        row[5] = "0";
        row[6] = "0";
        row[7] = vwap(empty.vwap());
        writeRow(row);
    }

    private void writeRow(String[] fields) throws IOException {
        rows.writeStartArray();
        for (String field : fields) {
            rows.writeString(field);
        }
        rows.writeEndArray();
    }

    private String vwap(long vwap) {
        return vwap == Bar.UNKNOWN ? "" : format(vwap);
    }

    private String format(long units) {
        return decimals == 4 ? Prices.format(units) : java.math.BigDecimal.valueOf(units, decimals).toPlainString();
    }

    /** The New York local text the writer uses for {@code start}. */
    public static String formatTimestamp(Instant start) {
        return NEW_YORK_LOCAL.format(start);
    }

    @Override
    public void flush() throws IOException {
        rows.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
