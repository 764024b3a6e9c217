package io.barkeep.ui.chart;

import io.barkeep.domain.Bar;
import io.barkeep.domain.Prices;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javax.imageio.ImageIO;

/**
 * Writes what the chart shows: the candles in view as CSV, and a picture of the chart as PNG. Blocking file
 * access: background work only (the picture is taken on the FX thread and handed over).
 */
final class ChartExport {
    static final String HEADER = "time,open,high,low,close,volume,session_vwap";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private ChartExport() {
    }

    /**
     * The candles of {@code d} in {@code view} as CSV: comment lines first naming the symbol, the interval, which
     * prices (the adjustment), the time zone and whether the bars are simulated, then one row per candle (holes in
     * the cache have no row). Times are bucket starts in the chart's display zone.
     *
     * @return how many rows were written
     */
    static int csv(ChartData d, Viewport view, String adjustment, boolean simulated, Writer out) throws IOException {
        int from = view.from();
        int to = view.to(d.size);
        out.write("# symbol: " + d.symbol + "\n");
        out.write("# interval: " + d.interval.label() + "\n");
        out.write("# adjustment: " + adjustment + "\n");
        out.write("# time zone: " + d.zone.getId() + " (bucket start)\n");
        if (simulated) {
            out.write("# source: SIMULATED bars from the built-in demo feed, not market data\n");
        }
        out.write(HEADER + "\n");
        int rows = 0;
        StringBuilder row = new StringBuilder(96);
        for (int i = from; i < to; i++) {
            if (!d.has(i, ChartData.HAS_BAR)) {
                continue;
            }
            row.setLength(0);
            row.append(LOCAL.format(Instant.ofEpochSecond(d.time[i]).atZone(d.zone))).append(',')
                    .append(Prices.format(d.open[i])).append(',')
                    .append(Prices.format(d.high[i])).append(',')
                    .append(Prices.format(d.low[i])).append(',')
                    .append(Prices.format(d.close[i])).append(',')
                    .append(d.volume[i]).append(',');
            if (d.vwap[i] != Bar.UNKNOWN) {
                row.append(Prices.format(d.vwap[i]));
            }
            out.append(row.append('\n'));
            rows++;
        }
        return rows;
    }

    /** Writes {@code image} to {@code file} as PNG. */
    static void png(Image image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, w, h, argb, 0, w);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
