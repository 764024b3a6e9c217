package io.barkeep.source.csv;

import static io.barkeep.source.RowFields.price;
import static io.barkeep.source.RowFields.quote;
import static io.barkeep.source.RowFields.roundings;
import static io.barkeep.source.RowFields.whole;

import io.barkeep.domain.Bar;
import io.barkeep.domain.BarRules;
import io.barkeep.domain.EmptyBar;
import io.barkeep.domain.FirstRows;
import io.barkeep.domain.Prices;
import io.barkeep.domain.Quarantine;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import io.barkeep.source.CsvLines;
import io.barkeep.source.CsvLines.Line;
import io.barkeep.source.RowFields.BadRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads 5-minute bars from CSV with a header {@code timestamp,open,high,low,close,volume[,count,session_vwap]}.
 * <ul>
 *   <li>Columns are found by header name, case-insensitive, in any order; other columns are ignored.</li>
 *   <li>Lines are read by {@link CsvLines}: quoted fields may hold commas; CRLF or LF line ends, blank lines and a
 *       UTF-8 byte order mark are tolerated.</li>
 *   <li>A timestamp is the bar's start: New York local ({@code 2024-01-02T09:30:00}, a space for the
 *       {@code T}, seconds and up to nine fraction digits optional) or with an offset
 *       ({@code 2024-01-02T14:30:00Z}, {@code 2024-01-02T09:30:00-05:00}).</li>
 *   <li>Prices may have any number of decimals; more than four are rounded half-even and counted.</li>
 *   <li>A row with {@code count == 0} is a vendor-confirmed empty interval and comes back as an
 *       {@link EmptyBar}; its prices (the vendor sends zeros) are not checked, its volume must be 0.</li>
 *   <li>A bad row is rejected with its line number and reason and the rest of the file still imports; see
 *       {@link BarRules} for the rules. A row repeating an earlier row's start with the same values is skipped;
 *       with different values it is rejected (the earlier one stays).</li>
 *   <li>Of the rejected rows the first {@link Quarantine#ROWS_PER_BATCH} are kept (their text cut to
 *       {@link Quarantine#RAW_CHARS} characters), the rest counted.</li>
 * </ul>
 * The file is read line by line; only the kept bars and the first rejected rows are held in memory.
 */
public final class CsvBarReader {
    /** The header a file must carry, as told to the user. */
    public static final String EXPECTED_HEADER = "timestamp,open,high,low,close,volume[,count,session_vwap]";

    private static final List<String> REQUIRED = List.of("timestamp", "open", "high", "low", "close", "volume");
    private static final List<String> OPTIONAL = List.of("count", "vwap");

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private final TradingCalendar calendar;

    /** @param calendar decides which starts belong to a session */
    public CsvBarReader(TradingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar);
    }

    /**
     * Reads a UTF-8 file. Undecodable bytes become replacement characters, so they reject only their row.
     *
     * @throws CsvFormatException when the header is missing or lacks a needed column
     */
    public CsvReadResult read(Path file) throws IOException {
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /**
     * Reads CSV text to its end. The caller closes {@code source}.
     *
     * @throws CsvFormatException when the header is missing or lacks a needed column
     */
    public CsvReadResult read(Reader source) throws IOException {
        CsvLines lines = new CsvLines(source);
        Pass pass = new Pass();
        Header header = null;
        Line line;
        while ((line = lines.next()) != null) {
            if (header == null) {
                header = Header.parse(line);
            } else {
                pass.accept(header, line);
            }
        }
        if (header == null) {
            throw new CsvFormatException("no header: the file is empty; expected " + EXPECTED_HEADER);
        }
        return pass.result();
    }

    /** The state of one read: kept rows so far, and what was seen at each start to catch duplicates. */
    private final class Pass {
        private final List<Bar> bars = new ArrayList<>();
        private final List<EmptyBar> empties = new ArrayList<>();
        private final FirstRows<RejectedRow> rejected = new FirstRows<>();
        private final Map<Long, Seen> seen = new HashMap<>();
        private int rounded;
        private int duplicates;

        void accept(Header header, Line line) {
            Row row;
            try {
                row = Row.parse(header, line);
            } catch (BadRow bad) {
                reject(line, bad.getMessage());
                return;
            }
            Optional<String> reason = check(row);
            if (reason.isPresent()) {
                reject(line, reason.get());
                return;
            }
            Seen earlier = seen.putIfAbsent(row.values.epochSecond(), new Seen(line.number(), row.values));
            if (earlier != null) {
                if (earlier.values.equals(row.values)) {
                    duplicates++;
                } else {
                    reject(line, "duplicate timestamp with different values than line " + earlier.lineNumber);
                }
                return;
            }
            rounded += row.roundedPrices;
            if (row.isEmpty()) {
                empties.add(new EmptyBar(row.values.start(), row.values.vwap()));
            } else {
                bars.add(row.values);
            }
        }

        private void reject(Line line, String reason) {
            rejected.add(new RejectedRow(line.number(), Quarantine.clip(line.text()), reason));
        }

        private Optional<String> check(Row row) {
            if (!row.isEmpty()) {
                return BarRules.check(row.values, calendar);
            }
            if (row.values.volume() != 0) {
                return Optional.of("count 0 with volume");
            }
            return BarRules.check(new EmptyBar(row.values.start(), row.values.vwap()), calendar);
        }

        CsvReadResult result() {
            bars.sort(Comparator.comparing(Bar::start));
            empties.sort(Comparator.comparing(EmptyBar::start));
            return new CsvReadResult(bars, empties, rejected.kept(), rejected.notKept(), rounded, duplicates);
        }
    }

    private record Seen(long lineNumber, Bar values) {
    }

    /** Column positions by name; -1 for an optional column the file lacks. */
    private record Header(int width, int timestamp, int open, int high, int low, int close, int volume,
                          int count, int vwap) {

        static Header parse(Line line) throws CsvFormatException {
            long lineNumber = line.number();
            List<String> names = line.fields();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                // session_vwap (Barkeep's export) and vwap (the vendor's name) are the same column.
                String name = names.get(i).toLowerCase(Locale.ROOT).replaceFirst("^session_vwap$", "vwap");
                if ((REQUIRED.contains(name) || OPTIONAL.contains(name)) && index.put(name, i) != null) {
                    throw new CsvFormatException("header on line " + lineNumber + " names column '" + name
                            + "' twice; expected " + EXPECTED_HEADER);
                }
            }
            List<String> missing = REQUIRED.stream().filter(name -> !index.containsKey(name)).toList();
            if (missing.size() == REQUIRED.size()) {
                throw new CsvFormatException("no header: line " + lineNumber + " is '" + quote(line.text())
                        + "'; expected " + EXPECTED_HEADER);
            }
            if (!missing.isEmpty()) {
                throw new CsvFormatException("header on line " + lineNumber + " lacks column"
                        + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; expected "
                        + EXPECTED_HEADER);
            }
            return new Header(names.size(), index.get("timestamp"), index.get("open"), index.get("high"),
                    index.get("low"), index.get("close"), index.get("volume"), index.getOrDefault("count", -1),
                    index.getOrDefault("vwap", -1));
        }
    }

    /** One parsed data row, before the rules. {@code values.trades()} is 0 for a vendor-empty row. */
    private record Row(Bar values, int roundedPrices) {

        boolean isEmpty() {
            return values.trades() == 0;
        }

        static Row parse(Header header, Line fields) throws BadRow {
            if (fields.problem() != null) {
                throw new BadRow(fields.problem());
            }
            if (fields.size() != header.width()) {
                throw new BadRow("expected " + header.width() + " fields, got " + fields.size());
            }
            Instant start = timestamp(fields.field(header.timestamp()));
            Prices.Rounded open = price("open", fields.field(header.open()));
            Prices.Rounded high = price("high", fields.field(header.high()));
            Prices.Rounded low = price("low", fields.field(header.low()));
            Prices.Rounded close = price("close", fields.field(header.close()));
            long volume = whole("volume", fields.field(header.volume()));
            long count = Bar.UNKNOWN;
            if (header.count() >= 0 && !fields.field(header.count()).isEmpty()) {
                count = whole("count", fields.field(header.count()));
                // -1 would read as "unknown"
                if (count < 0) {
                    throw new BadRow("negative count");
                }
            }
            Prices.Rounded vwap = new Prices.Rounded(Bar.UNKNOWN, false);
            if (header.vwap() >= 0 && !fields.field(header.vwap()).isEmpty()) {
                vwap = price("vwap", fields.field(header.vwap()));
                // -0.0001 would read as "unknown"
                if (vwap.ticks() < 0) {
                    throw new BadRow("negative vwap");
                }
            }
            Bar values = new Bar(start, open.ticks(), high.ticks(), low.ticks(), close.ticks(), volume, count,
                    vwap.ticks());
            // an empty row's zero prices are not kept, so only its vwap can count as rounded
            int rounded = count == 0 ? roundings(vwap) : roundings(open, high, low, close, vwap);
            return new Row(values, rounded);
        }
    }

    private static Instant timestamp(String text) throws BadRow {
        if (text.isEmpty()) {
            throw new BadRow("missing timestamp");
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            // not parseBest: it tries the offset first and pays for an exception on every local timestamp
            TemporalAccessor parsed = TIMESTAMP.parse(iso);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).atZone(Session.NEW_YORK).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new BadRow("bad timestamp '" + quote(text) + "'");
        }
    }
}
