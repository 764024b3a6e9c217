package io.barkeep.ui.watchlist;

import io.barkeep.domain.Prices;
import io.barkeep.domain.SessionQuote;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.freshness.Cells;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The watchlist's market columns from the cache: last price, change and % change since the previous session's
 * close, and the latest session's volume, each sortable; and a double-click on a row's read-only cells opens its
 * chart. Added to the table by one call, apart from the watchlist's own columns.
 */
public final class MarketColumns {
    private MarketColumns() {
    }

    /** Adds the columns after the symbol column and keeps them current as rows and cached data change. */
    public static void install(TableView<WatchlistRow> table, ResourceBundle text, AppServices services,
                               Navigator navigator) {
        MarketQuotes quotes = new MarketQuotes(services);
        TableColumn<WatchlistRow, Double> last = column(text, "watchlist.col.last", quotes,
                q -> q.last() / (double) Prices.SCALE);
        last.setCellFactory(cells(v -> String.format(Locale.ROOT, "%.2f", v), false));
        TableColumn<WatchlistRow, Double> change = column(text, "watchlist.col.change", quotes,
                q -> q.change() == null ? null : q.change() / (double) Prices.SCALE);
        change.setCellFactory(cells(v -> String.format(Locale.ROOT, "%+.2f", v), true));
        TableColumn<WatchlistRow, Double> percent = column(text, "watchlist.col.changePercent", quotes,
                SessionQuote::changePercent);
        percent.setCellFactory(cells(v -> String.format(Locale.ROOT, "%+.2f%%", v), true));
        // room for the header and its sort arrow: "Chang..." is no column name
        percent.setPrefWidth(112);
        TableColumn<WatchlistRow, Double> volume = column(text, "watchlist.col.volume", quotes,
                q -> (double) q.volume());
        volume.setCellFactory(cells(v -> Cells.count(v.longValue()), false));
        volume.setPrefWidth(125);
        int at = Math.min(1, table.getColumns().size());
        table.getColumns().addAll(at, List.of(last, change, percent, volume));

        // The watchlist puts fresh rows in after cached data changed: rows added or removed reload the figures,
        // while sorting only moves rows and reads nothing.
        ListChangeListener<WatchlistRow> rowsChanged = c -> {
            boolean replaced = false;
            while (c.next()) {
                replaced |= c.wasAdded() || c.wasRemoved();
            }
            quotes.reload(symbols(table), replaced);
        };
        table.getItems().addListener(rowsChanged);
        table.itemsProperty().addListener((obs, was, now) -> {
            now.addListener(rowsChanged);
            quotes.reload(symbols(table), true);
        });
        quotes.reload(symbols(table), true);

        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            TableCell<?, ?> cell = cellOf(e.getPickResult().getIntersectedNode());
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && cell != null
                    && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof WatchlistRow row
                    && !cell.getTableColumn().isEditable()) {
                navigator.openChart(row.symbol(), services.today());
            }
        });
    }

    private static TableColumn<WatchlistRow, Double> column(ResourceBundle text, String key, MarketQuotes quotes,
                                                            Function<SessionQuote, Double> value) {
        TableColumn<WatchlistRow, Double> c = new TableColumn<>(text.getString(key));
        c.setPrefWidth(95);
        c.setMinWidth(80);
        c.setEditable(false);
        c.getStyleClass().add("number-column");
        c.setComparator(emptiesLast(c));
        c.setCellValueFactory(f -> Bindings.createObjectBinding(() -> {
            SessionQuote q = quotes.quotes().get(f.getValue().symbol());
            return q == null ? null : value.apply(q);
        }, quotes.quotes()));
        return c;
    }

    /**
     * Orders figures by value with the rows that have none (no bars cached) last, ascending and descending alike:
     * the table reverses a column's comparator for a descending sort, so the empties' side is flipped with it.
     */
    static <T extends Comparable<T>> Comparator<T> emptiesLast(TableColumn<?, T> column) {
        return (a, b) -> {
            if (a == null || b == null) {
                int last = column.getSortType() == TableColumn.SortType.DESCENDING ? -1 : 1;
                return a == b ? 0 : a == null ? last : -last;
            }
            return a.compareTo(b);
        };
    }

    private static javafx.util.Callback<TableColumn<WatchlistRow, Double>, TableCell<WatchlistRow, Double>> cells(
            Function<Double, String> format, boolean signed) {
        return col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? Cells.NONE : format.apply(v));
                // The theme's colours for up and down, looked up so light and dark each get theirs.
                boolean coloured = !empty && v != null && signed && v != 0;
                setStyle(coloured ? "-fx-text-fill: " + (v > 0 ? "-color-success-fg" : "-color-danger-fg") : null);
            }
        };
    }

    private static List<String> symbols(TableView<WatchlistRow> table) {
        return table.getItems().stream().map(WatchlistRow::symbol).toList();
    }

    private static TableCell<?, ?> cellOf(Node node) {
        Node n = node;
        while (n != null && !(n instanceof TableCell)) {
            n = n.getParent();
        }
        return (TableCell<?, ?>) n;
    }
}
