package io.barkeep.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.CorporateAction;
import io.barkeep.domain.SafetyEvent;
import io.barkeep.source.Cancellation;
import io.barkeep.store.SplitWatch;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Events view offers "Add this split" on a suspected split: the demo feed's NVDA bars jump 10:1 on 2024-06-10
 * and no split is known, so the write raises the event; one click stores the split (source manual).
 */
@ExtendWith(ApplicationExtension.class)
class EventsAddSplitTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-20T22:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate SPLIT = LocalDate.of(2024, 6, 10);

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;

    @BeforeAll
    static void backfillWithoutActions() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, CLOCK);
        services.start().join();
        services.data().backfill(List.of("NVDA"), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 14),
                SyncProgress.NONE, Cancellation.none());
        services.engine().events().record(new SafetyEvent(CLOCK.instant(), "vendor_retry", "NVDA", "demo", null,
                null, "another kind of event"));
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        Navigator nowhere = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        };
        UiState state = new UiState();
        state.viewProperty().set(Navigator.View.EVENTS);
        EventsController controller = new EventsController(services, state, nowhere);
        stage.setScene(new Scene(new ViewLoader(Map.of(EventsController.class, () -> controller))
                .load(EventsController.class), 1100, 600));
        stage.show();
    }

    @Test
    void addThisSplitStoresTheSuspectedSplitOfTheSelectedEvent(FxRobot robot) throws Exception {
        TableView<SafetyEvent> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(e -> e.kind().equals(SplitWatch.KIND)));
        SafetyEvent suspected = table.getItems().stream().filter(e -> e.kind().equals(SplitWatch.KIND)).findFirst()
                .orElseThrow();
        assertTrue(suspected.message().contains("10:1"), suspected.message());
        Button add = robot.lookup("#addSplitButton").queryButton();
        SafetyEvent other = table.getItems().stream().filter(e -> e.kind().equals("vendor_retry")).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(other));
        assertTrue(add.isDisabled(), "only a suspected split can be added");

        robot.interact(() -> table.getSelectionModel().select(suspected));
        robot.clickOn(add);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !services.engine().actions().of("NVDA").isEmpty());
        CorporateAction stored = services.engine().actions().of("NVDA").get(0);
        assertEquals(SPLIT, stored.exDate());
        assertEquals("10:1", stored.value());
        assertEquals("manual", stored.source());
        Label note = robot.lookup("#splitLabel").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> note.getText().contains("10:1"));

        robot.interact(() -> table.getSelectionModel().select(suspected));
        robot.clickOn(add);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> note.getText().contains("no longer"));
        assertEquals(1, services.engine().actions().of("NVDA").size(), "added once");
    }
}
