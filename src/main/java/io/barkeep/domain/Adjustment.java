package io.barkeep.domain;

import java.util.Locale;

/**
 * How bars leaving the engine are adjusted for corporate actions: {@code none} (as traded, what the store holds),
 * {@code splits} (back-adjusted for splits, volume multiplied by the ratio), {@code all} (splits and cash dividends,
 * the dividend multiplicatively as CRSP and Yahoo do).
 */
public enum Adjustment {
    NONE, SPLITS, ALL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code none|splits|all}, with a clear message otherwise. */
    public static Adjustment parse(String text) {
        for (Adjustment a : values()) {
            if (text != null && a.label().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("--adjust must be none, splits or all, got '" + text + "'");
    }

    public boolean splits() {
        return this != NONE;
    }

    public boolean dividends() {
        return this == ALL;
    }
}
