package io.barkeep.ui.chart;

import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours of one frame, read from the chart's CSS properties (which the stylesheet sets from the AtlantaFX
 * theme's variables, so light and dark each get colours made for their background).
 */
record ChartPalette(Paint up, Paint down, Paint grid, Paint text, Paint separator, Paint missing, Paint empty,
                    Paint incomplete, Paint crosshair, Paint accent, Paint labelBackground, Paint labelText,
                    Paint sma, Paint ema, Paint vwap, Paint bands, Paint background) {

    /** Colours for a chart that no stylesheet reached (the benchmark, a bare test). */
    static ChartPalette defaults() {
        return new ChartPalette(Color.web("#1a7f37"), Color.web("#cf222e"), Color.web("#eaeef2"),
                Color.web("#57606a"), Color.web("#d0d7de"), Color.web("#fff8c5"), Color.web("#8c959f"),
                Color.web("#bf8700"), Color.web("#6e7781"), Color.web("#0969da"), Color.web("#24292f"),
                Color.WHITE, Color.web("#0969da"), Color.web("#bf3989"), Color.web("#8250df"),
                Color.web("#6e7781"), Color.WHITE);
    }
}
