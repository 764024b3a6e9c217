package io.barkeep.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The exchange's published holiday and early-close lists and per-year session counts, as transcribed into the test
 * fixtures {@code nyse-published-holidays.csv} and {@code nyse-published-session-counts.csv}. Deliberately parsed
 * here, not with {@link NyseCalendar.CalendarData}, so that a parser bug cannot hide in both sides of a comparison.
 */
final class PublishedNyseLists {

    private final Map<LocalDate, String> kinds;
    private final Map<Integer, Integer> sessionCounts;

    private PublishedNyseLists(Map<LocalDate, String> kinds, Map<Integer, Integer> sessionCounts) {
        this.kinds = kinds;
        this.sessionCounts = sessionCounts;
    }

    static PublishedNyseLists read() {
        Map<LocalDate, String> kinds = new TreeMap<>();
        for (String[] cells : rows("nyse-published-holidays.csv", 4)) {
            LocalDate date = LocalDate.parse(cells[0]);
            if (kinds.put(date, cells[1]) != null) {
                throw new IllegalStateException("fixture lists " + date + " twice");
            }
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        for (String[] cells : rows("nyse-published-session-counts.csv", 3)) {
            counts.put(Integer.parseInt(cells[0]), Integer.parseInt(cells[1]));
        }
        return new PublishedNyseLists(kinds, counts);
    }

    /** Dates the exchange was closed on a weekday in {@code year}. */
    TreeSet<LocalDate> closed(int year) {
        return ofKind(year, "closed");
    }

    /** Dates the exchange closed at 13:00 in {@code year}. */
    TreeSet<LocalDate> earlyCloses(int year) {
        return ofKind(year, "early_close");
    }

    /** The published number of sessions in {@code year}. */
    int sessionCount(int year) {
        Integer count = sessionCounts.get(year);
        if (count == null) {
            throw new IllegalStateException("no published session count for " + year);
        }
        return count;
    }

    private TreeSet<LocalDate> ofKind(int year, String kind) {
        return kinds.entrySet().stream()
                .filter(e -> e.getKey().getYear() == year && e.getValue().equals(kind))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = PublishedNyseLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + resource);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", columns);
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + ": bad row '" + line + "'");
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
