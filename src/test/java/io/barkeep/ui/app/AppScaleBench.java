package io.barkeep.ui.app;

import com.sun.javafx.perf.PerformanceTracker;
import eu.hansolo.tilesfx.Tile;
import io.barkeep.store.DataFolder;
import io.barkeep.ui.chart.CandleChart;
import io.barkeep.ui.gaps.HeatmapView;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

/**
 * A benchmark, not a test (never in the default test run): opens the whole desktop app on an existing data folder
 * (made by {@code barkeep --source demo backfill --demo-universe --days 1090}, see the README's "Scale" section)
 * and prints one JSON object: the first frame after the JVM started, each view's time from being opened to
 * showing its data (the watchlist's market figures apart, {@code watchlist_quotes_ms}: they come from a read of
 * their own after the rows), the work per frame while scrolling the gap heatmap and panning the chart, and the
 * resident memory after each view. Run it headless (Monocle, as the UI tests) with the installed launcher's heap
 * options (packaging/app-image.args), under the build lock:
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * BARKEEP_HOME=/path/to/folder java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *     -XX:+UseSerialGC -Xms128m -Xmn24m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) io.barkeep.ui.app.AppScaleBench [SYMBOL]
 * </pre>
 * As {@code java -jar}'s relaunch runs the app (with a class-data sharing archive, which the JVM builds from jars
 * only): {@code ./mvnw -B -o -q package -DskipTests}, {@code (cd target/test-classes && jar cf ../bench-tests.jar .)},
 * then the command above with {@code -cp target/barkeep.jar:MONOCLE_JAR:target/bench-tests.jar} (MONOCLE_JAR: the
 * openjfx-monocle jar named in target/cp.txt) and {@code -Xlog:cds=off,cds+dynamic=off}, once with
 * {@code -XX:ArchiveClassesAtExit=target/bench.jsa} to write the archive and then with
 * {@code -XX:SharedArchiveFile=target/bench.jsa} for the figures.
 * With {@code -Dbarkeep.bench.chartOnly=true} it opens only the chart and pans it (the chart's keys alone, sooner);
 * {@code -Dbarkeep.bench.frames=N} times N input events a figure instead of 120 (more samples for a profiler).
 * The first frame is the first pulse that lays out the window (after {@code start} returned), from the JVM's start.
 * <p>
 * Frame figures (scrolling the heatmap, panning the chart) time what a person waits for between an input and its
 * pixels, in the steps JavaFX takes for it: the input's handling on the FX thread and the runnables it queued (the
 * chart and the heatmap repaint their canvases in a runLater), then the next pulse on the FX thread (CSS of what
 * changed, layout, copying the scene to the render graph), then the render thread rasterizing and presenting that
 * frame (JavaFX's own performance tracker reports when it is presented; the software renderer here, a graphics card
 * on most desktops). Each is printed ({@code _input_ms}, {@code _pulse_ms}, {@code _render_ms}), with the FX
 * thread's share ({@code _fx_ms}: input and pulse) and the whole ({@code _frame_ms}: input, pulse and render). The
 * wait for the pulse's timer between the input's work and the pulse is left out: it is idle time, not work, and a
 * stream of inputs overlaps it. At 60 frames a second each thread's share has to stay under 16.7 ms; the FX thread
 * prepares the next frame while the render thread draws this one, so the whole can be longer without dropping
 * frames, on two free cores. Inputs come one at a time, each after the last one's frame is on screen.
 */
public final class AppScaleBench {
    private static final long TIMEOUT_SECONDS = 300;
    /** Input events per frame figure; {@code -Dbarkeep.bench.frames=N} for more (a profiler's samples). */
    private static final int FRAMES = Integer.getInteger("barkeep.bench.frames", 120);
    /** With {@code -Dbarkeep.bench.chartOnly=true}: opens only the chart and pans it (quicker chart work). */
    private static final String CHART_ONLY = "barkeep.bench.chartOnly";
    /**
     * {@code -Dbarkeep.bench.forceCss=true} makes each input also call the root's {@code applyCss()} and
     * {@code layout()}, as this benchmark did before it timed real pulses: that re-applies CSS to every node of the
     * window (the whole subtree, not only what changed, as a pulse's CSS pass does), work no real frame does. Only
     * to compare with the figures of those runs; it lands in {@code _input_ms}.
     */
    private static final boolean FORCE_CSS = Boolean.getBoolean("barkeep.bench.forceCss");

    private final Map<String, Object> out = new LinkedHashMap<>();
    private Scene scene;
    private BarkeepApp app;

