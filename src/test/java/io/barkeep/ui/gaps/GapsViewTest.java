package io.barkeep.ui.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.barkeep.source.Cancellation;
import io.barkeep.sync.Settings;
import io.barkeep.sync.SyncProgress;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import io.barkeep.ui.common.Navigator;
import io.barkeep.ui.common.UiState;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The heatmap in a real (headless) window: a click opens the chart at the session, a drag selects cells. */
@ExtendWith(ApplicationExtension.class)
class GapsViewTest {
    private static final Instant NOW = Instant.parse("2024-03-20T18:00:00Z");
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 12);

    @TempDir
    Path dir;
    private FxUiExecutor ui;
    private AppServices services;
    private HeatmapView heatmap;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        ui = new FxUiExecutor("test-io", 2);
        services = new AppServices(dir, Settings.defaults(), ui, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        services.engine().watchlist().add("MSFT", 1, null, NOW);
        services.data().backfill(List.of("MSFT"), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 15),
                SyncProgress.NONE, Cancellation.none());
        Navigator navigator = new Navigator() {
            @Override
            public void show(View view) {
            }

            @Override
            public void openChart(String symbol, LocalDate date) {
                opened.add(symbol + " " + date);
            }
        };
        GapsController controller = new GapsController(services, new UiState(), navigator);
        stage.setScene(new Scene(new ViewLoader(Map.of(GapsController.class, () -> controller))
                .load(GapsController.class), 1100, 500));
        stage.show();
        heatmap = (HeatmapView) stage.getScene().lookup(".heatmap");
    }

    @AfterEach
    void close() {
        services.close();
        ui.close();
    }

    private Point2D onScreen(LocalDate date) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heatmap.modelProperty().get().rows() == 1);
        return WaitForAsyncUtils.asyncFx(() -> heatmap.localToScreen(heatmap.cellCenter("MSFT", date))).get();
    }

    @Test
    void clickingACellOpensTheChartAtThatSession(FxRobot robot) throws Exception {
        robot.clickOn(onScreen(TUESDAY));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertEquals(List.of("MSFT 2024-03-12"), opened);
    }

    @Test
    void draggingAcrossCellsSelectsThemWithoutOpeningTheChart(FxRobot robot) throws Exception {
        Point2D from = onScreen(LocalDate.of(2024, 3, 11));
        Point2D to = onScreen(LocalDate.of(2024, 3, 15));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heatmap.selectionProperty().get().size() == 5);
        assertEquals(true, heatmap.selectionProperty().get().contains(new CellKey("MSFT", TUESDAY)));
        assertEquals(List.of(), opened);
    }
}
