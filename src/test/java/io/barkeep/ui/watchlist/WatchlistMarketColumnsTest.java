package io.barkeep.ui.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import io.barkeep.domain.Bar;
import io.barkeep.domain.Session;
import io.barkeep.store.BarBatch;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
 * The watchlist's market columns in a real window, over bars whose figures are worked out by hand: last price,
 * change and % change since the previous session's close, today's volume; sorting by a column; a double-click
 * opening the chart.
 */
@ExtendWith(ApplicationExtension.class)
class WatchlistMarketColumnsTest {
    private static final Instant NOW = Instant.parse("2024-03-15T21:00:00Z");
    private static final LocalDate THURSDAY = LocalDate.of(2024, 3, 14);
    private static final LocalDate FRIDAY = LocalDate.of(2024, 3, 15);

    @TempDir
    Path dir;
    private FxUiExecutor io;
    private AppServices services;
    private TableView<WatchlistRow> table;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        // AAPL: Thursday closes at 100.00; Friday trades 101.00 then 102.00 on 1,000 + 2,000 shares.
        // Change +2.00, +2.00 % (2 / 100), volume 3,000.
        write("AAPL", THURSDAY, List.of(990_000L, 1_000_000L), 5_000);
        write("AAPL", FRIDAY, List.of(1_010_000L, 1_020_000L), 1_000, 2_000);
        // MSFT: Thursday closes at 400.00; Friday at 390.00 on 500 shares. Change -10.00, -2.50 % (10 / 400).
        write("MSFT", THURSDAY, List.of(4_000_000L), 700);
        write("MSFT", FRIDAY, List.of(3_900_000L), 500);
        // NVDA: nothing cached, so no figures (a dash): it sorts last whichever way a market column sorts
        for (String symbol : List.of("AAPL", "MSFT", "NVDA")) {
            services.engine().watchlist().add(symbol, 1, null, NOW);
        }
        WatchlistController controller = new WatchlistController(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
                opened.add(symbol + " " + date);
            }
        });
        stage.setScene(new Scene(new ViewLoader(Map.of(WatchlistController.class, () -> controller))
                .load(WatchlistController.class), 1200, 600));
        stage.show();
    }

    /** Bars from the session's open, one per close, with the given volumes (the last one repeats). */
    private void write(String symbol, LocalDate date, List<Long> closes, long... volumes) {
        Session s = services.engine().bars().calendar().session(date).orElseThrow();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.size(); i++) {
            long c = closes.get(i);
            bars.add(Bar.of(s.open().plusSeconds(300L * i), c, c, c, c, volumes[Math.min(i, volumes.length - 1)]));
        }
        services.engine().bars().write(BarBatch.of(symbol, bars));
    }

    @AfterEach
    void stop() {
        services.jobs().awaitIdle();
        services.close();
        io.close();
    }

    @Test
    void showsTheFiguresSortsByAColumnAndADoubleClickOpensTheChart(FxRobot robot) throws Exception {
        table = robot.lookup(".watchlist-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "102.00".equals(text("AAPL", "Last")));
        assertEquals(List.of("102.00", "+2.00", "+2.00%", "3,000"), figures("AAPL"));
        assertEquals(List.of("390.00", "-10.00", "-2.50%", "500"), figures("MSFT"));
        assertEquals("\u2014", text("NVDA", "Last"));

        robot.clickOn(header("Change %"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("MSFT", "AAPL", "NVDA"), rows(), "ascending: -2.50 % before +2.00 %, no figures last");
        robot.clickOn(header("Change %"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), rows(), "descending: +2.00 % first, no figures still last");
        robot.clickOn(header("Volume today"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("MSFT", "AAPL", "NVDA"), rows(), "ascending: 500 before 3,000");
        robot.clickOn(header("Volume today"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), rows(), "descending: 3,000 first, no figures last");
        for (String column : List.of("Last", "Change")) {
            robot.clickOn(header(column));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("NVDA", rows().get(2), column + " ascending: no figures last");
            robot.clickOn(header(column));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("NVDA", rows().get(2), column + " descending: no figures last");
        }

        robot.doubleClickOn(cell("MSFT", "Last"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("MSFT " + FRIDAY), opened);
    }

    /** The symbols in the table's order (NVDA has no bars cached: no figures). */
    private List<String> rows() {
        return table.getItems().stream().map(WatchlistRow::symbol).toList();
    }

    private List<String> figures(String symbol) {
        return List.of(text(symbol, "Last"), text(symbol, "Change"), text(symbol, "Change %"),
                text(symbol, "Volume today"));
    }

    private String text(String symbol, String column) {
        TableCell<?, ?> c = cell(symbol, column);
        return c == null ? null : c.getText();
    }

    private TableCell<?, ?> cell(String symbol, String column) {
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                    && column.equals(c.getTableColumn().getText()) && c.getTableRow() != null
                    && c.getTableRow().getItem() instanceof WatchlistRow row && row.symbol().equals(symbol)) {
                return c;
            }
        }
        return null;
    }

    private Node header(String column) {
        TableColumn<?, ?> c = table.getColumns().stream().filter(t -> t.getText().equals(column)).findFirst()
                .orElseThrow();
        return table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() == c)
                .findFirst().orElseThrow();
    }
}
