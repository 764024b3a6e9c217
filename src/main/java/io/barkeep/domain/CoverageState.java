package io.barkeep.domain;

/** How much of a session's bars the cache accounts for; vendor-confirmed empty bars count as covered. */
public enum CoverageState {
    /** Every expected bar is held or confirmed empty. */
    COMPLETE,
    /** Some bars are accounted for, some missing. */
    PARTIAL,
    /** No bar of the session is accounted for. */
    MISSING;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
