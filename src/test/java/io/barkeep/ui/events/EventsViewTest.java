package io.barkeep.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.domain.SafetyEvent;
import io.barkeep.sync.Settings;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
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

/** The events view in a real window: it loads in the background, and choosing a kind filters the table. */
@ExtendWith(ApplicationExtension.class)
class EventsViewTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;

    @BeforeAll
    static void recordEvents() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        String[][] events = {{"vendor_retry", "AAPL"}, {"vendor_gave_up", "MSFT"}, {"vendor_retry", "NVDA"},
                {"rejected_bars", "AAPL"}};
        for (int i = 0; i < events.length; i++) {
            services.engine().events().record(new SafetyEvent(NOW.minusSeconds(60L * i), events[i][0], events[i][1],
                    "thetadata", null, null, events[i][0] + " on " + events[i][1]));
        }
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
                .load(EventsController.class), 1000, 600));
        stage.show();
    }

    @Test
    void choosingAKindShowsOnlyThatKind(FxRobot robot) throws Exception {
        TableView<SafetyEvent> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        robot.clickOn("#kindBox");
        // The choice in the drop-down, not the table's cells that read the same.
        robot.clickOn(robot.lookup(".list-cell").<ListCell<String>>match(c -> "vendor_retry".equals(c.getText()))
                .<ListCell<String>>query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertEquals(List.of("AAPL", "NVDA"), table.getItems().stream().map(SafetyEvent::symbol).toList());
        ComboBox<String> kinds = robot.lookup("#kindBox").queryComboBox();
        assertEquals("vendor_retry", kinds.getValue());
        robot.interact(() -> kinds.setValue(EventsViewModel.ALL));
        assertEquals(4, table.getItems().size());
    }
}
