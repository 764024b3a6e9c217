package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.barkeep.source.Cancellation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A watchlist row whose coverage is below a threshold (so its Coverage cell carries an amber or red class), selected
 * and not, in Primer light and dark: every cell's text reads on the background behind it, a contrast ratio of at
 * least 3:1 (WCAG's figure for large or bold text; the threshold cells are bold).
 */
@ExtendWith(ApplicationExtension.class)
class WatchlistSelectionContrastTest {
    private static final Instant NOW = Instant.parse("2024-03-15T20:30:00Z");
    private static final double MINIMUM = 3.0;

    @TempDir
    Path dir;
    private FxUiExecutor io;
    private AppServices services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        services.engine().watchlist().add("MSFT", 1, null, NOW);
        // two stretches with February left out between them: the symbol's coverage falls under the thresholds
        services.data().backfill(List.of("MSFT"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 12),
                SyncProgress.NONE, Cancellation.none());
        services.data().backfill(List.of("MSFT"), LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 15),
                SyncProgress.NONE, Cancellation.none());
    }

    @AfterEach
    void stop() {
        services.jobs().awaitIdle();
        services.close();
        io.close();
    }

    @Test
    void inTheLightTheme(FxRobot robot) throws Exception {
        check(robot, new PrimerLight().getUserAgentStylesheet());
    }

    @Test
    void inTheDarkTheme(FxRobot robot) throws Exception {
        check(robot, new PrimerDark().getUserAgentStylesheet());
    }

    private void check(FxRobot robot, String theme) throws Exception {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(theme);
            WatchlistController controller = new WatchlistController(services, new UiState(), new Navigator() {
                @Override
                public void show(View view) {
                }

                @Override
                public void openChart(String symbol, LocalDate date) {
                }
            });
            stage.setScene(new Scene(new ViewLoader(Map.of(WatchlistController.class, () -> controller))
                    .load(WatchlistController.class), 1600, 500));
            stage.show();
        });
        TableView<WatchlistRow> table = robot.lookup(".watchlist-table").queryTableView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().get(0).coverageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> row = robot.lookup(".table-row-cell").<TableRow<?>>match(r -> r.getIndex() == 0).query();
        List<TableCell<?, ?>> levelled = cells(row).stream().filter(c -> c.getStyleClass().stream()
                .anyMatch(s -> s.startsWith("level-"))).toList();
        assertFalse(levelled.isEmpty(), "the coverage of " + table.getItems().get(0).coverageProperty().get()
                + " % is marked by a threshold class");

        assertEquals(List.of(), unreadable(row), "not selected");
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row.isSelected());
        assertEquals(List.of(), unreadable(row), "selected");
    }

    private static List<String> unreadable(TableRow<?> row) {
        List<String> out = new ArrayList<>();
        for (TableCell<?, ?> cell : cells(row)) {
            if (cell.getText() == null || cell.getText().isEmpty() || !(cell.getTextFill() instanceof Color text)) {
                continue;
            }
            Color back = background(cell);
            double ratio = contrast(text, back);
            if (ratio < MINIMUM) {
                out.add(cell.getText() + " " + cell.getStyleClass() + ": " + text + " on " + back + " = "
                        + String.format("%.2f", ratio));
            }
        }
        return out;
    }

    private static List<TableCell<?, ?>> cells(Parent row) {
        List<TableCell<?, ?>> out = new ArrayList<>();
        for (Node n : row.getChildrenUnmodifiable()) {
            if (n instanceof TableCell<?, ?> cell && n.isVisible()) {
                out.add(cell);
            }
        }
        return out;
    }

    /** The opaque colour painted behind {@code node}: its own topmost fill, else its parents'. */
    private static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region && region.getBackground() != null) {
                List<BackgroundFill> fills = region.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0.5) {
                        return c;
                    }
                }
            }
        }
        return Color.WHITE;
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance. */
    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
