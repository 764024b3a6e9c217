package io.barkeep.ui.chart;

import io.barkeep.domain.Interval;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * A benchmark, not a test: how long one chart frame takes over three years of 5-minute bars (about 59,000
 * candles), zoomed out to show all of them, and zoomed in to three sessions for comparison. Run it on a real
 * display or under Xvfb:
 * <pre>
 * ./mvnw -q dependency:build-classpath -DincludeScope=test -Dmdep.outputFile=target/cp.txt
 * xvfb-run -a java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.barkeep.ui.chart.ChartFrameBench
 * </pre>
 * "paint" is the frame's work on the FX thread (fold, scale, issue the canvas commands); "paint+render" also
 * makes the canvas rasterize them, by taking a snapshot of the chart (which adds a read-back of the pixels, so
 * it overstates what a screen frame costs).
 */
public final class ChartFrameBench {
    private static final int WIDTH = 1500;
    private static final int HEIGHT = 800;

    private ChartFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long t0 = System.nanoTime();
        ChartSnapshot snapshot = SyntheticChart.full(LocalDate.of(2023, 1, 3), LocalDate.of(2025, 12, 31));
        long t1 = System.nanoTime();
        ChartData data = ChartData.build(snapshot, Interval.FIVE_MINUTES);
        long t2 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            ChartData.build(snapshot, Interval.FIVE_MINUTES);
        }
        long t3 = System.nanoTime();
        ChartData.build(snapshot, Interval.FIVE_MINUTES);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d five-minute bars, %d slots in %d sessions; synthetic bars %.0f ms, "
                        + "ChartData.build first %.1f ms, warm %.1f ms%n", snapshot.bars().size(), data.size(),
                data.sessionCount(), ms(t1 - t0), ms(t2 - t1), ms(t4 - t3));

        CompletableFuture<CandleChart> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            CandleChart chart = new CandleChart();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), WIDTH, HEIGHT));
            stage.show();
            chart.dataProperty().set(data);
            shown.complete(chart);
        });
        CandleChart chart = shown.get();
        report("zoomed out, all " + data.size() + " slots", chart, Viewport.fit(data.size()), runs);
        report("zoomed in, 234 slots (three sessions)", chart, Viewport.atEnd(data.size(), 234), runs);
        Platform.exit();
    }

    private static void report(String name, CandleChart chart, Viewport view, int runs) throws Exception {
        CompletableFuture<double[][]> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            chart.applyCss();
            chart.layout();
            WritableImage image = new WritableImage(WIDTH, HEIGHT);
            double[] paint = new double[runs];
            double[] render = new double[runs];
            int warmup = runs / 4;
            for (int i = -warmup; i < runs; i++) {
                // A one-slot pan each frame, as a drag would do.
                chart.viewportProperty().set(new Viewport(view.first() + (i & 1), view.count()));
                long a = System.nanoTime();
                chart.repaint();
                long b = System.nanoTime();
                chart.snapshot(null, image);
                long c = System.nanoTime();
                if (i >= 0) {
                    paint[i] = ms(b - a);
                    render[i] = ms(c - a);
                }
            }
            result.complete(new double[][] {paint, render});
        });
        double[][] r = result.get();
        System.out.printf(Locale.ROOT, "%-40s paint median %.2f ms (p95 %.2f); paint+render median %.2f ms "
                + "(p95 %.2f) over %d frames%n", name, percentile(r[0], 50), percentile(r[0], 95),
                percentile(r[1], 50), percentile(r[1], 95), runs);
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
