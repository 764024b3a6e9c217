package io.barkeep.ui.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.CorporateAction;
import io.barkeep.sync.Settings;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.app.ViewLoader;
import io.barkeep.ui.common.FxUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DatePicker;
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

/** The actions window for real: it lists what the store holds, adds by hand, refuses a bad ratio, removes. */
@ExtendWith(ApplicationExtension.class)
class ActionsViewTest {
    private static final Instant NOW = Instant.parse("2024-07-01T20:30:00Z");

    @TempDir
    static Path folder;
    private static FxUiExecutor io;
    private static AppServices services;

    @BeforeAll
    static void storeOne() {
        io = new FxUiExecutor("test-io", 2);
        services = new AppServices(folder, Settings.defaults(), io, Clock.fixed(NOW, ZoneOffset.UTC));
        services.start().join();
        services.engine().actions().store(List.of(CorporateAction.split("NVDA", LocalDate.of(2024, 6, 10), 10, 1,
                "demo", NOW)));
    }

    @AfterAll
    static void close() {
        services.close();
        io.close();
    }

    @Start
    void start(Stage stage) {
        new ActionsWindow(services).show(null);
    }

    @Test
    void listsAddsRefusesABadRatioAndRemoves(FxRobot robot) throws Exception {
        TableView<CorporateAction> table = robot.lookup("#table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(a -> a.symbol().equals("NVDA")));
        int before = table.getItems().size();
        assertEquals("demo", table.getItems().stream().filter(a -> a.symbol().equals("NVDA")).findFirst()
                .orElseThrow().source());

        robot.clickOn("#symbolField").write("odd");
        robot.clickOn("#valueField").write("1046-1000");
        DatePicker date = robot.lookup("#exDatePicker").query();
        robot.interact(() -> date.setValue(LocalDate.of(2024, 5, 1)));
        robot.clickOn("#addButton");
        Label error = robot.lookup("#errorLabel").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> error.getText().contains("new:old"));
        assertEquals(before, table.getItems().size(), "nothing stored from a bad ratio");

        robot.doubleClickOn("#valueField").eraseText(9).write("1046:1000");
        robot.clickOn("#addButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == before + 1);
        CorporateAction added = table.getItems().stream().filter(a -> a.symbol().equals("ODD")).findFirst()
                .orElseThrow();
        assertEquals("1046:1000", added.value());
        assertEquals("manual", added.source());
        assertEquals(NOW, added.learntAt());

        robot.interact(() -> table.getSelectionModel().select(added));
        robot.clickOn("#removeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == before);
        assertTrue(services.engine().actions().of("ODD").isEmpty());
    }

    @Test
    void importsACsvFileAndCountsRejectedRows(FxRobot robot) throws Exception {
        Path csv = Files.writeString(folder.resolve("a.csv"), "symbol,ex_date,kind,ratio|amount\n"
                + "AAPL,2024-05-10,dividend,0.25\nAAPL,2024-05-10,split,x\n");
        ActionsViewModel model = new ActionsViewModel(services, ViewLoader.bundle(
                ActionsController.class));
        robot.interact(() -> model.importFile(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.messageProperty().get().contains("1 rows"));
        assertTrue(model.messageProperty().get().startsWith("a.csv: 1 new"), model.messageProperty().get());
        assertEquals(1, services.engine().actions().of("AAPL").size(), "the bad row stored nothing");
    }
}
