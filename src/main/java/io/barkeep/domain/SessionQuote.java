package io.barkeep.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where a symbol stands in its latest session, from cached 5-minute bars: the last price, the previous
 * session's close, and the volume traded so far in the session. What a watchlist's market columns show.
 *
 * @param last          the close of the newest bar, in ticks
 * @param previousClose the close of the previous session's last bar, in ticks, or {@link Bar#UNKNOWN} when the
 *                      cache holds nothing of that session
 * @param volume        shares traded in the latest session's bars
 */
public record SessionQuote(long last, long previousClose, long volume) {

    /**
     * The quote of the session that opened at {@code sessionOpen}, from {@code bars} in time order: the latest
     * session's bars, preceded by the previous session's; bars before that are ignored. Null when the latest
     * session has no bar.
     */
    public static SessionQuote of(List<Bar> bars, Instant sessionOpen, Instant previousOpen) {
        long previousClose = Bar.UNKNOWN;
        long last = Bar.UNKNOWN;
        long volume = 0;
        for (Bar b : bars) {
            if (b.start().isBefore(previousOpen)) {
                continue;
            }
            if (b.start().isBefore(sessionOpen)) {
                previousClose = b.close();
            } else {
                last = b.close();
                volume += b.volume();
            }
        }
        return last == Bar.UNKNOWN ? null : new SessionQuote(last, previousClose, volume);
    }

    /** The change since the previous session's close, in ticks; null when that close is not cached. */
    public Long change() {
        return previousClose == Bar.UNKNOWN ? null : last - previousClose;
    }

    /** The change as a percentage of the previous close; null when that close is not cached. */
    public Double changePercent() {
        return previousClose == Bar.UNKNOWN || previousClose == 0 ? null
                : 100.0 * (last - previousClose) / previousClose;
    }
}
