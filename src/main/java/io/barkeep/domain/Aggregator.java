package io.barkeep.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds larger bars from stored 5-minute bars by time bucket on the exchange calendar, never by counting
 * bars: a missing 5-minute bar leaves a bucket short ({@link AggregateBar#bars()} below
 * {@link AggregateBar#expectedBars()}) and never shifts later buckets; a bucket with no bar at all is not
 * produced. Buckets never cross a session boundary.
 *
 * <p>Volume and trade sums never wrap around: they stop at {@link Long#MAX_VALUE} and the bar says so
 * ({@link AggregateBar#capped()}).
 *
 * <p>All arithmetic is in epoch seconds relative to each session's open instant, so daylight-saving changes
 * (which fall on Sundays, outside any session) cannot move a bucket.
 */
public final class Aggregator {
    private static final int BAR_SECONDS = Session.BAR_SECONDS;
    private static final long DAY_SECONDS = 86_400;

    private Aggregator() {
    }

    /**
     * Aggregates {@code bars} to {@code interval}.
     *
     * @param bars      5-minute bars sorted by start, strictly increasing; may have holes and span years.
     *                  Bars outside every session of {@code calendar} are skipped.
     * @param alignment where minute buckets start; ignored for {@code 1d}
     * @return the non-empty buckets in time order, unmodifiable
     * @throws IllegalArgumentException when the bars are not strictly increasing by start
     */
    public static List<AggregateBar> aggregate(List<Bar> bars, Interval interval, BucketAlignment alignment,
                                               TradingCalendar calendar) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(calendar, "calendar");
        if (bars.isEmpty()) {
            return List.of();
        }
        // One date range lookup up front, then the session cursor walks in step with the bars. A day of slack
        // either side costs nothing and spares reasoning about the UTC/New York date of the edge bars.
        LocalDate from = bars.get(0).start().atZone(Session.NEW_YORK).toLocalDate().minusDays(1);
        LocalDate to = bars.get(bars.size() - 1).start().atZone(Session.NEW_YORK).toLocalDate().plusDays(1);
        List<Session> sessions = calendar.sessions(from, to);
        int sessionCount = sessions.size();

        boolean daily = interval.isSession();
        boolean clock = !daily && alignment == BucketAlignment.CLOCK;
        long intervalSeconds = interval.minutes() * 60L;
        ZoneRules rules = Session.NEW_YORK.getRules();

        int capacity = daily ? sessionCount
                : Math.min(bars.size(), bars.size() / interval.barsPerBucket() + sessionCount);
        List<AggregateBar> out = new ArrayList<>(capacity);

        int si = -1;
        long open = 0;
        long close = Long.MIN_VALUE;
        long bucketLength = intervalSeconds;
        long phase = 0;

        long previous = Long.MIN_VALUE;
        boolean inBucket = false;
        Instant bucketStartInstant = null;
        long bucketStart = 0;
        long bucketEnd = Long.MIN_VALUE;
        int expected = 0;
        boolean partial = false;
        long o = 0;
        long h = 0;
        long l = 0;
        long c = 0;
        long volume = 0;
        long trades = 0;
        boolean capped = false;
        long vwap = 0;
        int count = 0;

        for (Bar bar : bars) {
            long t = bar.start().getEpochSecond();
            if (t <= previous) {
                throw new IllegalArgumentException("bars must be sorted by start without duplicates: "
                        + bar.start() + " comes after " + Instant.ofEpochSecond(previous));
            }
            previous = t;
            if (inBucket && t < bucketEnd) {
                h = Math.max(h, bar.high());
                l = Math.min(l, bar.low());
                c = bar.close();
                capped |= overflows(volume, bar.volume());
                volume = cappedSum(volume, bar.volume());
                if (trades == Bar.UNKNOWN || bar.trades() == Bar.UNKNOWN) {
                    trades = Bar.UNKNOWN;
                } else {
                    capped |= overflows(trades, bar.trades());
                    trades = cappedSum(trades, bar.trades());
                }
                vwap = bar.vwap();
                count++;
                continue;
            }
            if (inBucket) {
                out.add(new AggregateBar(bucketStartInstant, Instant.ofEpochSecond(bucketEnd), o, h, l, c, volume,
                        trades, vwap, count, expected, partial, capped));
                inBucket = false;
            }
            if (t >= close) {
                do {
                    si++;
                } while (si < sessionCount && t >= (close = sessions.get(si).close().getEpochSecond()));
                if (si >= sessionCount) {
                    break;
                }
                Session s = sessions.get(si);
                open = s.open().getEpochSecond();
                if (daily) {
                    bucketLength = close - open;
                } else if (clock) {
                    long localSecondOfDay = Math.floorMod(open + rules.getOffset(s.open()).getTotalSeconds(),
                            DAY_SECONDS);
                    phase = localSecondOfDay % intervalSeconds;
                }
            }
            if (t < open) {
                continue;
            }
            // Offsets from the open are >= 0, so plain division floors. Bucket k covers
            // [k * length - phase, (k + 1) * length - phase) from the open, clipped to the session.
            long offset = t - open;
            long k = (offset + phase) / bucketLength;
            long startOffset = Math.max(0, k * bucketLength - phase);
            long endOffset = Math.min(close - open, (k + 1) * bucketLength - phase);
            bucketStart = open + startOffset;
            bucketEnd = open + endOffset;
            bucketStartInstant = bucketStart == t ? bar.start() : Instant.ofEpochSecond(bucketStart);
            // Bar starts sit at multiples of BAR_SECONDS from the open: count those inside [start, end).
            expected = (int) ((endOffset + BAR_SECONDS - 1) / BAR_SECONDS - (startOffset + BAR_SECONDS - 1)
                    / BAR_SECONDS);
            partial = !daily && endOffset - startOffset < intervalSeconds;
            inBucket = true;
            o = bar.open();
            h = bar.high();
            l = bar.low();
            c = bar.close();
            volume = bar.volume();
            trades = bar.trades();
            capped = false;
            vwap = bar.vwap();
            count = 1;
        }
        if (inBucket) {
            out.add(new AggregateBar(bucketStartInstant, Instant.ofEpochSecond(bucketEnd), o, h, l, c, volume,
                    trades, vwap, count, expected, partial, capped));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code sum + add} for counts (volumes, trades), held at {@link Long#MAX_VALUE} instead of wrapping around to a
     * negative or small number. Stored bars are bounded ({@link BarRules#MAX_VOLUME}), so only rows written before
     * that bound existed can get here; a capped sum is flagged ({@link AggregateBar#capped()}) rather than thrown,
     * so a chart of such a symbol still opens.
     */
    static long cappedSum(long sum, long add) {
        return overflows(sum, add) ? (add < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum + add;
    }

    private static boolean overflows(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0;
    }
}
