package io.barkeep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.barkeep.domain.Session;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Printing helpers: JSON for scripts and agents, aligned tables for people, New York times at the edge. */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Output() {
    }

    public static void json(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** New York wall-clock time without offset, e.g. {@code 2024-01-02T09:30:00} (the CSV format). */
    public static String localTime(Instant instant) {
        return instant == null ? null
                : LOCAL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), Session.NEW_YORK));
    }

    /** New York time with its offset, e.g. {@code 2024-01-02T09:30:00-05:00} (unambiguous, for JSON). */
    public static String zonedTime(Instant instant) {
        return instant == null ? null : OFFSET.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(Session.NEW_YORK));
    }

    /** A plain text table with a header row; columns padded to their widest cell. */
    /** A watchlist entry as JSON: the shape of {@code watchlist list --json} and of the MCP tools. */
    public static Map<String, Object> watchlistEntry(io.barkeep.domain.WatchlistEntry w) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("symbol", w.symbol());
        m.put("active", w.active());
        m.put("priority", w.priority());
        m.put("notes", w.notes());
        m.put("added_at", zonedTime(w.addedAt()));
        m.put("last_updated", zonedTime(w.lastUpdated()));
        return m;
    }

    public static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final boolean[] rightAligned;

        public Table(String... header) {
            rows.add(header);
            rightAligned = new boolean[header.length];
        }

        public Table right(int... columns) {
            for (int c : columns) {
                rightAligned[c] = true;
            }
            return this;
        }

        public Table row(Object... cells) {
            String[] text = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                text[i] = cells[i] == null ? "-" : cells[i].toString();
            }
            rows.add(text);
            return this;
        }

        public int size() {
            return rows.size() - 1;
        }

        public void print(PrintWriter out) {
            int[] width = new int[rows.get(0).length];
            for (String[] r : rows) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    String pad = " ".repeat(width[i] - r[i].length());
                    line.append(i == 0 ? "" : "  ").append(rightAligned[i] ? pad + r[i] : r[i] + pad);
                }
                out.println(line.toString().stripTrailing());
            }
        }
    }
}
