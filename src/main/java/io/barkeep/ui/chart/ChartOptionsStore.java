package io.barkeep.ui.chart;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The chart options of each symbol, in {@code chart-options.properties} in the data folder; the last options used
 * stand for a symbol not charted before. Blocking file access: background work only. Written to a temporary file
 * and moved over the old one, so a crash never leaves it half-written.
 */
final class ChartOptionsStore {
    static final String FILE = "chart-options.properties";
    private static final String LAST = "*last";

    private final Path file;

    ChartOptionsStore(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    /** The options of {@code symbol}, else the ones used last, else the defaults. */
    synchronized ChartOptions load(String symbol) {
        return optionsOf(read(), symbol);
    }

    /**
     * {@link #load}, and a symbol charted for the first time keeps what it was shown with: filed under its name, it is
     * not taken over by whatever another chart uses later.
     */
    synchronized ChartOptions open(String symbol) {
        Properties p = read();
        ChartOptions options = optionsOf(p, symbol);
        if (p.getProperty(symbol) == null) {
            write(p, symbol, options);
        }
        return options;
    }

    synchronized void save(String symbol, ChartOptions options) {
        write(read(), symbol, options);
    }

    private static ChartOptions optionsOf(Properties p, String symbol) {
        String line = p.getProperty(symbol, p.getProperty(LAST));
        return line == null ? ChartOptions.DEFAULTS : ChartOptions.decode(line);
    }

    private void write(Properties p, String symbol, ChartOptions options) {
        p.setProperty(symbol, options.encode());
        p.setProperty(LAST, options.encode());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Barkeep chart options per symbol");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the chart options to " + file, e);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the chart options in " + file, e);
            }
        }
        return p;
    }
}
