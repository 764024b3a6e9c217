package io.barkeep.source.thetadata;

import static io.barkeep.source.RowFields.price;
import static io.barkeep.source.RowFields.quote;
import static io.barkeep.source.RowFields.roundings;
import static io.barkeep.source.RowFields.whole;

import io.barkeep.domain.Bar;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.FirstRows;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Quarantine;
import io.barkeep.domain.Session;
import io.barkeep.source.RowFields.BadRow;
import io.barkeep.source.SourceAnswer;
import io.barkeep.source.SourceAnswer.UnreadableRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of one or more Theta Terminal answers (v3, v2 pages, MCP days) as they add up to a {@link SourceAnswer},
 * in the order they come. Whatever the answer's format, a row is its fields by lower-case column name:
 * <ul>
 *   <li>Its start is {@code timestamp} (New York wall clock, 0 to 3 fraction digits, a space for the {@code T}
 *       allowed) or v2's {@code ms_of_day} (milliseconds since New York midnight) with {@code date} (YYYYMMDD).
 *       It marks the bar's open.</li>
 *   <li>Prices may have any number of decimals; more than four are rounded half-even and counted.</li>
 *   <li>A row with {@code count == 0} is an {@link EmptyBar} carrying the cumulative VWAP; its zero prices are not
 *       read, its volume must be 0. {@code count} and {@code vwap} are optional.</li>
 *   <li>A row starting at or after 16:00 New York is dropped: the vendor's end time is inclusive, so it sends the
 *       bar that starts at the close. Early closes are the sync layer's to check, with its calendar.</li>
 *   <li>A row that cannot be read becomes an {@link UnreadableRow} with its text (cut to
 *       {@link Quarantine#RAW_CHARS} characters) and the reason; the first {@link Quarantine#ROWS_PER_BATCH} are
 *       kept, the rest counted.</li>
 * </ul>
 * Not thread-safe: one instance per request.
 */
final class ThetaRows {
    private static final Logger LOG = LoggerFactory.getLogger(ThetaRows.class);
    private static final long MS_PER_DAY = 86_400_000L;
    private static final Prices.Rounded UNKNOWN = new Prices.Rounded(Bar.UNKNOWN, false);

    private final List<Bar> bars = new ArrayList<>();
    private final List<EmptyBar> empties = new ArrayList<>();
    private final FirstRows<UnreadableRow> unreadable = new FirstRows<>();
    private int rounded;
    private int droppedAtClose;

    /** A row's fields by lower-case column name; null when the row lacks the field. */
    @FunctionalInterface
    interface Fields {
        String get(String name);
    }

    /** Reads one row; {@code raw} is its text, kept when it cannot be read. */
    void accept(String raw, Fields fields) {
        try {
            read(fields);
        } catch (BadRow bad) {
            unreadable(raw, bad.getMessage());
        }
    }

    /** Keeps a row that could not even be split into fields. */
    void unreadable(String raw, String reason) {
        unreadable.add(new UnreadableRow(Quarantine.clip(raw), reason));
    }

    /** Rows kept so far: bars, empty bars and unreadable rows, not those dropped at the close. */
    int size() {
        return bars.size() + empties.size() + (int) Math.min(Integer.MAX_VALUE, unreadable.total());
    }

    SourceAnswer answer() {
        if (droppedAtClose > 0) {
            LOG.debug("dropped {} row(s) stamped at or after the 16:00 close", droppedAtClose);
        }
        return new SourceAnswer(bars, empties, unreadable.kept(), unreadable.notKept(), rounded, false);
    }

    private void read(Fields fields) throws BadRow {
        LocalDateTime local = start(fields);
        if (!local.toLocalTime().isBefore(Session.REGULAR_CLOSE)) {
            droppedAtClose++;
            return;
        }
        Instant start = local.atZone(Session.NEW_YORK).toInstant();
        long count = Bar.UNKNOWN;
        if (present(fields.get("count"))) {
            count = whole("count", fields.get("count"));
            // -1 would read as "unknown"
            if (count < 0) {
                throw new BadRow("negative count");
            }
        }
        Prices.Rounded vwap = UNKNOWN;
        if (present(fields.get("vwap"))) {
            vwap = price("vwap", fields.get("vwap"));
            if (vwap.ticks() < 0) {
                throw new BadRow("negative vwap");
            }
        }
        long volume = whole("volume", fields.get("volume"));
        if (count == 0) {
            if (volume != 0) {
                throw new BadRow("count 0 with volume " + volume);
            }
            // the zero prices of a no-trade row are not prices: only the vwap is kept, so only it counts
            empties.add(new EmptyBar(start, vwap.ticks()));
            rounded += roundings(vwap);
            return;
        }
        Prices.Rounded open = price("open", fields.get("open"));
        Prices.Rounded high = price("high", fields.get("high"));
        Prices.Rounded low = price("low", fields.get("low"));
        Prices.Rounded close = price("close", fields.get("close"));
        bars.add(new Bar(start, open.ticks(), high.ticks(), low.ticks(), close.ticks(), volume, count, vwap.ticks()));
        rounded += roundings(open, high, low, close, vwap);
    }

    private static LocalDateTime start(Fields fields) throws BadRow {
        String timestamp = fields.get("timestamp");
        if (present(timestamp)) {
            return timestamp(timestamp);
        }
        String ms = fields.get("ms_of_day");
        String date = fields.get("date");
        if (!present(ms) && !present(date)) {
            throw new BadRow("missing timestamp");
        }
        long msOfDay = whole("ms_of_day", ms);
        if (msOfDay < 0 || msOfDay >= MS_PER_DAY) {
            throw new BadRow("ms_of_day out of range '" + quote(ms) + "'");
        }
        if (!present(date)) {
            throw new BadRow("missing date");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw new BadRow("bad date '" + quote(date) + "'");
        }
        // wall-clock time since midnight: sessions never span the daylight-saving change (a Sunday, 2 a.m.)
        return day.atStartOfDay().plusNanos(msOfDay * 1_000_000L);
    }

    private static LocalDateTime timestamp(String text) throws BadRow {
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new BadRow("bad timestamp '" + quote(text) + "'");
        }
    }

    private static boolean present(String field) {
        return field != null && !field.isEmpty();
    }
}
