package io.barkeep.ui.freshness;

import io.barkeep.domain.Session;
import io.barkeep.ui.freshness.Thresholds.Level;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/**
 * Table cells for freshness figures, shared by the freshness table and the watchlist: times in New York, numbers
 * right-aligned and grouped, and a threshold's CSS class ({@code level-amber}, {@code level-red}) on the cell.
 * The column keeps the raw value, so sorting stays numeric or chronological whatever the text shows.
 */
public final class Cells {
    /** Shown for "nothing yet". */
    public static final String NONE = "\u2014";
    public static final DateTimeFormatter NEW_YORK_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
            Locale.ROOT).withZone(Session.NEW_YORK);
    public static final DateTimeFormatter NEW_YORK_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(Session.NEW_YORK);

    private Cells() {
    }

    /** Whole numbers with grouping ({@code 12,345}). */
    public static String count(Number n) {
        return String.format(Locale.US, "%,d", n.longValue());
    }

    /** Percent with one decimal, never rounded up to a whole 100 it has not reached. */
    public static String percent(Double p) {
        return java.math.BigDecimal.valueOf(p).setScale(1, java.math.RoundingMode.DOWN).toPlainString();
    }

    /** A cell showing {@code format(value)}, or a dash for null, with no threshold. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(Function<T, String> format,
                                                                            String... styleClasses) {
        return levelled(format, v -> Level.OK, styleClasses);
    }

    /** Times in New York ({@code 2024-06-03 15:55}). */
    public static <S> Callback<TableColumn<S, Instant>, TableCell<S, Instant>> time(DateTimeFormatter format) {
        return text(format::format, "time-cell");
    }

    /** A right-aligned number coloured by {@code level}. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> number(Function<T, String> format,
                                                                              Function<T, Level> level) {
        return levelled(format, level, "number-cell");
    }

    private static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> levelled(Function<T, String> format,
                                                                                Function<T, Level> level,
                                                                                String... styleClasses) {
        return column -> new TableCell<>() {
            {
                getStyleClass().addAll(styleClasses);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                // Cells are reused for other rows: the previous row's verdict must go.
                getStyleClass().removeAll(Level.AMBER.styleClass(), Level.RED.styleClass());
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    setText(NONE);
                } else {
                    setText(format.apply(item));
                    Level l = level.apply(item);
                    if (l != Level.OK) {
                        getStyleClass().add(l.styleClass());
                    }
                }
            }
        };
    }
}
