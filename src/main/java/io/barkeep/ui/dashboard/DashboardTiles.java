package io.barkeep.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import eu.hansolo.tilesfx.skins.BarChartItem;
import io.barkeep.domain.Freshness;
import io.barkeep.domain.Session;
import io.barkeep.store.UpdaterLock;
import io.barkeep.ui.app.AppServices;
import io.barkeep.ui.freshness.Thresholds;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** The dashboard's TilesFX tiles: made once, repainted for a theme, refilled from each {@link DashboardStats}. */
final class DashboardTiles {
    /** The tiles, in the order they are laid out. */
    enum Kind { SYMBOLS, BARS, DATABASE, COVERAGE, UPDATER, ERRORS, FRESHEST, STALEST, BY_SYMBOL }

    /** At most this many bars in the per-symbol chart: the worst ones. */
    private static final int CHART_ITEMS = 8;
    /** The bar chart skin's height per item and for its title and bottom text, in pixels. */
    private static final double ITEM_HEIGHT = 40;
    private static final double CHART_CHROME = 80;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm", Locale.US)
            .withZone(Session.NEW_YORK);
    /** The updater's times: local, as the status bar shows them (its next pass and this tile must agree). */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.US)
            .withZone(java.time.ZoneId.systemDefault());
    private static final double GIB = 1024.0 * 1024 * 1024;

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm", Locale.US)
            .withZone(java.time.ZoneId.systemDefault());

    private final ResourceBundle text;
    private final Map<Kind, Tile> tiles = new EnumMap<>(Kind.class);
    private TilePalette palette = TilePalette.LIGHT;
    private DashboardStats shown;
    private AppServices.Connection connection = AppServices.Connection.CHECKING;
    private Instant connectionSince;
    private UpdaterLock.Holder updaterElsewhere;

    DashboardTiles(ResourceBundle text) {
        this.text = text;
        tiles.put(Kind.SYMBOLS, number("tile.symbols", "#,##0", null));
        tiles.put(Kind.BARS, number("tile.bars", "#,##0", null));
        tiles.put(Kind.DATABASE, number("tile.database", "#,##0.0", "MiB"));
        tiles.put(Kind.COVERAGE, base(SkinType.CIRCULAR_PROGRESS, "tile.coverage").minValue(0).maxValue(100)
                .decimals(1).valueVisible(false).textVisible(false).build());
        tiles.put(Kind.UPDATER, textTile("tile.updater"));
        tiles.put(Kind.ERRORS, number("tile.errors", "#,##0", null));
        tiles.put(Kind.FRESHEST, textTile("tile.freshest"));
        tiles.put(Kind.STALEST, textTile("tile.stalest"));
        tiles.put(Kind.BY_SYMBOL, base(SkinType.BAR_CHART, "tile.bySymbol").decimals(0).build());
        tiles.forEach((kind, tile) -> tile.setId("tile-" + kind.name().toLowerCase(Locale.ROOT)));
        // As many bars as the tile has room for: a last row cut in half is worse than one row fewer.
        tiles.get(Kind.BY_SYMBOL).heightProperty().addListener((obs, was, now) -> {
            if (shown != null && fitting(was.doubleValue()) != fitting(now.doubleValue())) {
                showBySymbol(shown);
            }
        });
    }

    private TileBuilder<?> base(SkinType skin, String titleKey) {
        return TileBuilder.create().skinType(skin).title(text.getString(titleKey)).textVisible(true).animated(false)
                .roundedCorners(true).maxSize(Double.MAX_VALUE, Double.MAX_VALUE).prefSize(260, 200);
    }

    private Tile number(String titleKey, String pattern, String unit) {
        TileBuilder<?> builder = base(SkinType.NUMBER, titleKey);
        // The NUMBER skin lays a unit out only when the tile is built with one.
        Tile tile = (unit == null ? builder : builder.unit(unit)).build();
        tile.setCustomDecimalFormat(new DecimalFormat(pattern));
        tile.setCustomDecimalFormatEnabled(true);
        return tile;
    }

    private Tile textTile(String titleKey) {
        // Right, like the numbers of the other tiles (the skin aligns a description's lines right anyway).
        return base(SkinType.TEXT, titleKey).descriptionAlignment(Pos.CENTER_RIGHT).textAlignment(TextAlignment.LEFT)
                .build();
    }

    Tile tile(Kind kind) {
        return tiles.get(kind);
    }

    /** Makes a tile open something when clicked. */
    void onClick(Kind kind, String tooltipKey, Runnable action) {
        Tile tile = tiles.get(kind);
        tile.setCursor(Cursor.HAND);
        tile.setTooltipText(text.getString(tooltipKey));
        tile.setOnMouseClicked(e -> action.run());
    }

    /** Repaints every tile in the theme's colours. */
    void applyTheme(boolean dark) {
        palette = TilePalette.of(dark);
        for (Tile tile : tiles.values()) {
            tile.setBackgroundColor(palette.background());
            tile.setBorderColor(palette.border());
            tile.setBorderWidth(1);
            tile.setTitleColor(palette.muted());
            tile.setTextColor(palette.muted());
            tile.setUnitColor(palette.muted());
            tile.setValueColor(palette.value());
            tile.setDescriptionColor(palette.value());
            tile.setForegroundColor(palette.value());
            tile.setBarColor(palette.accent());
            tile.setBarBackgroundColor(palette.track());
        }
        tiles.get(Kind.UPDATER).setTextColor(palette.value());
        tiles.get(Kind.FRESHEST).setTextColor(palette.value());
        tiles.get(Kind.STALEST).setTextColor(palette.value());
        if (shown != null) {
            show(shown);
        }
    }

    /** Fills the tiles from {@code s}; times relative to when they were read. */
    void show(DashboardStats s) {
        shown = s;
        Tile symbols = tiles.get(Kind.SYMBOLS);
        symbols.setValue(s.symbols());
        symbols.setText(format("symbols.text", s.activeSymbols(), s.cachedSymbols()));
        Tile bars = tiles.get(Kind.BARS);
        bars.setValue(s.bars());
        // held + no-trade + missing = expected, visibly: the coverage ring counts the no-trade bars as covered.
        bars.setText(format("bars.text", s.noTradeBars(), s.missingBars(), s.expectedBars()));
        showDatabase(s);
        showCoverage(s);
        showUpdater(s);
        showErrors();
        showFreshness(tiles.get(Kind.FRESHEST), s.freshest(), s.at(), false);
        showFreshness(tiles.get(Kind.STALEST), s.stalest(), s.at(), true);
        if (s.watched().size() > 1 && s.freshest() != null && s.stalest() != null
                && s.freshest().newestBar() != null && s.freshest().newestBar().equals(s.stalest().newestBar())) {
            // A tie names no symbol: every watched symbol ends at the same bar.
            tiles.get(Kind.FRESHEST).setDescription(format("freshness.all", s.watched().size()) + "\n"
                    + TIME.format(s.freshest().newestBar()) + " NY");
            tiles.get(Kind.STALEST).setText(text.getString("freshness.evenText"));
            if (Thresholds.lag(s.stalestLag()) == Thresholds.Level.OK) {
                tiles.get(Kind.STALEST).setDescription(text.getString("freshness.even"));
            } else {
                // None is behind the others, but all of them are behind the market (the cache is a day old).
                tiles.get(Kind.STALEST).setDescription(format("freshness.allBehind", s.watched().size(),
                        s.stalestLag()));
            }
        }
        showBySymbol(s);
    }

    /** The source's state as the status bar last learned it, for the vendor tile. */
    void showConnection(AppServices.Connection state, Instant since) {
        connection = state;
        connectionSince = since;
        if (shown != null) {
            showErrors();
        }
    }

    private void showErrors() {
        Tile errors = tiles.get(Kind.ERRORS);
        int count = shown.vendorErrors();
        boolean down = connection == AppServices.Connection.UNAVAILABLE;
        errors.setValue(count);
        errors.setValueColor(count > 0 || down ? palette.danger() : palette.success());
        if (down) {
            errors.setText(connectionSince == null ? text.getString("errors.down")
                    : format("errors.downSince", SINCE.format(connectionSince)));
        } else if (connection == AppServices.Connection.SIMULATED) {
            errors.setText(text.getString(count > 0 ? "errors.text" : "errors.simulated"));
        } else {
            errors.setText(text.getString(count > 0 ? "errors.text" : "errors.none"));
        }
    }

    private void showBySymbol(DashboardStats s) {
        Tile chart = tiles.get(Kind.BY_SYMBOL);
        List<Freshness> worst = s.watched().stream().sorted(Comparator.comparingLong(DashboardTiles::missing)
                .reversed().thenComparing(Freshness::symbol)).limit(fitting(chart.getHeight())).toList();
        long most = worst.isEmpty() ? 0 : missing(worst.get(0));
        chart.setMaxValue(Math.max(1, most));
        // The skin mishandles a replaced list (old rows stay): clear it, then add.
        chart.clearBarChartItems();
        for (Freshness f : worst) {
            BarChartItem item = new BarChartItem(f.symbol(), missing(f), missing(f) == 0 ? palette.success()
                    : f.coveragePercent() >= 99 ? palette.warning() : palette.danger());
            item.setNameColor(palette.value());
            item.setValueColor(palette.value());
            item.setBarBackgroundColor(palette.track());
            chart.addBarChartItem(item);
        }
        // Nothing cached is not "nothing missing": a symbol with no bar yet has no expected bars to miss either.
        long uncached = s.watched().stream().filter(f -> f.barCount() == 0 && f.emptyCount() == 0).count();
        chart.setText(worst.isEmpty() ? text.getString("bySymbol.unwatched") : most == 0 && uncached > 0
                ? format("bySymbol.uncached", uncached) : most == 0
                ? text.getString("bySymbol.none") : s.watched().size() > worst.size()
                ? format("bySymbol.more", worst.size(), s.watched().size()) : text.getString("bySymbol.text"));
        // The skin's list, empty, would still cover the tile's bottom line of text.
        chart.lookupAll(".list-view").forEach(list -> list.setVisible(!worst.isEmpty()));
    }

    /** How many bars fit a chart tile {@code height} pixels high (all of them before it is laid out). */
    static int fitting(double height) {
        return height <= 0 ? CHART_ITEMS
                : (int) Math.max(1, Math.min(CHART_ITEMS, Math.floor((height - CHART_CHROME) / ITEM_HEIGHT)));
    }

    /** Bars expected that are neither held nor confirmed empty by the vendor. */
    static long missing(Freshness f) {
        return Math.max(0, f.expectedCount() - f.barCount() - f.emptyCount());
    }

    private Color coverageColor(int gaps, double percent) {
        return gaps == 0 && percent > 0 ? palette.success() : percent >= 99 ? palette.warning() : palette.danger();
    }

    private void showDatabase(DashboardStats s) {
        Tile db = tiles.get(Kind.DATABASE);
        boolean gib = s.databaseBytes() >= GIB;
        db.setCustomDecimalFormat(new DecimalFormat(gib ? "#,##0.00" : "#,##0.0"));
        db.setValue(s.databaseBytes() / (gib ? GIB : 1024.0 * 1024));
        db.setUnit(gib ? "GiB" : "MiB");
        db.setText(s.databaseName());
    }

    private void showCoverage(DashboardStats s) {
        Tile coverage = tiles.get(Kind.COVERAGE);
        // Rounded down: a cache with a single hole must never read 100.0 %.
        coverage.setValue(Math.floor(s.coveragePercent() * 10) / 10);
        coverage.setBarColor(s.expectedBars() == 0 ? palette.muted() : coverageColor(s.gaps(), s.coveragePercent()));
        // In the title: the ring leaves no room for a bottom line.
        coverage.setTitle(s.expectedBars() == 0 ? text.getString("coverage.nothing")
                : format(s.gaps() == 0 ? "coverage.none" : "coverage.gaps", s.gaps()));
    }

    /** Who runs the shared cache's updater instead of this app, or null (the tile then shows this app's plan). */
    void showUpdaterElsewhere(UpdaterLock.Holder holder) {
        updaterElsewhere = holder;
        if (shown != null) {
            showUpdater(shown);
        }
    }

    private void showUpdater(DashboardStats s) {
        Tile updater = tiles.get(Kind.UPDATER);
        updater.setText(s.lastPass() == null ? text.getString("updater.never")
                : format("updater.last", LOCAL_TIME.format(s.lastPass()), span(Duration.between(s.lastPass(), s.at()))));
        if (updaterElsewhere != null) {
            // This app's plan is not what happens next: its passes wait while another process holds the lock.
            updater.setDescription(format("status.updater.elsewhere", updaterElsewhere.host(),
                    LOCAL_TIME.format(updaterElsewhere.since())));
            return;
        }
        String kind = text.getString("pass." + s.nextPass().kind().name().toLowerCase(Locale.ROOT));
        Duration until = Duration.between(s.at(), s.nextPass().at());
        updater.setDescription(format("updater.next", kind, LOCAL_TIME.format(s.nextPass().at()),
                until.toSeconds() < 60 ? text.getString("updater.due") : format("updater.in", span(until))));
    }

    private void showFreshness(Tile tile, Freshness f, Instant at, boolean stale) {
        if (f == null) {
            tile.setDescription(text.getString("freshness.nothing"));
            tile.setText("");
            return;
        }
        if (f.newestBar() == null) {
            tile.setDescription(format("freshness.empty", f.symbol()));
            tile.setText(text.getString("freshness.emptyText"));
            return;
        }
        // The bar's start is what is stored; a trader reads a bar by when it closed.
        Instant closed = f.newestBar().plusSeconds(Session.BAR_SECONDS);
        tile.setDescription(f.symbol() + "\n" + TIME.format(f.newestBar()) + " NY");
        tile.setText(format(stale ? "freshness.staleText" : "freshness.freshText",
                span(Duration.between(closed, at))));
    }

    /** A short human span: 45 s, 12 min, 3 h 5 min, 4 d. */
    static String span(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long m = s / 60 % 60;
            return s / 3600 + " h" + (m == 0 ? "" : " " + m + " min");
        }
        return s / 86_400 + " d";
    }

    private String format(String key, Object... args) {
        return new MessageFormat(text.getString(key), Locale.US).format(args);
    }
}
