package io.barkeep.ui.freshness;

/**
 * When a freshness figure deserves attention. Coverage below 99% is amber and below 90% red; a lag of more than
 * 2 bars is amber and more than 12 (an hour) red. The same lag thresholds hold outside sessions, where the lag
 * is counted to the last session's close: a closed session should be whole once the updater has passed.
 */
public final class Thresholds {
    /** How a figure is coloured; the CSS class goes on its table cell. */
    public enum Level {
        OK(""), AMBER("level-amber"), RED("level-red");

        private final String styleClass;

        Level(String styleClass) {
            this.styleClass = styleClass;
        }

        /** The cell's CSS class, empty for {@link #OK}. */
        public String styleClass() {
            return styleClass;
        }
    }

    /** A symbol's overall state, worst first; the order is also the state column's sort order. */
    public enum State {
        EMPTY("mdi2d-database-off-outline", "state-empty"),
        STALE("mdi2c-clock-alert-outline", "state-stale"),
        GAPS("mdi2a-alert-outline", "state-gaps"),
        OK("mdi2c-check-circle-outline", "state-ok");

        private final String icon;
        private final String styleClass;

        State(String icon, String styleClass) {
            this.icon = icon;
            this.styleClass = styleClass;
        }

        /** The Ikonli literal shown in the state column. */
        public String icon() {
            return icon;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public static final double COVERAGE_AMBER_BELOW = 99.0;
    public static final double COVERAGE_RED_BELOW = 90.0;
    public static final long LAG_AMBER_ABOVE = 2;
    public static final long LAG_RED_ABOVE = 12;

    private Thresholds() {
    }

    /** The level of a coverage percentage; null (nothing expected yet) is not coloured. */
    public static Level coverage(Double percent) {
        if (percent == null) {
            return Level.OK;
        }
        return percent < COVERAGE_RED_BELOW ? Level.RED : percent < COVERAGE_AMBER_BELOW ? Level.AMBER : Level.OK;
    }

    /** The level of a lag in bars; null (no bar held) is not coloured. */
    public static Level lag(Long bars) {
        if (bars == null) {
            return Level.OK;
        }
        return bars > LAG_RED_ABOVE ? Level.RED : bars > LAG_AMBER_ABOVE ? Level.AMBER : Level.OK;
    }

    /** Any gap is worth a look. */
    public static Level gaps(int gaps) {
        return gaps > 0 ? Level.AMBER : Level.OK;
    }

    /** Empty beats stale beats gaps: what the trader should act on first. */
    public static State state(boolean empty, Long lagBars, int gaps, Double coverage) {
        if (empty) {
            return State.EMPTY;
        }
        if (lag(lagBars) != Level.OK) {
            return State.STALE;
        }
        return gaps > 0 || coverage(coverage) != Level.OK ? State.GAPS : State.OK;
    }
}
