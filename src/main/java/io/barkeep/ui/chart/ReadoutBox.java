package io.barkeep.ui.chart;

import java.util.List;
import javafx.beans.Observable;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Holds a one-line label whose text changes on every frame of a pan (the chart's readouts) so that the change lays
 * out only the label. A managed label's new text asks every parent up to the window's root for a new layout (the
 * whole view's sizes computed again, about 1 ms a frame, and as much garbage as the chart's own paint); here the
 * label is unmanaged, which stops the request at the label, and this box gives it the box's width and the label's
 * own height. The box takes the label's place in its parent, and is left out of the layout like the label would be
 * when the label is not managed (the study readout while it is empty).
 */
final class ReadoutBox extends Region {
    private final Label label;

    private ReadoutBox(Label label) {
        this.label = label;
        // Taken before the label becomes unmanaged: whatever its managed flag follows, the box follows now.
        if (label.managedProperty().isBound()) {
            managedProperty().bind(label.visibleProperty());
        }
        label.managedProperty().unbind();
        label.setManaged(false);
        getChildren().add(label);
        setMinWidth(0);
        // What can change the label's height (a theme's font, padding, minimum) still lays the box out again.
        for (Observable o : List.of(label.fontProperty(), label.paddingProperty(),
                label.minHeightProperty(), label.prefHeightProperty())) {
            o.addListener(x -> requestLayout());
        }
    }

    /** Puts a box in {@code label}'s place in its parent (a Pane) with the label inside. */
    static ReadoutBox wrap(Label label) {
        Parent parent = label.getParent();
        if (!(parent instanceof Pane pane)) {
            throw new IllegalStateException("a readout sits in a pane, not in " + parent);
        }
        int index = pane.getChildren().indexOf(label);
        pane.getChildren().remove(index);
        ReadoutBox box = new ReadoutBox(label);
        pane.getChildren().add(index, box);
        return box;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        // One line: the label's height does not depend on its text, so the cached value stays right.
        return Math.max(label.minHeight(-1), label.prefHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(0, 0, getWidth(), getHeight());
    }
}
