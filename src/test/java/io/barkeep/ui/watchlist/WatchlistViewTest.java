package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
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
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The watchlist view in a real (headless) window: typing a symbol and pressing Enter adds it to the table. */
@ExtendWith(ApplicationExtension.class)
class WatchlistViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-08T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private FxUiExecutor io;
    private AppServices services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), io, CLOCK);
        services.start();
        WatchlistController controller = new WatchlistController(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        });
        stage.setScene(new Scene(new ViewLoader(Map.of(WatchlistController.class, () -> controller))
                .load(WatchlistController.class), 1100, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        services.jobs().awaitIdle();
        services.close();
        io.close();
    }

    @Test
    void typingASymbolAndPressingEnterAddsItToTheTable(FxRobot robot) throws TimeoutException {
        TableView<WatchlistRow> table = robot.lookup(".watchlist-table").queryTableView();
        robot.clickOn(".add-field").write("nvda").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.symbol().equals("NVDA")));
        assertEquals("NVDA", table.getSelectionModel().getSelectedItem().symbol(), "the new row is selected");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedItem().barsProperty()
                .get() > 0);
        assertTrue(robot.lookup(".add-info").queryLabeled().getText().startsWith("Added NVDA"));
    }

    @Test
    void inANarrowWindowEveryColumnKeepsItsWidthAndTheTableScrolls(FxRobot robot) throws TimeoutException {
        TableView<WatchlistRow> table = robot.lookup(".watchlist-table").queryTableView();
        robot.clickOn(".add-field").write("AAPL").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        // the view's share of a 1024 px window, beside the navigation
        robot.interact(() -> stage.setWidth(830));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> squeezed = table.getColumns().stream().filter(c -> c.getWidth() < c.getMinWidth() - 0.5)
                .map(c -> c.getText() + " " + c.getWidth()).toList();
        assertEquals(List.of(), squeezed, "no column is squeezed out of sight");
        double total = table.getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(total > table.getWidth(), "wider than the table: it scrolls to the coverage columns");
        ScrollBar horizontal = robot.lookup(".watchlist-table .scroll-bar").<ScrollBar>match(
                b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).query();
        assertTrue(horizontal.isVisible(), "a horizontal scroll bar reaches them");
    }

    @Test
    void deleteAsksAndThenRemovesTheSelectedRow(FxRobot robot) throws TimeoutException {
        TableView<WatchlistRow> table = robot.lookup(".watchlist-table").queryTableView();
        robot.clickOn(".add-field").write("AAPL MSFT").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
        String doomed = table.getSelectionModel().getSelectedItem().symbol();
        robot.interact(table::requestFocus);
        robot.type(KeyCode.DELETE);
        Button remove = robot.lookup(".dialog-pane .button").<Button>match(b -> "Remove".equals(b.getText())).query();
        robot.clickOn(remove);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertTrue(table.getItems().stream().noneMatch(r -> r.symbol().equals(doomed)));
    }
}
