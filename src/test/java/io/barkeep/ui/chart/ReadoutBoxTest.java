package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A readout in a {@link ReadoutBox}, in a real window: a new text lays out the label alone (the view above it
 * stays laid out), the label spans the view's width at its own height as before, and a readout whose managed flag
 * follows its text (the study readout) takes no room while empty.
 */
@ExtendWith(ApplicationExtension.class)
class ReadoutBoxTest {
    private VBox view;
    private Label readout;
    private Label studies;
    private Region chart;

    @Start
    void start(Stage stage) {
        readout = new Label("");
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setStyle("-fx-font-family: monospace; -fx-padding: 2 4 0 4; -fx-min-height: 1.6em;");
        studies = new Label("");
        studies.visibleProperty().bind(studies.textProperty().isNotEmpty());
        studies.managedProperty().bind(studies.visibleProperty());
        chart = new Region();
        chart.setPrefSize(600, 300);
        view = new VBox(8, readout, studies, chart);
        ReadoutBox.wrap(readout);
        ReadoutBox.wrap(studies);
        stage.setScene(new Scene(view, 640, 400));
        stage.show();
    }

    @Test
    void aNewTextLaysOutOnlyTheLabel(FxRobot robot) {
        robot.interact(() -> {
            assertSame(ReadoutBox.class, readout.getParent().getClass(), "the label sits in its box");
            assertSame(view, readout.getParent().getParent(), "the box in the label's place");
            readout.setText("Tue 2024-03-12 10:30  O 187.2500  H 188.0000  L 186.9000  C 187.7500  +0.25%");
            assertFalse(view.isNeedsLayout(), "the view is not laid out again for the readout's text");
            assertTrue(readout.isNeedsLayout(), "the label lays its new text out");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(view.getWidth(), readout.getWidth(), 0.5, "the label spans the view");
            // Its own height, which the box rounds up to whole pixels (22.4 becomes 23 in a full run's JVM)
            double own = Math.max(readout.minHeight(-1), readout.prefHeight(-1));
            assertEquals(readout.getParent().getLayoutBounds().getHeight(), readout.getHeight(), 0.01);
            assertTrue(readout.getHeight() >= own - 0.01 && readout.getHeight() < own + 1, own + " is not "
                    + readout.getHeight());
            assertTrue(readout.getHeight() > 10, "one line of text");
        });
    }

    @Test
    void anEmptyStudyReadoutTakesNoRoomAndAFilledOneDoes(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double without = chart.getLayoutY();
        double readoutBottom = readout.getParent().getBoundsInParent().getMaxY();
        assertEquals(readoutBottom + 8, without, 0.5, "the chart right under the readout");
        robot.interact(() -> studies.setText("SMA 20 187.10"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getLayoutY() > without + 8, "the study readout takes its line");
        assertEquals(view.getWidth(), studies.getWidth(), 0.5);
        robot.interact(() -> studies.setText(""));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(without, chart.getLayoutY(), 0.5, "and gives it back");
    }
}
