package io.barkeep.ui.gaps;

import io.barkeep.domain.MissingRange;
import io.barkeep.domain.Session;
import io.barkeep.ui.gaps.HeatmapModel.Cell;
import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A cell in words, for its tooltip: "MSFT 2024-03-12 (Tue): 65 of 78 bars, 13 missing 10:15-11:20, fetched
 * 2024-03-13 02:10 ET". Times are New York's, like the sessions they describe. Holds nothing but its bundle, so the
 * loader's thread can make the repair list while the FX thread describes a cell.
 */
final class CellDescriber {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** More stretches than this are summed up as "and N more": a tooltip is not a report. */
    private static final int RANGES_SHOWN = 3;

    private final ResourceBundle text;

    CellDescriber(ResourceBundle text) {
        this.text = text;
    }

    String describe(HeatmapModel model, int row, int column) {
        Column col = model.columns().get(column);
        Cell cell = model.cell(row, column);
        String day = col.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String header = col.earlyClose()
                ? format("tip.headerEarly", model.symbols().get(row), col.date(), day,
                TIME.format(col.session().closeInNewYork()))
                : format("tip.header", model.symbols().get(row), col.date(), day);
        return header + ": " + body(col, cell, model.asOf());
    }

    /**
     * A session to repair, as the list under the map shows it. Its stretches and fetch time are put in words when
     * first asked, then kept: the table asks only for the rows it shows (a sort, for every row once), and most of the
     * 15,000 rows of a 554-symbol map never are. Made on the loader's thread; read on the FX thread once handed over.
     */
    final class GapRow {
        private final String symbol;
        private final LocalDate date;
        private final String session;
        private final String state;
        private final int missing;
        private final List<MissingRange> ranges;
        private final Instant fetchedAt;
        private final Texts texts;
        private String stretches;
        private String fetched;

        private GapRow(String symbol, LocalDate date, String session, String state, int missing,
                       List<MissingRange> ranges, Instant fetchedAt, Texts texts) {
            this.symbol = symbol;
            this.date = date;
            this.session = session;
            this.state = state;
            this.missing = missing;
            this.ranges = ranges;
            this.fetchedAt = fetchedAt;
            this.texts = texts;
        }

        String symbol() {
            return symbol;
        }

        LocalDate date() {
            return date;
        }

        String session() {
            return session;
        }

        String state() {
            return state;
        }

        int missing() {
            return missing;
        }

        String stretches() {
            if (stretches == null) {
                stretches = ranges(ranges, texts);
            }
            return stretches;
        }

        String fetched() {
            if (fetched == null) {
                fetched = fetchedAt == null ? text.getString("tip.neverFetched") : texts.dateTime(fetchedAt);
            }
            return fetched;
        }

        @Override
        public String toString() {
            return String.join(" | ", symbol, session, state, String.valueOf(missing), stretches(), fetched());
        }
    }

    /**
     * Every cell a backfill could improve, newest session first. Made in the background with the map: the labels
     * a column or a state shares are made once, not once a cell (15,000 cells of a 554-symbol map); the texts of
     * each row's stretches and fetch time when the row is shown.
     */
    List<GapRow> gapRows(HeatmapModel model) {
        List<GapRow> out = new ArrayList<>();
        java.util.Map<CellState, String> stateNames = new java.util.EnumMap<>(CellState.class);
        Texts texts = new Texts();
        for (int c = model.columnCount() - 1; c >= 0; c--) {
            Column col = model.columns().get(c);
            String session = null;
            for (int r = 0; r < model.rows(); r++) {
                if (!model.repairable(r, c)) {
                    continue;
                }
                Cell cell = model.cell(r, c);
                if (session == null) {
                    session = col.date() + " " + col.date().getDayOfWeek().getDisplayName(TextStyle.SHORT,
                            Locale.ENGLISH);
                }
                out.add(new GapRow(model.symbols().get(r), col.date(), session, stateNames.computeIfAbsent(
                        cell.state(), s -> text.getString("state." + s.key())), cell.missingBars(), cell.missing(),
                        cell.fetchedAt(), texts));
            }
        }
        return out;
    }

    private String body(Column col, Cell cell, Instant asOf) {
        if (cell.state() == CellState.CLOSED) {
            return text.getString("tip.closed");
        }
        List<String> parts = new ArrayList<>();
        if (cell.state() == CellState.NOT_FINAL) {
            parts.add(col.session().close().isAfter(asOf) ? text.getString("tip.inProgress") : format("tip.notFinal",
                    DATE_TIME.format(col.session().close().plus(Session.SETTLE).atZone(Session.NEW_YORK))));
        }
        if (cell.state() == CellState.VENDOR_EMPTY) {
            parts.add(text.getString("tip.vendorEmpty"));
        } else {
            String bars = format("tip.bars", cell.held() + cell.empty(), cell.expected());
            parts.add(cell.empty() > 0 ? bars + " " + format("tip.noTrade", cell.empty()) : bars);
            if (cell.missingBars() > 0) {
                parts.add(format("tip.missing", cell.missingBars(), ranges(cell.missing(), new Texts())));
            }
        }
        parts.add(cell.fetchedAt() == null ? text.getString("tip.neverFetched")
                : format("tip.fetched", DATE_TIME.format(cell.fetchedAt().atZone(Session.NEW_YORK))));
        return String.join(", ", parts);
    }

    private String ranges(List<MissingRange> ranges, Texts texts) {
        List<String> shown = new ArrayList<>();
        for (MissingRange r : ranges.subList(0, Math.min(RANGES_SHOWN, ranges.size()))) {
            shown.add(texts.time(r.from()) + "-" + texts.time(r.to()));
        }
        String out = String.join(", ", shown);
        return ranges.size() > RANGES_SHOWN ? out + " " + texts.more(ranges.size() - RANGES_SHOWN) : out;
    }

    /**
     * The times and "and N more" of a text, each made once: the repair list's 15,000 rows (554 symbols) share a few
     * thousand stretch ends and fetch times. One per list, used by one thread at a time (the loader's, then the FX
     * thread's).
     */
    private final class Texts {
        private final java.util.Map<Long, String> times = new java.util.HashMap<>();
        private final java.util.Map<Long, String> dateTimes = new java.util.HashMap<>();
        private final java.util.Map<Integer, String> more = new java.util.HashMap<>();

        String time(Instant t) {
            return times.computeIfAbsent(t.getEpochSecond(), s -> TIME.format(t.atZone(Session.NEW_YORK)));
        }

        String dateTime(Instant t) {
            return dateTimes.computeIfAbsent(t.getEpochSecond(), s -> DATE_TIME.format(t.atZone(Session.NEW_YORK)));
        }

        String more(int n) {
            return more.computeIfAbsent(n, k -> format("tip.more", k));
        }
    }

    private String format(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Numbers and dates as plain text: MessageFormat would group "1,095" and localise dates.
            plain[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(text.getString(key), Locale.ENGLISH).format(plain);
    }
}
