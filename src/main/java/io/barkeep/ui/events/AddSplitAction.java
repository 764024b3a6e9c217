package io.barkeep.ui.events;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.domain.Session;
import io.barkeep.store.SplitWatch;
import io.barkeep.ui.actions.SuspectedSplits;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.common.UiState;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

/**
 * "Add this split" on a {@code suspected_split} event: the event names the symbol and the session; what the held
 * bars say of that session now gives the ratio, and the split is stored (source manual). Reads and the chart are
 * adjusted for it from then on.
 */
final class AddSplitAction {
    private final AppServices services;
    private final UiState state;
    private final ResourceBundle texts;
    private final Label result;
    /** Set while one split is being stored: the button waits for it. */
    private final BooleanProperty busy = new SimpleBooleanProperty();

    AddSplitAction(AppServices services, UiState state, ResourceBundle texts, Label result) {
        this.services = services;
        this.state = state;
        this.texts = texts;
        this.result = result;
    }

    /** The button acts on the selected event, and only on a suspected split. */
    void bind(Button button, ReadOnlyObjectProperty<SafetyEvent> selected) {
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || !applies(selected.get()), selected, busy));
        button.setOnAction(e -> add(selected.get()));
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
    }

    static boolean applies(SafetyEvent e) {
        return e != null && SplitWatch.KIND.equals(e.kind()) && e.symbol() != null && e.rangeFrom() != null;
    }

    private void add(SafetyEvent e) {
        if (!applies(e)) {
            return;
        }
        String symbol = e.symbol();
        LocalDate date = e.rangeFrom().atZone(Session.NEW_YORK).toLocalDate();
        busy.set(true);
        services.ui().load(() -> SuspectedSplits.on(services.engine(), symbol, date)
                .map(s -> SuspectedSplits.add(services.engine(), s, services.clock())), added -> {
                    busy.set(false);
                    result.setText(added.map(a -> MessageFormat.format(texts.getString("events.splitAdded"),
                            a.describe())).orElse(MessageFormat.format(texts.getString("events.splitNotSuspected"),
                            symbol, date.toString())));
                    added.ifPresent(a -> state.dataChanged());
                }, error -> {
                    busy.set(false);
                    result.setText(MessageFormat.format(texts.getString("events.splitFailed"), symbol,
                            date.toString(), error.getMessage()));
                });
    }
}
