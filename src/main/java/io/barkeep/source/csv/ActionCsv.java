package io.barkeep.source.csv;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.Symbols;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads corporate actions from CSV with a header {@code symbol,ex_date,kind,ratio|amount}: a split's ratio as
 * {@code new:old} ({@code 10:1}, {@code 1:10}, {@code 1046:1000}), a dividend's amount as a plain decimal. Columns
 * are found by header name; a bad row becomes one line naming its number and what was wrong, and nothing of it is
 * kept.
 */
public final class ActionCsv {
    private ActionCsv() {
    }

    /** Parses {@code text}; actions are stamped with source {@code csv} and {@code learntAt}. */
    public static Result read(String text, Instant learntAt) {
        List<CorporateAction> actions = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        int header = 0;
        while (header < lines.length && lines[header].isBlank()) {
            header++;
        }
        if (header >= lines.length) {
            return new Result(actions, List.of("the file is empty"));
        }
        List<String> names = new ArrayList<>();
        for (String h : lines[header].split(",", -1)) {
            names.add(h.trim().toLowerCase(Locale.ROOT));
        }
        int sym = names.indexOf("symbol");
        int date = names.indexOf("ex_date");
        int kind = names.indexOf("kind");
        int value = valueColumn(names);
        if (sym < 0 || date < 0 || kind < 0 || value < 0) {
            return new Result(actions, List.of("line " + (header + 1) + ": the header must be "
                    + "symbol,ex_date,kind,ratio|amount, got '" + lines[header].trim() + "'"));
        }
        for (int i = header + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            try {
                if (cells.length < names.size()) {
                    throw new IllegalArgumentException("expected " + names.size() + " columns, got " + cells.length);
                }
                actions.add(parse(cells[sym], cells[date], cells[kind], cells[value], "csv", learntAt));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                rejected.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Result(actions, rejected);
    }

    /** One action from its four texts; a clear IllegalArgumentException when any is wrong. */
    public static CorporateAction parse(String symbol, String exDate, String kind, String value, String source,
                                        Instant learntAt) {
        String s = Symbols.normalize(symbol);
        LocalDate d = LocalDate.parse(exDate.trim());
        CorporateAction.Kind k = CorporateAction.Kind.parse(kind);
        if (k == CorporateAction.Kind.SPLIT) {
            int[] ratio = ratio(value);
            return CorporateAction.split(s, d, ratio[0], ratio[1], source, learntAt);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a dividend amount must be a decimal like 0.24, got '" + value + "'");
        }
        return CorporateAction.dividend(s, d, amount, source, learntAt);
    }

    /** {@code new:old} as two positive integers. */
    public static int[] ratio(String text) {
        String[] parts = text.trim().split(":");
        try {
            if (parts.length == 2) {
                int n = Integer.parseInt(parts[0].trim());
                int o = Integer.parseInt(parts[1].trim());
                if (n > 0 && o > 0 && n != o) {
                    return new int[] {n, o};
                }
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("a split ratio must be new:old shares like 10:1 or 1:10, got '" + text
                + "'");
    }

    private static int valueColumn(List<String> names) {
        for (String n : List.of("ratio|amount", "value", "ratio", "amount")) {
            if (names.contains(n)) {
                return names.indexOf(n);
            }
        }
        return -1;
    }

    /** The actions read and one line per rejected row. */
    public record Result(List<CorporateAction> actions, List<String> rejected) {
    }
}
