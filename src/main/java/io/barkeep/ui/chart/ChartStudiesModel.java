package io.barkeep.ui.chart;

import io.barkeep.domain.Prices;
import io.barkeep.domain.Session;
import io.barkeep.ui.app.AppServices;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.text.MessageFormat;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chart's options and what follows from them: the candles with their times in the chosen zone, and the study
 * lines, computed in the background whenever the candles or the options change. Options are remembered per
 * symbol ({@link ChartOptionsStore}): switching the symbol brings back that chart's studies.
 */
final class ChartStudiesModel {
    private static final Logger LOG = LoggerFactory.getLogger(ChartStudiesModel.class);

    private final AppServices services;
    private final ReadOnlyStringProperty symbol;
    private final ReadOnlyObjectProperty<ChartData> data;
    private final ResourceBundle texts;
    private final ChartOptionsStore store;
    /** The zone of the "local time" option: this computer's. */
    private final ZoneId localZone;
    private final ObjectProperty<ChartOptions> options = new SimpleObjectProperty<>(ChartOptions.DEFAULTS);
    private final ReadOnlyObjectWrapper<ChartData> shown = new ReadOnlyObjectWrapper<>(ChartData.NONE);
    private final ReadOnlyObjectWrapper<StudyLines> studies = new ReadOnlyObjectWrapper<>(StudyLines.NONE);
    /** Set while the options of a newly shown symbol are put in place: they came from the file, not the user. */
    private boolean restoring;
    /**
     * The symbol whose options the property holds: none between a switch of symbol and its options being read, so
     * nothing saved in that moment files the previous chart's studies under the new symbol.
     */
    private String optionsOf;
    private int generation;

    ChartStudiesModel(AppServices services, ReadOnlyStringProperty symbol, ReadOnlyObjectProperty<ChartData> data,
                      ResourceBundle texts, ZoneId localZone) {
        this.services = services;
        this.localZone = localZone;
        this.symbol = symbol;
        this.data = data;
        this.texts = texts;
        this.store = new ChartOptionsStore(services.dataFolder());
        symbol.addListener((obs, was, now) -> restore(now));
        data.addListener((obs, was, now) -> recompute());
        options.addListener((obs, was, now) -> {
            recompute();
            if (!restoring && symbol.get() != null && symbol.get().equals(optionsOf)) {
                String sym = symbol.get();
                services.ui().load(() -> {
                    store.save(sym, now);
                    return null;
                }, x -> { }, e -> LOG.warn("chart options not saved", e));
            }
        });
        restore(symbol.get());
    }

    private void restore(String sym) {
        optionsOf = null;
        if (sym == null) {
            return;
        }
        services.ui().load(() -> store.open(sym), o -> {
            if (sym.equals(symbol.get())) {
                restoring = true;
                try {
                    options.set(o);
                } finally {
                    restoring = false;
                }
                optionsOf = sym;
            }
        }, e -> LOG.warn("chart options of {} not read", sym, e));
    }

    private void recompute() {
        ChartOptions o = options.get();
        ChartData d = data.get().inZone(o.localTime() ? localZone : Session.NEW_YORK);
        shown.set(d);
        int g = ++generation;
        if (!o.anyOverlay() && o.lower() == ChartOptions.Lower.NONE) {
            studies.set(StudyLines.NONE);
            return;
        }
        services.ui().load(() -> StudyLines.compute(d, o), s -> {
            if (g == generation) {
                studies.set(s);
            }
        }, e -> LOG.warn("studies not computed", e));
    }

    /** The studies' values at slot {@code i}, for the readout; empty when none is on. */
    String values(int i) {
        StudyLines s = studies.get();
        ChartOptions o = options.get();
        if (i < 0 || i >= s.size()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (o.sma()) {
            add(b, MessageFormat.format(texts.getString("study.smaValue"), o.smaPeriod()), price(s.sma[i]));
        }
        if (o.ema()) {
            add(b, MessageFormat.format(texts.getString("study.emaValue"), o.emaPeriod()), price(s.ema[i]));
        }
        if (o.vwap()) {
            add(b, texts.getString("study.vwapValue"), price(s.vwap[i]));
        }
        if (o.bollinger()) {
            add(b, texts.getString("study.bollingerValue"), price(s.upper[i]) + " / " + price(s.middle[i]) + " / "
                    + price(s.lower[i]));
        }
        if (o.lower() == ChartOptions.Lower.RSI) {
            add(b, texts.getString("study.rsiValue"), number(s.rsi[i], 1));
        } else if (o.lower() == ChartOptions.Lower.MACD) {
            add(b, texts.getString("study.macdValue"), number(s.macd[i] / Prices.SCALE, 3) + " / "
                    + number(s.signal[i] / Prices.SCALE, 3) + " / " + number(s.histogram[i] / Prices.SCALE, 3));
        }
        return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
        b.append(b.isEmpty() ? "" : "    ").append(name).append(' ').append(value);
    }

    private static String price(double ticks) {
        return Double.isNaN(ticks) ? "\u2014" : ChartPainter.price(ticks, ticks < 10_000 ? 4 : 2);
    }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "\u2014" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Whether the options in hand are the shown symbol's, read from the data folder (tests). */
    boolean optionsRead() {
        return optionsOf != null && optionsOf.equals(symbol.get());
    }

    ObjectProperty<ChartOptions> optionsProperty() {
        return options;
    }

    /** The loaded candles with their times in the chosen zone: what the chart draws and the readout describes. */
    ReadOnlyObjectProperty<ChartData> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<StudyLines> studiesProperty() {
        return studies.getReadOnlyProperty();
    }
}
