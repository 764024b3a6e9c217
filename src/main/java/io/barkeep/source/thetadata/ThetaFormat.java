package io.barkeep.source.thetadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The body format asked of the Theta Terminal with {@code format=}. CSV is the terminal's default; JSON comes in
 * two shapes (rows or columns, depending on the account), which {@link ThetaBarParser} tells apart by itself.
 */
public enum ThetaFormat {
    CSV,
    NDJSON,
    JSON;

    /** The value of the {@code format} query parameter and of the setting. */
    public String queryValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format named by a setting ({@code csv}, {@code ndjson}, {@code json}; any case).
     *
     * @throws IllegalArgumentException naming the choices when {@code text} is none of them
     */
    public static ThetaFormat fromSetting(String text) {
        for (ThetaFormat format : values()) {
            if (format.queryValue().equalsIgnoreCase(text.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown ThetaData format '" + text + "'; choose one of "
                + Arrays.stream(values()).map(ThetaFormat::queryValue).collect(Collectors.joining(", ")));
    }
}