    private AppScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("BARKEEP_HOME") == null) {
            throw new IllegalArgumentException("set BARKEEP_HOME to the data folder to open");
        }
        String symbol = args.length > 0 ? args[0] : "MSFT";
        AppScaleBench bench = new AppScaleBench();
        try {
            bench.run(symbol);
        } catch (Exception | AssertionError e) {
            bench.out.put("failed", e.toString());
            e.printStackTrace();
        } finally {
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(bench.out));
            // A clean close as the app's own: otherwise the next open finds this process gone and checks the file.
            if (bench.app != null) {
                onFx(() -> {
                    bench.app.stop();
                    return null;
                });
            }
            Platform.exit();
            System.exit(0);
        }
    }

    private void run(String symbol) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        CompletableFuture<Long> firstFrame = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                app = new BarkeepApp();
                app.init();
                Stage stage = new Stage();
                app.start(stage);
                scene = stage.getScene();
                // The first pulse that lays the window out (its paint goes to the render thread right after).
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    firstFrame.complete(System.currentTimeMillis() - jvmStart);
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
                };
                scene.addPostLayoutPulseListener(once[0]);
            } catch (Exception e) {
                firstFrame.completeExceptionally(e);
            }
        });
        out.put("data_folder", DataFolder.resolve().toString());
        out.put("first_frame_ms", firstFrame.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        out.put("rss_mb_first_frame", residentMb());
        if (Boolean.getBoolean(CHART_ONLY)) {
            openChartAndPan(symbol);
            return;
        }

        timeToData("dashboard", "#dashboardButton", () -> tileValue("#tile-symbols") > 0);
        out.put("dashboard_data_after_jvm_start_ms", System.currentTimeMillis() - jvmStart);
        timeToData("watchlist", "#watchlistButton", () -> tableRows(".watchlist-table") > 0);
        // The market columns (Last, Change, Volume today) come from their own read after the rows: timed apart, by a
        // pulse listener, while the benchmark goes on to the next view at once (as a person clicking through would).
        // The table is held: the quotes may come after the next view took the watchlist's place in the window.
        TableView<?> watchlist = onFx(() -> (TableView<?>) scene.lookup(".watchlist-table"));
        CompletableFuture<Double> quotes = whenShown(() -> quoteShown(watchlist));
        long gapsOpened = System.nanoTime();
        timeToData("gaps", "#gapsButton", () -> heatmap() != null && heatmap().modelProperty().get().rows() > 0);
        // The heatmap shows the rows a window holds first, then all of them: the time until all are read too.
        waitForPulse(() -> !scene.lookup(".gaps-loading").isVisible());
        out.put("gaps_all_rows_ms", round((System.nanoTime() - gapsOpened) / 1e6));
        out.put("heatmap_rows", onFx(() -> heatmap().modelProperty().get().rows()));
        out.put("watchlist_quotes_ms", round(quotes.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        timeToData("freshness", "#freshnessButton", () -> tableRows(".freshness-table") > 0);
        openChartAndPan(symbol);
        timeToData("gaps_again", "#gapsButton", () -> heatmap().modelProperty().get().rows() > 0);
        // The input's target is looked up once: a lookup each frame (a walk over the window's nodes) is not the app's.
        Node cells = onFx(() -> heatmap().lookup("Canvas"));
        frames("heatmap_scroll", i -> scroll(cells, 0, i % 60 < 30 ? -120 : 120, true));
        frames("heatmap_scroll_rows", i -> scroll(cells, 0, i % 60 < 30 ? -120 : 120, false));
    }

    private void openChartAndPan(String symbol) throws Exception {
        timeToData("chart", "#chartButton", () -> true);
        timeToData("chart_" + symbol, null, () -> {
            CandleChart chart = chart();
            return chart != null && chart.dataProperty().get() != null && chart.dataProperty().get().size() > 0
                    && symbol.equals(symbolBox().getValue());
        }, () -> symbolBox().setValue(symbol));
        CandleChart chart = onFx(this::chart);
        if (Boolean.getBoolean("barkeep.bench.countNodes")) {
            out.put("scene_nodes", onFx(() -> {
                Map<String, Integer> n = new java.util.TreeMap<>();
                count(scene.getRoot(), n);
                return n;
            }));
        }
        frames("chart_pan", i -> scroll(chart, i % 60 < 30 ? 120 : -120, 0, true));
    }

    /**
     * Opens a view (fires its navigation button, or runs {@code open}) and waits for the first pulse after which
     * {@code shows} holds: the time the user waits for data on screen.
     */
    private void timeToData(String name, String button, BooleanSupplier shows, Runnable... open) throws Exception {
        CompletableFuture<Double> done = onFx(() -> {
            CompletableFuture<Double> shown = fromNowUntil(shows);
            if (button != null) {
                ((ButtonBase) scene.lookup(button)).fire();
            }
            for (Runnable r : open) {
                r.run();
            }
            return shown;
        });
        out.put(name + "_data_ms", round(done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
        out.put(name + "_rss_mb", residentMb());
    }

    /**
     * The time from now to the end of the first pulse after which {@code shows} is true, without waiting for it (an
     * upper bound by up to a pulse: it is checked after each pulse's layout).
     */
    private CompletableFuture<Double> whenShown(BooleanSupplier shows) throws Exception {
        return onFx(() -> fromNowUntil(shows));
    }

    /** On the FX thread: from now to the end of the first pulse after which {@code shows} holds. */
    private CompletableFuture<Double> fromNowUntil(BooleanSupplier shows) {
        CompletableFuture<Double> done = new CompletableFuture<>();
        long t0 = System.nanoTime();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (!done.isDone() && safely(shows)) {
                done.complete((System.nanoTime() - t0) / 1e6);
                Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
        return done;
    }

    /** Whether the table's first row has its "Last" market figure (the quotes' read put in place). */
    private static boolean quoteShown(TableView<?> t) {
        if (t.getItems().isEmpty()) {
            return false;
        }
        String last = io.barkeep.ui.app.ViewLoader.bundle(io.barkeep.ui.watchlist.WatchlistController.class)
                .getString("watchlist.col.last");
        return t.getColumns().stream().anyMatch(c -> last.equals(c.getText()) && c.getCellData(0) != null);
    }

    /** Waits for the first pulse after which {@code holds} is true. */
    private void waitForPulse(BooleanSupplier holds) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        onFx(() -> {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (!done.isDone() && safely(holds)) {
                    done.complete(null);
                    Platform.runLater(() -> scene.removePostLayoutPulseListener(check[0]));
                }
            };
            scene.addPostLayoutPulseListener(check[0]);
            return null;
        });
        done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Runs {@link #FRAMES} input events, one frame each, and records where each frame's time goes (see the class
     * comment): {@code NAME_input_ms} the FX thread from the event until the work it queued (the chart repaints in
     * a runLater) has run, {@code NAME_pulse_ms} the next pulse on the FX thread (CSS, layout, syncing the scene to
     * the render thread), {@code NAME_render_ms} from the pulse's end until the frame is on screen (the render
     * thread rasterizes and presents it), {@code NAME_fx_ms} input plus pulse, and {@code NAME_frame_ms} input plus
     * pulse plus render: the work between the event and its pixels, without the wait for the pulse's timer.
     */
    private void frames(String name, Consumer<Integer> input) throws Exception {
        PerformanceTracker tracker = onFx(() -> PerformanceTracker.getSceneTracker(scene));
        // Read on the FX thread and the render thread.
        AtomicReference<FrameTimer> current = new AtomicReference<>();
        Runnable postLayout = () -> {
            FrameTimer t = current.get();
            if (t != null) {
                t.postLayout();
            }
        };
        onFx(() -> {
            tracker.setOnPulse(() -> {
                FrameTimer t = current.get();
                if (t != null) {
                    t.pulse();
                }
            });
            tracker.setOnRenderedFrameTask(() -> {
                FrameTimer t = current.get();
                if (t != null) {
                    t.rendered();
                }
            });
            scene.addPostLayoutPulseListener(postLayout);
            return null;
        });
        List<double[]> measured = new ArrayList<>();
        int unrendered = 0;
        for (int i = 0; i < FRAMES; i++) {
            int step = i;
            FrameTimer timer = new FrameTimer();
            current.set(timer);
            onFx(() -> {
                timer.start();
                input.accept(step);
                if (FORCE_CSS) {
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                }
                // After the runnables the input queued (the chart's repaint), unless a pulse comes first.
                Platform.runLater(timer::inputHandled);
                return null;
            });
            double[] figures = timer.figures();
            current.set(null);
            if (figures == null) {
                // Nothing changed on screen (a pan stopped at the data's end): no frame to time.
                unrendered++;
            } else {
                measured.add(figures);
            }
            // Nothing of this frame still running when the next input comes (a pulse it asked for after this one).
            Thread.sleep(20);
        }
        onFx(() -> {
            tracker.setOnPulse(null);
            tracker.setOnRenderedFrameTask(null);
            scene.removePostLayoutPulseListener(postLayout);
            return null;
        });
        int n = measured.size();
        for (int k = 0; k < FrameTimer.FIGURES.length; k++) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = measured.get(i)[k];
            }
            Arrays.sort(sorted);
            String key = name + "_" + FrameTimer.FIGURES[k] + "_ms";
            out.put(key + "_p50", round(sorted[n / 2]));
            out.put(key + "_p95", round(sorted[n * 95 / 100]));
            out.put(key + "_max", round(sorted[n - 1]));
        }
        out.put(name + "_frames", n);
        if (unrendered > 0) {
            out.put(name + "_unrendered_inputs", unrendered);
        }
    }

    /**
     * The instants of one frame: the input on the FX thread, the runnables it queued done, the first pulse after
     * them (its start and, by a runLater from its post-layout listener, its end on the FX thread), and the render
     * thread's report that the frame it submitted was painted and presented. The FX thread and the render thread
     * both call it, hence synchronized.
     */
    private static final class FrameTimer {
        static final String[] FIGURES = {"frame", "fx", "input", "pulse", "render"};
        private long start;
        private long inputDone;
        private long pulseStart;
        private boolean laidOut;
        private long pulseEnd;
        private long rendered;

        synchronized void start() {
            start = System.nanoTime();
        }

        synchronized void inputHandled() {
            if (inputDone == 0) {
                inputDone = System.nanoTime();
            }
        }

        /**
         * A scene's pulse begins: the frame's, when it is the first after the input. It may come before the
         * runnable queued after the input: the runnables queued before it (the chart queues its repaint as the
         * input changes its view, before anything asks for a pulse) have run then, and the input's work ends.
         */
        synchronized void pulse() {
            if (start != 0 && pulseStart == 0) {
                pulseStart = System.nanoTime();
                if (inputDone == 0) {
                    inputDone = pulseStart;
                }
            }
        }

        synchronized void postLayout() {
            if (pulseStart != 0 && !laidOut) {
                laidOut = true;
                // Runs once the pulse has returned: after its sync and its handing the frame to the render thread.
                Platform.runLater(this::pulseEnded);
            }
        }

        private synchronized void pulseEnded() {
            pulseEnd = System.nanoTime();
            notifyAll();
        }

        /** The render thread presented a frame: this one's, once its pulse was laid out (none was in flight). */
        synchronized void rendered() {
            if (laidOut && rendered == 0) {
                rendered = System.nanoTime();
                notifyAll();
            }
        }

        /** Waits for the frame and returns its figures in the order of {@link #FIGURES}; null: none in a second. */
        synchronized double[] figures() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while ((pulseEnd == 0 || rendered == 0) && System.nanoTime() < deadline) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            if (pulseEnd == 0 || rendered == 0) {
                return null;
            }
            double input = (inputDone - start) / 1e6;
            double pulse = (pulseEnd - pulseStart) / 1e6;
            double render = Math.max(0, rendered - pulseEnd) / 1e6;
            double toScreen = (rendered - pulseStart) / 1e6;
            return new double[] {input + toScreen, input + pulse, input, pulse, render};
        }
    }

    private static void scroll(Node target, double dx, double dy, boolean shift) {
        double x = target.getLayoutBounds().getWidth() / 2;
        double y = target.getLayoutBounds().getHeight() / 2;
        var screen = target.localToScreen(x, y);
        Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, x, y, screen.getX(), screen.getY(), shift, false,
                false, false, false, false, dx, dy, dx, dy, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(target, x, y)));
    }

    private double tileValue(String id) {
        Node tile = scene.lookup(id);
        return tile instanceof Tile t ? t.getValue() : 0;
    }

    private int tableRows(String selector) {
        Node table = scene.lookup(selector);
        return table instanceof TableView<?> t && t.isVisible() ? t.getItems().size() : 0;
    }

    private HeatmapView heatmap() {
        return (HeatmapView) scene.lookup(".heatmap");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> symbolBox() {
        return (ComboBox<String>) scene.lookup("#symbolBox");
    }

    private CandleChart chart() {
        List<Node> found = new ArrayList<>();
        find(scene.getRoot(), found);
        return found.isEmpty() ? null : (CandleChart) found.get(0);
    }

    private static void find(Node node, List<Node> found) {
        if (node instanceof CandleChart && node.isVisible()) {
            found.add(node);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> find(child, found));
        }
    }

    private static void count(Node node, Map<String, Integer> n) {
        n.merge(node.getClass().getSimpleName(), 1, Integer::sum);
        n.merge("_all", 1, Integer::sum);
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> count(child, n));
        }
    }

    private static boolean safely(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static long residentMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
