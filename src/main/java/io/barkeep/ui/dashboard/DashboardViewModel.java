package io.barkeep.ui.dashboard;

import io.barkeep.ui.app.AppServices;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The dashboard's state: the latest {@link DashboardStats}, read in the background. A refresh asked for while
 * one runs is remembered and run once after it, so a burst of data changes costs two loads, not a queue of them.
 */
public final class DashboardViewModel {
    private final AppServices services;
    private final DashboardQuery query;
    private final ReadOnlyObjectWrapper<DashboardStats> stats = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean again;

    public DashboardViewModel(AppServices services) {
        this.services = services;
        this.query = new DashboardQuery(services);
        services.nextPassProperty().addListener((o, before, next) -> {
            if (next != null && stats.get() != null) {
                stats.set(stats.get().withNextPass(next));
            }
        });
    }

    /** Reloads the numbers in the background; call on the FX thread. */
    public void refresh() {
        if (loading.get()) {
            again = true;
            return;
        }
        loading.set(true);
        // Views load before the database has opened: wait for it without holding a thread, then read.
        services.ready().whenComplete((x, e) -> services.ui().onFx(this::load));
    }

    private void load() {
        services.ui().load(query::load, loaded -> {
            stats.set(loaded);
            error.set("");
            finished();
        }, failure -> {
            error.set(String.valueOf(failure.getMessage()));
            finished();
        });
    }

    private void finished() {
        loading.set(false);
        if (again) {
            again = false;
            refresh();
        }
    }

    /** The latest numbers, null until the first load is done. */
    public ReadOnlyObjectProperty<DashboardStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last load failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
