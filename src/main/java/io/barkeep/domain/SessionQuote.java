package io.barkeep.domain;

/**
 * Where a symbol stands in its latest session, from cached 5-minute bars: the last price, the previous
 * session's close, and the volume traded so far in the session. What a watchlist's market columns show; read by
 * {@code BarStore.sessionQuotes}.
 *
 * @param last          the close of the newest bar, in ticks
 * @param previousClose the close of the previous session's last bar, in ticks, or {@link Bar#UNKNOWN} when the
 *                      cache holds nothing of that session
 * @param volume        shares traded in the latest session's bars
 */
public record SessionQuote(long last, long previousClose, long volume) {

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
