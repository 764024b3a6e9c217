package io.barkeep.ui.gaps;

/** What one heatmap cell says about one symbol's session; the legend explains each in words. */
public enum CellState {
    /** Every bar is held or the vendor confirmed it had no trade. */
    COMPLETE,
    /** Some bars held, some missing. */
    PARTIAL,
    /** The whole session is no-trade bars, or the vendor answered "no data" after the close. */
    VENDOR_EMPTY,
    /** Nothing of the session is held or confirmed. */
    MISSING,
    /** The exchange did not trade that weekday (a holiday or an unscheduled closure). */
    CLOSED,
    /** The session is in progress or its bars may still be corrected (within the settle window). */
    NOT_FINAL;

    /** The lower-case name used in style classes and bundle keys. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
