package io.barkeep.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Interval;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart's own canvas in a real (headless) window over two weeks of made-up 5-minute bars: what the crosshair's
 * time tag and the last-price tag leave readable on the axes, and the PNG export of what is on screen.
 */
@ExtendWith(ApplicationExtension.class)
class ChartCanvasViewTest {
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 600;

    @TempDir
    Path dir;
    private CandleChart chart;
    private ChartData data;

    @Start
    void start(Stage stage) {
        data = ChartData.build(SyntheticChart.full(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 15)),
                Interval.FIVE_MINUTES);
        chart = new CandleChart();
        chart.dataProperty().set(data);
        chart.viewportProperty().set(Viewport.atEnd(data.size(), 3 * 78));
        // A fixed size, whatever size earlier tests left the shared stage at.
        chart.setPrefSize(WIDTH, HEIGHT);
        stage.setScene(new Scene(new Group(chart)));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aColourSetByAStyleIsPaintedFromTheNextFrameOnEachTime(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#1a7f37"), chart.palette().up(), "the default before any style");
        for (Color c : List.of(Color.web("#ff0000"), Color.web("#0000ff"))) {
            int frames = chart.framesProperty().get();
            robot.interact(() -> chart.setStyle("-bk-up-color: " + c.toString().replace("0x", "#") + ";"));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(chart.framesProperty().get() > frames, "repainted for " + c);
            assertEquals(c, chart.palette().up(), "the frame's palette after the style " + c);
        }
    }

    @Test
    void theCrosshairsTimeTagNeverSitsOnAVisibleTimeLabel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ChartLayout l = chart.frame().layout();
        assertTrue(chart.frame().ticks().size() >= 6, "labels to run into: " + chart.frame().ticks());
        int blanked = 0;
        for (double x = 3; x < l.plotWidth(); x += 17) {
            robot.moveTo(chart.localToScreen(new Point2D(x, l.priceTop() + 60)));
            WaitForAsyncUtils.waitForFxEvents();
            Crosshair.TimeTag t = chart.timeTag();
            if (chart.hoverSlotProperty().get() < 0) {
                // right of the newest bar (the margin the chart keeps there): no slot, no time to tag
                assertEquals(null, t);
                continue;
            }
            assertNotNull(t, "a time tag at x = " + x);
            for (Bounds label : t.shown()) {
                assertFalse(t.tag().intersects(label), "x = " + x + ": tag " + t.tag() + " over label " + label);
            }
            // Only the labels next to the tag are blanked: every label of the frame is either shown or under it.
            Bounds near = new BoundingBox(t.tag().getMinX() - Crosshair.TAG_CLEARANCE, t.tag().getMinY(),
                    t.tag().getWidth() + 2 * Crosshair.TAG_CLEARANCE, t.tag().getHeight());
            for (Bounds label : t.hidden()) {
                assertTrue(near.intersects(label), "x = " + x + ": blanked " + label + " far from " + t.tag());
            }
            assertEquals(chart.frame().ticks().stream().filter(k -> ChartAxes.labelShown(k, l)).count(),
                    t.shown().size() + t.hidden().size());
            blanked += t.hidden().size();
        }
        assertTrue(blanked > 0, "the sweep crossed labels, so some were blanked");
        robot.moveTo(chart.localToScreen(new Point2D(l.plotWidth() + 30, l.priceTop() + 60)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, chart.timeTag(), "off the plot: no tag, nothing blanked");
    }

    @Test
    void theCrosshairsPriceTagNeverSitsOnAPriceLabelLeftOnScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ChartPainter.Frame f = chart.frame();
        ChartLayout l = f.layout();
        List<ChartAxes.PriceLabel> onScreen = ChartAxes.priceLabels(f, ChartAxes.lastPriceY(data, f));
        assertTrue(onScreen.size() >= 4, "labels to run into: " + onScreen);
        int blanked = 0;
        for (double y = l.priceTop() + 2; y < l.priceBottom(); y += 3) {
            double cy = Math.floor(y) + 0.5;
            Bounds tag = ChartAxes.tagBounds(l, cy);
            List<ChartAxes.PriceLabel> under = Crosshair.priceLabelsUnder(f, data, cy);
            for (ChartAxes.PriceLabel label : onScreen) {
                Bounds text = textBounds(label.text(), l.plotWidth() + 8, label.y());
                assertTrue(under.contains(label) || !tag.intersects(text), "y = " + cy + ": tag over " + label);
                // a blanked label is one the tag touches or all but touches (within 3 px), not one further off
                Bounds near = new BoundingBox(tag.getMinX(), tag.getMinY() - 3, tag.getWidth(), tag.getHeight() + 6);
                assertTrue(!under.contains(label) || near.intersects(text), "y = " + cy + ": blanked " + label);
            }
            blanked += under.size();
        }
        assertTrue(blanked > 0, "the sweep crossed labels, so some were blanked");
    }

    @Test
    void theLastPriceTagCoversNoPriceLabel(FxRobot robot) {
        int suppressed = 0;
        int tagged = 0;
        for (int count = 20; count <= 10 * 78; count += 7) {
            Viewport v = Viewport.atEnd(data.size(), count);
            robot.interact(() -> {
                chart.viewportProperty().set(v);
                chart.repaint();
            });
            ChartPainter.Frame f = chart.frame();
            double tagY = ChartAxes.lastPriceY(data, f);
            if (Double.isNaN(tagY)) {
                continue;
            }
            tagged++;
            Bounds tag = ChartAxes.tagBounds(f.layout(), tagY);
            List<ChartAxes.PriceLabel> labels = ChartAxes.priceLabels(f, tagY);
            for (ChartAxes.PriceLabel label : labels) {
                Bounds b = textBounds(label.text(), f.layout().plotWidth() + 8, label.y());
                assertFalse(tag.intersects(b), count + " slots: tag " + tag + " over label " + label);
            }
            suppressed += ChartAxes.priceLabels(f, Double.NaN).size() - labels.size();
        }
        assertTrue(tagged > 50, "the newest close was on the price pane: " + tagged);
        assertTrue(suppressed > 0, "some zoom put a round price under the tag, and its label was left out");
    }

    @Test
    void thePngExportIsTheChartAsShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = chart.snapshot(null, null));
        Path file = dir.resolve("chart.png");
        ChartExport.png(shot[0], file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertNotNull(png, "a PNG that decodes");
        assertEquals(WIDTH, png.getWidth());
        assertEquals(HEIGHT, png.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 2) {
            for (int x = 0; x < png.getWidth(); x += 2) {
                colours.add(png.getRGB(x, y));
            }
        }
        ChartPalette p = ChartPalette.defaults();
        assertTrue(colours.contains(argb(p.up())) && colours.contains(argb(p.down())),
                "up and down candles in their colours");
        assertTrue(colours.size() > 20, "not blank: " + colours.size() + " colours");
    }

    private static Bounds textBounds(String text, double left, double centreY) {
        Text t = new Text(text);
        t.setFont(ChartPainter.FONT);
        double h = t.getLayoutBounds().getHeight();
        return new BoundingBox(left, centreY - h / 2, t.getLayoutBounds().getWidth(), h);
    }

    private static int argb(javafx.scene.paint.Paint paint) {
        javafx.scene.paint.Color c = (javafx.scene.paint.Color) paint;
        return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }
}
