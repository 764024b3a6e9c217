package io.barkeep.ui.actions;

import io.barkeep.domain.CorporateAction;
import io.barkeep.source.csv.ActionCsv;
import io.barkeep.store.ActionRepository.StoreResult;
import io.barkeep.ui.app.AppServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The known splits and dividends, with source and date learnt: loaded, added, removed and imported in the
 * background (the FX thread never waits on the database), filtered in memory by symbol.
 */
public final class ActionsViewModel {
    private final AppServices services;
    private final ResourceBundle text;
    private final ObservableList<CorporateAction> actions = FXCollections.observableArrayList();
    private final FilteredList<CorporateAction> shown = new FilteredList<>(actions);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public ActionsViewModel(AppServices services, ResourceBundle text) {
        this.services = services;
        this.text = text;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String f = filter.get() == null ? "" : filter.get().strip().toUpperCase(Locale.ROOT);
            return a -> f.isEmpty() || a.symbol().startsWith(f);
        }, filter));
    }

    /** Reloads every action in the background; call on the FX thread. */
    public void refresh() {
        services.ready().whenComplete((x, e) -> services.ui().onFx(() -> services.ui().load(
                () -> services.engine().actions().all(), actions::setAll, this::failed)));
    }

    /** Adds (or corrects) one action typed by hand; a bad field is one line in {@link #errorProperty()}. */
    public void add(String symbol, CorporateAction.Kind kind, String value, LocalDate exDate) {
        CorporateAction action;
        try {
            if (exDate == null) {
                throw new IllegalArgumentException(text.getString("actions.error.date"));
            }
            action = ActionCsv.parse(symbol == null ? "" : symbol, exDate.toString(), kind.label(),
                    value == null ? "" : value, "manual", services.clock().instant());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        write(() -> services.engine().actions().store(List.of(action)),
                r -> MessageFormat.format(text.getString("actions.added"), action.describe()));
    }

    public void remove(CorporateAction a) {
        write(() -> services.engine().actions().remove(a.symbol(), a.exDate(), a.kind()),
                r -> MessageFormat.format(text.getString("actions.removed"), a.describe()));
    }

    /** Imports a CSV file ({@code symbol,ex_date,kind,ratio|amount}); rejected rows are counted and shown. */
    public void importFile(Path file) {
        write(() -> {
            ActionCsv.Result parsed = ActionCsv.read(Files.readString(file, StandardCharsets.UTF_8),
                    services.clock().instant());
            StoreResult r = services.engine().actions().store(parsed.actions());
            return new Imported(r, parsed.rejected());
        }, r -> MessageFormat.format(text.getString("actions.imported"), file.getFileName(), r.result().added(),
                r.result().corrected(), r.rejected().size())
                + (r.rejected().isEmpty() ? "" : " " + r.rejected().get(0)));
    }

    private <T> void write(java.util.concurrent.Callable<T> work, java.util.function.Function<T, String> done) {
        error.set("");
        services.ui().load(work, r -> {
            message.set(done.apply(r));
            refresh();
        }, this::failed);
    }

    private void failed(Throwable t) {
        error.set(String.valueOf(t.getMessage()));
    }

    public ObservableList<CorporateAction> shownActions() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    private record Imported(StoreResult result, List<String> rejected) {
    }
}
