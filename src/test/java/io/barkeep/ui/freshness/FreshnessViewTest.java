package io.barkeep.ui.freshness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import atlantafx.base.theme.PrimerLight;
import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.SameThreadUiExecutor;
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
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The freshness table in a real (headless) window sorts by a numeric column when its header is clicked. */
@ExtendWith(ApplicationExtension.class)
class FreshnessViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-08T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private FxUiExecutor io;
    private AppServices services;

    /** Three symbols with 0, 5 and 20 sessions cached, filled before any window opens. */
    @BeforeAll
    static void seed() {
        try (AppServices seed = new AppServices(dir, Settings.defaults(), new SameThreadUiExecutor(), CLOCK)) {
            seed.start().join();
            seed.data().backfill(List.of("MSFT"), LocalDate.of(2024, 5, 10), LocalDate.of(2024, 6, 7),
                    SyncProgress.NONE, Cancellation.none());
            seed.data().backfill(List.of("AAPL"), LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 7),
                    SyncProgress.NONE, Cancellation.none());
            seed.engine().watchlist().add("TSLA", 0, null, CLOCK.instant());
        }
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), io, CLOCK);
        services.start();
        FreshnessController controller = new FreshnessController(services, new UiState(), new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
            }
        });
        stage.setScene(new Scene(new ViewLoader(Map.of(FreshnessController.class, () -> controller))
                .load(FreshnessController.class), 1400, 500));
        stage.show();
    }

    @AfterEach
    void stop() {
        services.close();
        io.close();
    }

    private static List<String> symbols(TableView<FreshnessRow> table) {
        return table.getItems().stream().map(FreshnessRow::symbol).toList();
    }

    @Test
    void clickingTheBarsHeaderSortsByBarCountAsNumbers(FxRobot robot) throws TimeoutException {
        TableView<FreshnessRow> table = robot.lookup(".freshness-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        assertEquals(List.of("AAPL", "MSFT", "TSLA"), symbols(table), "by symbol before any sort");

        Labeled barsHeader = robot.lookup(".column-header .label").<Labeled>match(l -> "Bars held".equals(((Labeled) l)
                .getText())).query();
        robot.clickOn(barsHeader);
        assertEquals(List.of("TSLA", "AAPL", "MSFT"), symbols(table), "fewest bars first");
        robot.clickOn(barsHeader);
        assertEquals(List.of("MSFT", "AAPL", "TSLA"), symbols(table), "most bars first");
    }
}
