package io.barkeep.ui.dashboard;

import javafx.scene.paint.Color;

/**
 * TilesFX paints its tiles with its own colours, not with CSS: these are the AtlantaFX Primer theme's colours
 * (bg-subtle, border-default, fg-muted, fg-default, accent, success, attention, danger) for each theme.
 */
record TilePalette(Color background, Color border, Color muted, Color value, Color accent, Color success,
                   Color warning, Color danger, Color track) {

    static final TilePalette LIGHT = new TilePalette(Color.web("#f6f8fa"), Color.web("#d0d7de"), Color.web("#57606a"),
            Color.web("#24292f"), Color.web("#0969da"), Color.web("#1a7f37"), Color.web("#9a6700"),
            Color.web("#cf222e"), Color.web("#d8dee4"));
    static final TilePalette DARK = new TilePalette(Color.web("#161b22"), Color.web("#30363d"), Color.web("#8b949e"),
            Color.web("#e6edf3"), Color.web("#58a6ff"), Color.web("#3fb950"), Color.web("#d29922"),
            Color.web("#f85149"), Color.web("#30363d"));

    static TilePalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
