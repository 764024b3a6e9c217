package io.barkeep.source.csv;

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
 * LF line ends. Rows are written one at a time, in the order given, so an export of years streams.
 */
public final class CsvBarWriter implements Closeable, Flushable {
    /** The header line this writer emits. */
    public static final String HEADER = "timestamp,open,high,low,close,volume,count,session_vwap";

    private static final DateTimeFormatter NEW_YORK_LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(Session.NEW_YORK);
    private static final String ZERO_PRICE = Prices.format(0);

    private final Writer out;
    private final StringBuilder row = new StringBuilder(96);

    /** Writes the header at once. Closing this writer closes {@code out}. */
    public CsvBarWriter(Writer out) throws IOException {
        this.out = Objects.requireNonNull(out);
        out.write(HEADER);
        out.write('\n');
    }

    /** Writes the header and {@code bars}, then flushes; {@code out} stays open. */
    public static void write(Writer out, Iterable<Bar> bars) throws IOException {
        CsvBarWriter writer = new CsvBarWriter(out);
        for (Bar bar : bars) {
            writer.write(bar);
        }
        writer.flush();
    }

    public void write(Bar bar) throws IOException {
        row.setLength(0);
        row.append(NEW_YORK_LOCAL.format(bar.start())).append(',')
                .append(Prices.format(bar.open())).append(',')
                .append(Prices.format(bar.high())).append(',')
                .append(Prices.format(bar.low())).append(',')
                .append(Prices.format(bar.close())).append(',')
                .append(bar.volume()).append(',');
        if (bar.trades() != Bar.UNKNOWN) {
            row.append(bar.trades());
        }
        row.append(',');
        appendVwap(bar.vwap());
        row.append('\n');
        out.append(row);
    }

    /** Writes a vendor-confirmed empty interval the way vendors do: zero prices and volume, count 0. */
    public void write(EmptyBar empty) throws IOException {
        row.setLength(0);
        row.append(NEW_YORK_LOCAL.format(empty.start()));
        for (int i = 0; i < 4; i++) {
            row.append(',').append(ZERO_PRICE);
        }
        row.append(",0,0,");
        appendVwap(empty.vwap());
        row.append('\n');
        out.append(row);
    }

    private void appendVwap(long vwap) {
        if (vwap != Bar.UNKNOWN) {
            row.append(Prices.format(vwap));
        }
    }

    /** The New York local text the writer uses for {@code start}. */
    public static String formatTimestamp(Instant start) {
        return NEW_YORK_LOCAL.format(start);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
