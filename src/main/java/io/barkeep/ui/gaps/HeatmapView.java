package io.barkeep.ui.gaps;

import static io.barkeep.ui.gaps.HeatmapLayout.GUTTER;
import static io.barkeep.ui.gaps.HeatmapLayout.HEADER;

import io.barkeep.ui.gaps.HeatmapModel.Cell;
import io.barkeep.ui.gaps.HeatmapModel.CellKey;
import io.barkeep.ui.gaps.HeatmapModel.Column;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The heatmap control: a canvas the size of the viewport over a virtual map as wide as the whole window of
 * sessions, with scroll bars, colours from CSS ({@code -gap-complete-color} ...), and mouse handling delegated to
 * {@link HeatmapMouse}. It holds no data of its own: the model and the selection are bound from the view model.
 */
public final class HeatmapView extends Region {
    private static final StyleablePropertyFactory<HeatmapView> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    /** Room right of the newest session, so it does not touch the frame. */
    private static final double RIGHT_MARGIN = 8;
    /** Rows shown without scrolling, when the space allows. */
    private static final int PREF_ROWS = 16;

    private final StyleableProperty<Color> complete = color("complete", v -> v.complete, "#4ac26b");
    private final StyleableProperty<Color> partial = color("partial", v -> v.partial, "#eac54f");
    private final StyleableProperty<Color> vendorEmpty = color("vendor-empty", v -> v.vendorEmpty, "#b1c4d8");
    private final StyleableProperty<Color> hatch = color("hatch", v -> v.hatch, "#57606a");
    private final StyleableProperty<Color> missing = color("missing", v -> v.missing, "#cf222e");
    private final StyleableProperty<Color> closed = color("closed", v -> v.closed, "#eaeef2");
    private final StyleableProperty<Color> notFinal = color("not-final", v -> v.notFinal, "#54aeff");
    private final StyleableProperty<Color> marker = color("marker", v -> v.marker, "#24292f");
    private final StyleableProperty<Color> selectionColor = color("selection", v -> v.selectionColor, "#0969da");
    private final StyleableProperty<Color> text = color("text", v -> v.text, "#24292f");
    private final StyleableProperty<Color> mutedText = color("muted-text", v -> v.mutedText, "#57606a");
    private final StyleableProperty<Color> grid = color("grid", v -> v.grid, "#d0d7de");
    private final StyleableProperty<Color> background = color("background", v -> v.background, "#ffffff");

    private final ObjectProperty<HeatmapModel> model = new SimpleObjectProperty<>(HeatmapModel.EMPTY);
    private final ObjectProperty<Set<CellKey>> selection = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<HeatmapPalette> palette = new SimpleObjectProperty<>(HeatmapPalette.DEFAULT);
    private final Canvas canvas = new Canvas();
    private final ScrollBar hbar = new ScrollBar();
    private final ScrollBar vbar = new ScrollBar();
    private final HeatmapPainter painter = new HeatmapPainter();
    private final HeatmapMouse mouse;
    private HeatmapLayout layout = new HeatmapLayout(List.of(), 0, 0);
    private boolean atNewest = true;

