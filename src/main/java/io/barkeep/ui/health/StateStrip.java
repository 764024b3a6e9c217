package io.barkeep.ui.health;

import io.barkeep.source.RequestStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The terminal's state over time as one bar: a stretch per state (answering, not answering, not yet known) from
 * the first figure to now, coloured by the theme's success and danger colours. Its span grows with the app's run
 * up to {@link #SPAN}; older states fall off the left edge.
 */
final class StateStrip extends Region {
    /** The longest stretch of time the bar shows. */
    static final Duration SPAN = Duration.ofHours(24);
    private static final double HEIGHT = 18;

    private List<RequestStats.Change> changes = List.of();
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH;

    StateStrip() {
        getStyleClass().add("health-strip");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
    }

    /** Shows {@code changes} (oldest first) from {@code start} (the source opened) up to {@code now}. */
    void show(List<RequestStats.Change> changes, Instant start, Instant now) {
        this.changes = List.copyOf(changes);
        this.from = start.isBefore(now.minus(SPAN)) ? now.minus(SPAN) : start;
        this.to = now;
        requestLayout();
    }

    /** The state at {@code at} as the strip draws it: null before the first figure. */
    RequestStats.State stateAt(Instant at) {
        RequestStats.State state = null;
        for (RequestStats.Change c : changes) {
            if (!c.at().isAfter(at)) {
                state = c.state();
            }
        }
        return state;
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        double width = getWidth();
        double millis = Math.max(1, Duration.between(from, to).toMillis());
        Instant start = from;
        RequestStats.State state = stateAt(from);
        for (RequestStats.Change c : changes) {
            if (c.at().isAfter(from) && c.at().isBefore(to)) {
                stretch(start, c.at(), state, width, millis);
                start = c.at();
                state = c.state();
            }
        }
        stretch(start, to, state, width, millis);
    }

    private void stretch(Instant a, Instant b, RequestStats.State state, double width, double millis) {
        double x0 = Math.floor(width * Duration.between(from, a).toMillis() / millis);
        double x1 = Math.ceil(width * Duration.between(from, b).toMillis() / millis);
        Rectangle r = new Rectangle(x0, 0, Math.max(1, x1 - x0), getHeight());
        r.getStyleClass().add(state == null ? "health-strip-unknown"
                : state == RequestStats.State.ANSWERING ? "health-strip-up" : "health-strip-down");
        getChildren().add(r);
    }
}
