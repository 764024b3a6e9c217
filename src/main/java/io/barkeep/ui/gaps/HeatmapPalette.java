package io.barkeep.ui.gaps;

import javafx.scene.paint.Color;

/** The heatmap's colours, read from CSS by {@link HeatmapView} so that both AtlantaFX themes style them. */
record HeatmapPalette(Color complete, Color partial, Color vendorEmpty, Color hatch, Color missing, Color closed,
                      Color notFinal, Color marker, Color selection, Color text, Color mutedText, Color grid,
                      Color background) {

    /** Colours close to the light theme's, until CSS is applied. */
    static final HeatmapPalette DEFAULT = new HeatmapPalette(Color.web("#4ac26b"), Color.web("#eac54f"),
            Color.web("#b1c4d8"), Color.web("#57606a"), Color.web("#cf222e"), Color.web("#eaeef2"),
            Color.web("#54aeff"), Color.web("#24292f"), Color.web("#0969da"), Color.web("#24292f"),
            Color.web("#57606a"), Color.web("#d0d7de"), Color.WHITE);

    Color fill(CellState state) {
        return switch (state) {
            case COMPLETE -> complete;
            case PARTIAL -> partial;
            case VENDOR_EMPTY -> vendorEmpty;
            case MISSING -> missing;
            case CLOSED -> closed;
            case NOT_FINAL -> notFinal;
        };
    }
}
