package io.barkeep.ui.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's size, place, last view and theme, remembered in {@code window.json} in the data folder. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowState(double x, double y, double width, double height, boolean maximized, String view,
                          boolean dark) {
    private static final Logger LOG = LoggerFactory.getLogger(WindowState.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "window.json";

    public static WindowState defaults() {
        return new WindowState(Double.NaN, Double.NaN, 1360, 860, false, "DASHBOARD", false);
    }

    /**
     * This state made to fit {@code visible} (the screen's visual bounds, without task bars): never larger than
     * it, and placed inside it, centred when no place is remembered or the remembered one is off this screen.
     */
    public WindowState fitTo(Rectangle2D visible) {
        double w = Math.min(width, visible.getWidth());
        double h = Math.min(height, visible.getHeight());
        boolean placed = !Double.isNaN(x) && !Double.isNaN(y) && x >= visible.getMinX() && y >= visible.getMinY()
                && x + w <= visible.getMaxX() && y + h <= visible.getMaxY();
        double left = placed ? x : visible.getMinX() + (visible.getWidth() - w) / 2;
        double top = placed ? y : visible.getMinY() + (visible.getHeight() - h) / 2;
        return new WindowState(left, top, w, h, maximized, view, dark);
    }

    public static WindowState load(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), WindowState.class) : defaults();
        } catch (IOException e) {
            LOG.warn("ignoring unreadable {}", file, e);
            return defaults();
        }
    }

    public void save(Path folder) {
        try {
            Files.createDirectories(folder);
            JSON.writeValue(folder.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            LOG.warn("cannot remember the window in {}", folder, e);
        }
    }
}
