package io.barkeep.domain;

/** How long a regular NYSE session runs. */
public enum SessionKind {
    /** 09:30-16:00 New York. */
    REGULAR,
    /** 09:30-13:00 New York. */
    EARLY_CLOSE;

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
