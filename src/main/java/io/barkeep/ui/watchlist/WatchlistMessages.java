package io.barkeep.ui.watchlist;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The two one-line messages beside the add field: what went wrong (red, next to the input, so a bad symbol is
 * seen where it was typed) and what was done. An action that half worked shows both.
 */
public final class WatchlistMessages {
    private final ResourceBundle text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");

    WatchlistMessages(ResourceBundle text) {
        this.text = text;
    }

    /** Shows the text of {@code key} as the only message. */
    void info(String key, Object... args) {
        show("", format(key, args));
    }

    /** Shows the text of {@code key} as the only message, in red. */
    void error(String key, Object... args) {
        show(format(key, args), "");
    }

    void show(String errorText, String infoText) {
        error.set(errorText);
        info.set(infoText);
    }

    String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.ROOT).format(args);
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }
}
