package io.barkeep.ui.chart;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextFormatter;

/**
 * Makes an editable combo box a searchable list of symbols: typing narrows the list to the symbols containing the
 * text (upper-cased as typed), Enter or a click picks one, and a ticker not in the list is accepted too (the
 * caller validates it). The box shows the chart's symbol again whenever the list is replaced.
 */
final class SymbolPicker {
    private final ComboBox<String> box;
    private final FilteredList<String> filtered;
    /** Set while this class puts text in the editor itself, so that does not count as the user's search. */
    private boolean setting;
    /** The symbol the chart shows, as last put in the box. */
    private String shown;

    SymbolPicker(ComboBox<String> box, ObservableList<String> symbols, Consumer<String> pick) {
        this.box = box;
        this.filtered = new FilteredList<>(symbols);
        box.setItems(filtered);
        box.setVisibleRowCount(12);
        box.getEditor().setTextFormatter(new TextFormatter<String>(change -> {
            change.setText(change.getText().toUpperCase(Locale.ROOT));
            return change;
        }));
        box.getEditor().textProperty().addListener((obs, was, now) -> search(now));
        box.setOnAction(e -> {
            String value = box.getValue();
            if (!setting && value != null && !value.isBlank()) {
                pick.accept(value);
            }
        });
        // A new list may clear the box's value (its selection goes with the old items): put the chart's symbol back,
        // unless someone is typing in it.
        symbols.addListener((ListChangeListener<String>) c -> {
            if (!box.getEditor().isFocused()) {
                show(shown);
            }
        });
    }

    private void search(String text) {
        if (setting || !box.getEditor().isFocused()) {
            return;
        }
        String typed = text == null ? "" : text;
        String q = typed.trim().toUpperCase(Locale.ROOT);
        int caret = box.getEditor().getCaretPosition();
        setting = true;
        try {
            filtered.setPredicate(q.isEmpty() ? null : s -> s.contains(q));
            if (!filtered.isEmpty() && !box.isShowing()) {
                box.show();
            } else if (filtered.isEmpty()) {
                box.hide();
            }
            // The combo box puts its value's text back into the editor when the list under it changes: the
            // user's search stays what they typed.
            if (!typed.equals(box.getEditor().getText())) {
                box.getEditor().setText(typed);
                box.getEditor().positionCaret(Math.min(caret, typed.length()));
            }
        } finally {
            setting = false;
        }
    }

    /** Shows {@code symbol} in the box with the whole list behind it, without picking anything. */
    void show(String symbol) {
        shown = symbol;
        setting = true;
        try {
            filtered.setPredicate(null);
            box.setValue(symbol);
            box.getEditor().setText(symbol == null ? "" : symbol);
        } finally {
            setting = false;
        }
    }
}
