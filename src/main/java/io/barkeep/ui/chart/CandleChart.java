package io.barkeep.ui.chart;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * A candlestick chart on two canvases (not one node per candle): the frame below, the crosshair above, so moving
 * the mouse never repaints the candles. The chart shows {@link #dataProperty() data} through
 * {@link #viewportProperty() a viewport} that dragging, the wheel and the keys change; repaints are coalesced to
 * one per pulse. Colours are CSS properties ({@code -bk-up-color} ...; see chart.css).
 */
public final class CandleChart extends Region {
    private static final StyleablePropertyFactory<CandleChart> CSS =
            new StyleablePropertyFactory<>(Region.getClassCssMetaData());
    private static final double WHEEL_STEP = 40;
    private static final double WHEEL_ZOOM = 0.85;
    private static final double KEY_ZOOM = 0.7;
    private static final double KEY_PAN = 0.15;

    private final StyleableProperty<Paint> upColor = CSS.createStyleablePaintProperty(this, "upColor",
            "-bk-up-color", x -> x.upColor, Color.web("#1a7f37"));
    private final StyleableProperty<Paint> downColor = CSS.createStyleablePaintProperty(this, "downColor",
            "-bk-down-color", x -> x.downColor, Color.web("#cf222e"));
    private final StyleableProperty<Paint> gridColor = CSS.createStyleablePaintProperty(this, "gridColor",
            "-bk-grid-color", x -> x.gridColor, Color.web("#eaeef2"));
    private final StyleableProperty<Paint> textColor = CSS.createStyleablePaintProperty(this, "textColor",
            "-bk-text-color", x -> x.textColor, Color.web("#57606a"));
    private final StyleableProperty<Paint> separatorColor =
            CSS.createStyleablePaintProperty(this, "separatorColor", "-bk-separator-color", x -> x.separatorColor,
                    Color.web("#d0d7de"));
    private final StyleableProperty<Paint> missingColor = CSS.createStyleablePaintProperty(this, "missingColor",
            "-bk-missing-color", x -> x.missingColor, Color.web("#fff8c5"));
    private final StyleableProperty<Paint> emptyColor = CSS.createStyleablePaintProperty(this, "emptyColor",
            "-bk-empty-color", x -> x.emptyColor, Color.web("#8c959f"));
    private final StyleableProperty<Paint> incompleteColor =
            CSS.createStyleablePaintProperty(this, "incompleteColor", "-bk-incomplete-color", x -> x.incompleteColor,
                    Color.web("#bf8700"));
    private final StyleableProperty<Paint> crosshairColor =
            CSS.createStyleablePaintProperty(this, "crosshairColor", "-bk-crosshair-color", x -> x.crosshairColor,
                    Color.web("#6e7781"));
    private final StyleableProperty<Paint> accentColor = CSS.createStyleablePaintProperty(this, "accentColor",
            "-bk-accent-color", x -> x.accentColor, Color.web("#0969da"));
    private final StyleableProperty<Paint> labelColor = CSS.createStyleablePaintProperty(this, "labelColor",
            "-bk-label-color", x -> x.labelColor, Color.web("#24292f"));
    private final StyleableProperty<Paint> labelTextColor =
            CSS.createStyleablePaintProperty(this, "labelTextColor", "-bk-label-text-color", x -> x.labelTextColor,
                    Color.web("#ffffff"));

    private final StyleableProperty<Paint> smaColor = CSS.createStyleablePaintProperty(this, "smaColor",
            "-bk-sma-color", x -> x.smaColor, Color.web("#0969da"));
    private final StyleableProperty<Paint> emaColor = CSS.createStyleablePaintProperty(this, "emaColor",
            "-bk-ema-color", x -> x.emaColor, Color.web("#bf3989"));
    private final StyleableProperty<Paint> vwapColor = CSS.createStyleablePaintProperty(this, "vwapColor",
            "-bk-vwap-color", x -> x.vwapColor, Color.web("#8250df"));
    private final StyleableProperty<Paint> bandsColor = CSS.createStyleablePaintProperty(this, "bandsColor",
            "-bk-bands-color", x -> x.bandsColor, Color.web("#6e7781"));

    private final StyleableProperty<Paint> backgroundColor =
            CSS.createStyleablePaintProperty(this, "backgroundColor", "-bk-background-color", x -> x.backgroundColor,
                    Color.WHITE);

    private final Canvas base = new Canvas();
    private final Canvas overlay = new Canvas();
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>(this, "data", ChartData.NONE);
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", Viewport.NONE);
    private final BooleanProperty loadingOlder = new SimpleBooleanProperty(this, "loadingOlder");
    private final StringProperty loadingOlderText = new SimpleStringProperty(this, "loadingOlderText",
            "loading older data\u2026");
    private final ObjectProperty<ChartOptions> options = new SimpleObjectProperty<>(this, "options",
            ChartOptions.DEFAULTS);
    private final ObjectProperty<StudyLines> studies = new SimpleObjectProperty<>(this, "studies", StudyLines.NONE);
    private final ReadOnlyIntegerWrapper hoverSlot = new ReadOnlyIntegerWrapper(this, "hoverSlot", -1);
    private final ReadOnlyIntegerWrapper frames = new ReadOnlyIntegerWrapper(this, "frames");
    private final ChartMarkerLayer markers = new ChartMarkerLayer();

    private ChartPainter.Frame frame;
    /** The colours as the last frame read them; null once one of them changed (made again when next asked for). */
    private ChartPalette palette;
    private Crosshair.TimeTag timeTag;
    private ChartData painted = ChartData.NONE;
    private boolean repaintQueued;
    /** Whether the overlay holds a crosshair: an empty overlay is hidden, so no frame composites it for nothing. */
    private boolean crosshairShown;
    private double mouseX = Double.NaN;
    private double mouseY;
    private double dragX;
    private Viewport dragStart;

    public CandleChart() {
        getStyleClass().add("candle-chart");
        overlay.setMouseTransparent(true);
        getChildren().addAll(base, overlay);
        setFocusTraversable(true);
        setMinSize(200, 150);
        for (Observable o : List.of(data, viewport, loadingOlder, loadingOlderText, options, studies,
                markers.marksProperty())) {
            o.addListener(x -> repaintLater());
        }
        for (StyleableProperty<Paint> colour : colours()) {
            // The factory's properties are observable: a theme switch repaints in the new colours.
            ((Observable) colour).addListener(x -> {
                palette = null;
                repaintLater();
            });
        }
        new ChartInput(this).install();
        // The keys work as soon as the chart shows, without a click first: it takes the focus whenever it is put
        // into a window (the main window swaps views in and out).
        sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Platform.runLater(this::requestFocus);
            }
        });
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (base.getWidth() != w || base.getHeight() != h) {
            base.setWidth(w);
            base.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            repaintLater();
        }
    }

    private void repaintLater() {
        if (!repaintQueued) {
            repaintQueued = true;
            Platform.runLater(this::repaint);
        }
    }

    /** Paints the frame now (the benchmark and tests; the chart itself repaints once per pulse). */
    void repaint() {
        repaintQueued = false;
        if (base.getWidth() < 1 || base.getHeight() < 1) {
            return;
        }
        frame = ChartPainter.paint(base.getGraphicsContext2D(), data.get(), viewport.get(), base.getWidth(),
                base.getHeight(), palette(), loadingOlder.get() ? loadingOlderText.get() : null, options.get(),
                studies.get());
        markers.paint(base.getGraphicsContext2D(), frame, data.get(), palette());
        painted = data.get();
        frames.set(frames.get() + 1);
        paintCrosshair();
    }

    /** The crosshair's time tag and the time-axis labels left beside it, or null without a tag (tests). */
    Crosshair.TimeTag timeTag() {
        return timeTag;
    }

    /** What the last frame showed (tests). */
    ChartPainter.Frame frame() {
        return frame;
    }

    /** The data the last frame showed (tests). */
    ChartData painted() {
        return painted;
    }

    private List<StyleableProperty<Paint>> colours() {
        return List.of(upColor, downColor, gridColor, textColor, separatorColor, missingColor, emptyColor,
                incompleteColor, crosshairColor, accentColor, labelColor, labelTextColor, smaColor, emaColor, vwapColor,
                bandsColor, backgroundColor);
    }

    /** The chart's colours, made once and again only after one of them changed (each frame reads them twice). */
    ChartPalette palette() {
        if (palette == null) {
            List<Paint> c = colours().stream().map(StyleableProperty::getValue).toList();
            palette = new ChartPalette(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6),
                    c.get(7), c.get(8), c.get(9), c.get(10), c.get(11), c.get(12), c.get(13), c.get(14), c.get(15),
                    c.get(16));
        }
        return palette;
    }

    private void paintCrosshair() {
        ChartData d = data.get();
        int slot = -1;
        if (frame != null && !Double.isNaN(mouseX) && frame.layout().inPlot(mouseX, mouseY)) {
            slot = frame.viewport().slotAt(mouseX, frame.layout().plotWidth());
            slot = slot >= 0 && slot < d.size ? slot : -1;
        }
        hoverSlot.set(slot);
        markers.moved(mouseX, mouseY);
        boolean show = frame != null && !Double.isNaN(mouseX) && frame.layout().inPlot(mouseX, mouseY);
        timeTag = null;
        if (show || crosshairShown) {
            timeTag = Crosshair.paint(overlay.getGraphicsContext2D(), frame, d, slot, mouseX, mouseY, palette());
        }
        crosshairShown = show;
        overlay.setVisible(show);
    }

    // --- input, called by ChartInput -------------------------------------------------------------------------

    void mouseMoved(MouseEvent e) {
        mouseX = e.getX();
        mouseY = e.getY();
        paintCrosshair();
    }

    void mouseExited() {
        mouseX = Double.NaN;
        paintCrosshair();
    }

    void pressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            dragX = e.getX();
            dragStart = viewport.get();
            setCursor(Cursor.CLOSED_HAND);
        }
        if (e.getClickCount() == 2) {
            fit();
        }
    }

    void dragged(MouseEvent e) {
        if (dragStart == null) {
            return;
        }
        double slots = -(e.getX() - dragX) / dragStart.slotWidth(plotWidth());
        viewport.set(dragStart.pan(slots, data.get().size));
        mouseMoved(e);
    }

    void released() {
        dragStart = null;
        setCursor(Cursor.DEFAULT);
    }

    void scrolled(ScrollEvent e) {
        int size = data.get().size;
        Viewport v = viewport.get();
        if (Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
            viewport.set(v.pan(-e.getDeltaX() / v.slotWidth(plotWidth()), size));
        } else if (e.getDeltaY() != 0) {
            double anchor = Math.max(0, Math.min(1, e.getX() / plotWidth()));
            viewport.set(v.zoom(Math.pow(WHEEL_ZOOM, e.getDeltaY() / WHEEL_STEP), anchor, size));
        }
    }

    /** The keys: +/- zoom, arrows pan (a page with Shift), Home/End jump to either end. */
    boolean key(KeyEvent e) {
        int size = data.get().size;
        Viewport v = viewport.get();
        Viewport next = switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> v.zoom(KEY_ZOOM, 1 - Viewport.RIGHT_MARGIN, size);
            case MINUS, SUBTRACT -> v.zoom(1 / KEY_ZOOM, 1 - Viewport.RIGHT_MARGIN, size);
            case LEFT, KP_LEFT -> v.pan(-v.count() * (e.isShiftDown() ? 0.9 : KEY_PAN), size);
            case RIGHT, KP_RIGHT -> v.pan(v.count() * (e.isShiftDown() ? 0.9 : KEY_PAN), size);
            case HOME -> Viewport.atStart(size, v.count());
            case END -> Viewport.atEnd(size, v.count());
            default -> null;
        };
        if (next != null) {
            viewport.set(next);
        }
        return next != null;
    }

    /** Shows every slot. */
    public void fit() {
        viewport.set(Viewport.fit(data.get().size));
    }

    private double plotWidth() {
        return ChartLayout.of(getWidth(), getHeight()).plotWidth();
    }

    /** The split and dividend badges (what to mark, the one under the mouse, what a click on one does). */
    ChartMarkerLayer markers() {
        return markers;
    }

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    ObjectProperty<ChartOptions> optionsProperty() {
        return options;
    }

    ObjectProperty<StudyLines> studiesProperty() {
        return studies;
    }

    public BooleanProperty loadingOlderProperty() {
        return loadingOlder;
    }

    public StringProperty loadingOlderTextProperty() {
        return loadingOlderText;
    }

    /** The slot under the crosshair, or -1. */
    public ReadOnlyIntegerProperty hoverSlotProperty() {
        return hoverSlot.getReadOnlyProperty();
    }

    /** How many frames have been painted. */
    public ReadOnlyIntegerProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }
}