    public HeatmapView() {
        getStyleClass().add("heatmap");
        vbar.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, hbar, vbar);
        canvas.setFocusTraversable(true);
        mouse = new HeatmapMouse(this, canvas);
        hbar.valueProperty().addListener(o -> {
            atNewest = hbar.getValue() >= hbar.getMax() - 1;
            draw();
        });
        vbar.valueProperty().addListener(o -> draw());
        model.addListener((obs, was, now) -> requestLayout());
        selection.addListener(o -> draw());
        palette.addListener(o -> draw());
    }

    private StyleableProperty<Color> color(String name, java.util.function.Function<HeatmapView,
            StyleableProperty<Color>> self, String initial) {
        StyleableProperty<Color> p = CSS.createStyleableColorProperty(this, name, "-gap-" + name + "-color", self,
                Color.web(initial));
        ((javafx.beans.value.ObservableValue<?>) p).addListener(o -> palette.set(readPalette()));
        return p;
    }

    private HeatmapPalette readPalette() {
        return new HeatmapPalette(v(complete), v(partial), v(vendorEmpty), v(hatch), v(missing), v(closed),
                v(notFinal), v(marker), v(selectionColor), v(text), v(mutedText), v(grid), v(background));
    }

    private static Color v(StyleableProperty<Color> p) {
        return p.getValue() == null ? Color.TRANSPARENT : p.getValue();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    protected double computePrefHeight(double width) {
        // Tall enough for every row at full height, up to a screenful; more rows scroll.
        return HEADER + Math.max(3, Math.min(PREF_ROWS, model.get().rows())) * HeatmapLayout.MAX_ROW
                + hbar.prefHeight(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return HEADER + 3 * HeatmapLayout.MIN_ROW + hbar.prefHeight(-1);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computeMinWidth(double height) {
        return GUTTER + 200;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double bar = hbar.prefHeight(-1);
        HeatmapModel m = model.get();
        layout = new HeatmapLayout(m.columns(), m.rows(), h - HEADER - bar);
        boolean vertical = layout.height() > h - HEADER - bar;
        double viewW = w - (vertical ? bar : 0);
        canvas.setWidth(Math.max(0, viewW));
        canvas.setHeight(Math.max(0, h - bar));
        hbar.resizeRelocate(0, h - bar, viewW, bar);
        vbar.setVisible(vertical);
        vbar.resizeRelocate(viewW, 0, bar, h - bar);
        range(hbar, layout.width() + RIGHT_MARGIN, viewW - GUTTER, HeatmapLayout.PITCH * 5);
        range(vbar, layout.height(), h - HEADER - bar, layout.rowHeight());
        if (atNewest) {
            hbar.setValue(hbar.getMax());
        }
        draw();
    }

    private static void range(ScrollBar bar, double content, double view, double unit) {
        double max = Math.max(0, content - view);
        bar.setMax(max);
        bar.setVisibleAmount(content <= 0 ? max : max * view / content);
        bar.setUnitIncrement(unit);
        bar.setBlockIncrement(Math.max(unit, view * 0.8));
        bar.setValue(Math.min(bar.getValue(), max));
        bar.setDisable(max == 0);
    }

    void draw() {
        int[] hover = mouse == null ? new int[] {-1, -1} : mouse.hover();
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(),
                new HeatmapPainter.Frame(model.get(), layout, palette.get(), hbar.getValue(), vbar.getValue(),
                        selection.get(), hover[0], hover[1], mouse == null ? null : mouse.dragRect()));
    }

    /** Scrolls the map sideways by {@code dx} content pixels (wheel, drags at the edge). */
    void scrollBy(double dx, double dy) {
        hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() + dx)));
        vbar.setValue(Math.max(0, Math.min(vbar.getMax(), vbar.getValue() + dy)));
    }

    boolean rowsOverflow() {
        return vbar.isVisible();
    }

    /** Brings the newest sessions into view. */
    public void scrollToNewest() {
        hbar.setValue(hbar.getMax());
    }

    /** The row under canvas y: -1 outside; with {@code snap} the nearest row. -2 in the header. */
    int rowAt(double y, boolean snap) {
        return y < HEADER ? -2 : layout.rowAt(y - HEADER + vbar.getValue(), snap);
    }

    /** The column under canvas x: -1 outside; with {@code snap} the nearest column. -2 in the gutter. */
    int columnAt(double x, boolean snap) {
        return x < GUTTER ? -2 : layout.columnAt(x - GUTTER + hbar.getValue(), snap);
    }

    /** The centre of a cell in this node's coordinates, bringing it into view first (tests, keyboard). */
    public Point2D cellCenter(String symbol, LocalDate date) {
        HeatmapModel m = model.get();
        int row = m.rowOf(symbol);
        int column = m.columnOf(date);
        double x = layout.columnX(column);
        if (x < hbar.getValue() || x > hbar.getValue() + canvas.getWidth() - GUTTER - HeatmapLayout.PITCH) {
            hbar.setValue(Math.max(0, Math.min(hbar.getMax(), x - (canvas.getWidth() - GUTTER) / 2)));
        }
        return new Point2D(GUTTER + x - hbar.getValue() + HeatmapLayout.CELL / 2,
                HEADER + layout.rowY(row) - vbar.getValue() + layout.cellHeight() / 2);
    }

    /** Scrolls the cell of {@code symbol} on {@code date} into view. */
    public void reveal(String symbol, LocalDate date) {
        if (model.get().rowOf(symbol) >= 0 && model.get().columnOf(date) >= 0) {
            cellCenter(symbol, date);
            double y = layout.rowY(model.get().rowOf(symbol));
            if (y < vbar.getValue() || y + layout.rowHeight() > vbar.getValue() + canvas.getHeight() - HEADER) {
                vbar.setValue(Math.max(0, Math.min(vbar.getMax(), y - layout.rowHeight())));
            }
        }
    }

    /** A legend swatch painted like a cell of {@code state}, repainted when the theme changes. */
    public Canvas swatch(CellState state, boolean earlyClose) {
        Canvas c = new Canvas(HeatmapLayout.CELL, 16);
        int held = state == CellState.MISSING || state == CellState.CLOSED ? 0 : state == CellState.PARTIAL ? 3 : 4;
        Cell cell = new Cell(state, 4, held, 0, List.of(), null);
        Column column = new Column(LocalDate.EPOCH, earlyClose ? io.barkeep.domain.Session.of(LocalDate.EPOCH,
                io.barkeep.domain.SessionKind.EARLY_CLOSE) : null);
        Runnable paint = () -> {
            c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
            HeatmapPainter.cell(c.getGraphicsContext2D(), palette.get(), cell, column, 0, 0, c.getHeight());
        };
        palette.addListener(o -> paint.run());
        paint.run();
        return c;
    }

    public ObjectProperty<HeatmapModel> modelProperty() {
        return model;
    }

    public ObjectProperty<Set<CellKey>> selectionProperty() {
        return selection;
    }

    HeatmapModel model() {
        return model.get();
    }

    public void setOnOpen(BiConsumer<Integer, Integer> action) {
        mouse.onOpen = action;
    }

    public void setOnSelect(Consumer<Set<CellKey>> action) {
        mouse.onSelect = action;
    }

    public void setDescriber(BiFunction<Integer, Integer, String> describe) {
        mouse.describe = describe;
    }
}
