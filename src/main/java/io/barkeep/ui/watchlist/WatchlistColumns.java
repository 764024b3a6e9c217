package io.barkeep.ui.watchlist;

import io.barkeep.ui.freshness.Cells;
import io.barkeep.ui.freshness.Thresholds;
import java.time.Instant;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.util.StringConverter;

/**
 * The watchlist table's columns: active, priority and notes edit in place (a tick, or a double-click then
 * Enter); the freshness figures share the freshness table's cells and thresholds.
 */
final class WatchlistColumns {
    private WatchlistColumns() {
    }

    static void install(TableView<WatchlistRow> table, ResourceBundle text, Runnable badPriority) {
        table.setEditable(true);
        TableColumn<WatchlistRow, String> symbol = column(text, "watchlist.col.symbol", 80,
                r -> new ReadOnlyStringWrapper(r.symbol()));
        symbol.getStyleClass().add("symbol-column");

        TableColumn<WatchlistRow, Boolean> active = column(text, "watchlist.col.active", 65,
                WatchlistRow::activeProperty);
        active.setCellFactory(CheckBoxTableCell.forTableColumn(active));
        active.setEditable(true);
        active.getStyleClass().add("center-column");

        TableColumn<WatchlistRow, Integer> priority = column(text, "watchlist.col.priority", 75,
                WatchlistRow::priorityProperty);
        priority.setCellFactory(TextFieldTableCell.forTableColumn(new PriorityConverter()));
        priority.setEditable(true);
        priority.getStyleClass().add("number-column");
        priority.setOnEditCommit(e -> {
            if (e.getNewValue() == null) {
                badPriority.run();
                e.getTableView().refresh();
            } else {
                e.getRowValue().priorityProperty().set(e.getNewValue());
            }
        });

        TableColumn<WatchlistRow, String> notes = column(text, "watchlist.col.notes", 180,
                WatchlistRow::notesProperty);
        notes.setCellFactory(TextFieldTableCell.forTableColumn());
        notes.setMinWidth(100);
        notes.setEditable(true);

        TableColumn<WatchlistRow, Instant> added = column(text, "watchlist.col.added", 105,
                WatchlistRow::addedProperty);
        added.setCellFactory(Cells.time(Cells.NEW_YORK_DATE));
        TableColumn<WatchlistRow, Instant> updated = column(text, "watchlist.col.updated", 135,
                WatchlistRow::lastUpdatedProperty);
        updated.setCellFactory(Cells.time(Cells.NEW_YORK_MINUTE));
        TableColumn<WatchlistRow, Long> bars = column(text, "watchlist.col.bars", 95, WatchlistRow::barsProperty);
        bars.setCellFactory(Cells.number(Cells::count, v -> Thresholds.Level.OK));
        TableColumn<WatchlistRow, Long> noTrade = column(text, "watchlist.col.noTrade", 95,
                WatchlistRow::noTradeProperty);
        noTrade.setCellFactory(Cells.number(Cells::count, v -> Thresholds.Level.OK));
        TableColumn<WatchlistRow, Long> missing = column(text, "watchlist.col.missing", 80,
                WatchlistRow::missingProperty);
        missing.setCellFactory(Cells.number(Cells::count, v -> Thresholds.Level.OK));
        TableColumn<WatchlistRow, Double> coverage = column(text, "watchlist.col.coverage", 115,
                WatchlistRow::coverageProperty);
        coverage.setCellFactory(Cells.number(Cells::percent, Thresholds::coverage));

        table.getColumns().setAll(List.of(symbol, active, priority, notes, added, updated, bars, noTrade, missing,
                coverage));
        // The constrained policy squeezes columns that do not fit out of sight, with no scroll bar (at 1024 px the
        // market columns pushed Bars held .. Coverage % off the table): below their total width, the table scrolls.
        javafx.beans.InvalidationListener fit = o -> table.setColumnResizePolicy(
                table.getWidth() >= table.getColumns().stream().mapToDouble(TableColumn::getMinWidth).sum() + 20
                        ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN : TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.widthProperty().addListener(fit);
        table.getColumns().addListener(fit);
        fit.invalidated(null);
    }

    private static <T> TableColumn<WatchlistRow, T> column(ResourceBundle text, String key, double width,
                                                           Function<WatchlistRow, ObservableValue<T>> value) {
        TableColumn<WatchlistRow, T> c = new TableColumn<>(text.getString(key));
        c.setPrefWidth(width);
        // Never narrower than its header: a cut header ("Expec...") hides what the numbers are.
        c.setMinWidth(width);
        c.setEditable(false);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    /** Whole numbers; anything else is null, which the commit handler turns into a message. */
    private static final class PriorityConverter extends StringConverter<Integer> {
        @Override
        public String toString(Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String s) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
