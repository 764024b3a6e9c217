package io.barkeep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.barkeep.domain.NyseCalendar;
import io.barkeep.domain.Session;
import io.barkeep.domain.TradingCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.barkeep.store.DbLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the command line in-process against a database in a temporary folder, and makes the small CSV files
 * the end-to-end tests import. Every run checks that stderr never carries a stack trace.
 */
final class CliTestSupport {
    static final TradingCalendar NYSE = NyseCalendar.load();
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final String HEADER = "timestamp,open,high,low,close,volume,count,session_vwap";

    private CliTestSupport() {
    }

    /** What one command printed and returned. */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        /** stdout parsed as exactly one JSON value. */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON value: " + out, e);
            }
        }

        /** Asserts exit 1 with exactly one line on stderr, nothing on stdout; returns that line. */
        String handledError() {
            assertEquals(1, code, this::toString);
            assertEquals(1, errLines().size(), () -> "one line on stderr: " + this);
            assertEquals("", out, () -> "nothing on stdout: " + this);
            return errLines().get(0);
        }

        /** Asserts exit 2 (bad usage) with an "error:" first line on stderr; returns stderr. */
        String usageError() {
            assertEquals(2, code, this::toString);
            assertEquals("", out, () -> "nothing on stdout: " + this);
            assertTrue(err.startsWith("error: "), () -> "usage error explained: " + this);
            return err;
        }

        /** Asserts exit 0 and an empty stderr. */
        Result ok() {
            assertEquals(0, code, this::toString);
            assertEquals("", err, () -> "nothing on stderr: " + this);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** Runs {@code barkeep args...} with its own stdout and stderr. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BarkeepCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        Result r = new Result(code, out.toString(), err.toString());
        assertNoStackTrace(r);
        return r;
    }

    /** As {@link #run}, with {@code --db file} appended (options may follow positional parameters). */
    static Result runOn(Path db, String... args) {
        return runOn(db.toString(), args);
    }

    /** As {@link #runOn(Path, String...)} with {@code --db} as typed: a file or a PostgreSQL URL. */
    static Result runOn(String db, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = db;
        return run(all);
    }

    static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("\tat "), () -> "stack trace on stderr: " + r);
        assertFalse(r.err().contains("Exception"), () -> "exception on stderr: " + r);
        assertFalse(r.out().contains("\tat "), () -> "stack trace on stdout: " + r);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }

    // ---- test data ------------------------------------------------------------------------------------------

    /** One CSV row of the import format, prices in ticks of 1e-4. {@code count} or {@code vwap} null: blank. */
    record Row(Instant start, long open, long high, long low, long close, long volume, Long count, Long vwap) {
        LocalDateTime local() {
            return LocalDateTime.ofInstant(start, Session.NEW_YORK);
        }

        String csv() {
            return Output.localTime(start) + "," + price(open) + "," + price(high) + "," + price(low) + ","
                    + price(close) + "," + volume + "," + (count == null ? "" : count) + ","
                    + (vwap == null ? "" : price(vwap));
        }

        /** The same row with the timestamp written in UTC ({@code ...Z}). */
        String csvUtc() {
            return start + csv().substring(csv().indexOf(','));
        }
    }

    static String price(long ticks) {
        return BigDecimal.valueOf(ticks, 4).toPlainString();
    }

    /**
     * Every bar of the given sessions, minus those {@code skip} names. Bar k of session d (d counts the given
     * dates) opens at 100 + d + k/100 dollars, so prices rise through the day: high = open + 0.05,
     * low = open - 0.03, close = open + 0.01, volume 1000 + k, count 10 + k, vwap open + 0.005.
     */
    static List<Row> rows(List<LocalDate> dates, Predicate<LocalDateTime> skip) {
        List<Row> out = new ArrayList<>();
        for (int d = 0; d < dates.size(); d++) {
            Session s = session(dates.get(d));
            for (int k = 0; k < s.expectedBars(); k++) {
                Row r = row(s, d, k);
                if (!skip.test(r.local())) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    static List<Row> rows(LocalDate... dates) {
        return rows(List.of(dates), t -> false);
    }

    static Row row(Session s, int day, int k) {
        long open = 1_000_000 + day * 10_000L + k * 100L;
        return new Row(s.open().plusSeconds(300L * k), open, open + 500, open - 300, open + 100, 1000 + k,
                10L + k, open + 50);
    }

    static Session session(LocalDate date) {
        return NYSE.session(date).orElseThrow(() -> new AssertionError(date + " is not a session"));
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        rows.forEach(r -> b.append(r.csv()).append('\n'));
        return b.toString();
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- plain JDBC, beside the engine ----------------------------------------------------------------------

    static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** A plain JDBC connection to {@code --db}'s database, whichever engine it names. */
    static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(DbLocation.parse(db).jdbcUrl());
    }

    static long queryLong(Path db, String sql) {
        return queryLong(db.toString(), sql);
    }

    static long queryLong(String db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), () -> "a row from " + sql);
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** Every row of {@code sql} as column name -> value maps. */
    static List<Map<String, Object>> query(Path db, String sql) {
        return query(db.toString(), sql);
    }

    /** As {@link #query(Path, String)} on {@code --db}'s database, whichever engine it names. */
    static List<Map<String, Object>> query(String db, String sql) {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), wholeNumber(rs.getObject(i)));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /**
     * A whole number as SQLite's driver gives it, an Integer when it fits, whatever the engine: PostgreSQL's
     * bigint columns come back as Long, and a test compares the values, not the driver's choice of type.
     */
    private static Object wholeNumber(Object value) {
        if ((value instanceof Long || value instanceof Short) && ((Number) value).longValue() == ((Number) value)
                .intValue()) {
            return ((Number) value).intValue();
        }
        return value;
    }

    static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
