package io.barkeep.mcp;

import io.barkeep.domain.Interval;
import io.barkeep.domain.Symbols;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Where a page of bars ends: the request resolved to fixed dates (so a relative {@code lookback_days} does not
 * move between pages) and the start of the next bar. Opaque to clients: base64url of a short text.
 */
record BarCursor(String symbol, Interval interval, String adjust, LocalDate from, LocalDate to, Instant next) {
    private static final String VERSION = "b1";

    String encode() {
        String text = String.join("|", VERSION, symbol, interval.label(), adjust, from.toString(), to.toString(),
                Long.toString(next.getEpochSecond()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static BarCursor decode(String cursor) {
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            if (f.length != 7 || !f[0].equals(VERSION)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return new BarCursor(Symbols.normalize(f[1]), Interval.parse(f[2]), f[3], LocalDate.parse(f[4]),
                    LocalDate.parse(f[5]), Instant.ofEpochSecond(Long.parseLong(f[6])));
        } catch (RuntimeException e) {
            throw new ToolError("bad cursor: pass next_cursor back exactly as a previous answer gave it");
        }
    }
}
