package io.barkeep.ui.chart;

import io.barkeep.ui.app.AppServices;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

/**
 * The export menu's actions: asks where to save (on the FX thread), takes what is on screen, and writes it in the
 * background, to a temporary file moved into place so a failed export leaves no half-written file.
 */
final class ChartExportActions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmm");

    private final AppServices services;
    private final CandleChart chart;
    private final ResourceBundle texts;
    private final Consumer<String> notice;

    ChartExportActions(AppServices services, CandleChart chart, ResourceBundle texts, Consumer<String> notice) {
        this.services = services;
        this.chart = chart;
        this.texts = texts;
        this.notice = notice;
    }

    void csv() {
        ChartData d = chart.dataProperty().get();
        Viewport view = chart.viewportProperty().get();
        ActionMarks marks = chart.markers().marksProperty().get();
        boolean simulated = services.simulated();
        Path file = ask(name(d, "csv"), "CSV", "*.csv");
        if (file != null) {
            write(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    ChartExport.csv(d, view, ChartLoader.adjustment(marks), simulated, w);
                }
            });
        }
    }

    void png() {
        ChartData d = chart.dataProperty().get();
        WritableImage image = chart.snapshot(new SnapshotParameters(), null);
        Path file = ask(name(d, "png"), "PNG", "*.png");
        if (file != null) {
            write(file, tmp -> ChartExport.png(image, tmp));
        }
    }

    private String name(ChartData d, String extension) {
        String when = java.time.LocalDateTime.now(services.clock()).format(STAMP);
        return (d.symbol.isEmpty() ? "chart" : d.symbol) + "-" + d.interval.label() + "-" + when + "." + extension;
    }

    private Path ask(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File f = chooser.showSaveDialog(chart.getScene() == null ? null : chart.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    /** What writes the export to a file. */
    interface Work {
        void to(Path file) throws Exception;
    }

    /** Writes through {@code work} in the background; says where it went, or why not. */
    void write(Path file, Work work) {
        services.ui().load(() -> {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            try {
                work.to(tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return Files.size(file);
        }, size -> notice.accept(MessageFormat.format(texts.getString("chart.exported"), file,
                ChartReadout.volume(size) + " B")), e -> notice.accept(MessageFormat.format(
                texts.getString("chart.exportFailed"), file, e.getMessage())));
    }
}
