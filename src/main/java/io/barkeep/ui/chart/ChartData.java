package io.barkeep.ui.chart;

import io.barkeep.domain.AggregateBar;
import io.barkeep.domain.Aggregator;
import io.barkeep.domain.BucketAlignment;
import io.barkeep.domain.Interval;
import io.barkeep.domain.MissingRange;
import io.barkeep.domain.Session;
import io.barkeep.domain.SessionCoverage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The candles of one symbol at one interval, kept column by column so that a frame over 59,000 of them touches
 * only primitive arrays. There is one slot per bucket the calendar expects: nights, weekends and holidays take no
 * room (the time axis is ordinal), while a bucket the cache lacks keeps its slot and is flagged, so holes show
 * where they are instead of closing up. Immutable once built; built in the background.
 */
public final class ChartData {
    /** The slot has a candle. */
    static final byte HAS_BAR = 1;
    /** No candle, and none is missing: the vendor confirmed no trade in every 5-minute bar of the bucket. */
    static final byte EMPTY = 2;
    /** No candle, and at least one of the bucket's 5-minute bars is missing from the cache. */
    static final byte MISSING = 4;
    /** A candle built from fewer bars than it should have: some of its 5-minute bars are missing. */
    static final byte INCOMPLETE = 8;
    /** The bucket is shorter than the interval (cut by the session's close). */
    static final byte SHORT = 16;

    static final ChartData NONE = new ChartData("", Interval.FIVE_MINUTES, 0, 0);

    final String symbol;
    final Interval interval;
    final int size;
    /** Bucket start and end (exclusive), epoch seconds. */
    final long[] time;
    final long[] end;
    /** Prices in ticks; a slot without a candle carries the last close before it, for markers and the readout. */
    final long[] open;
    final long[] high;
    final long[] low;
    final long[] close;
    final long[] volume;
    /** The session's running VWAP at the bucket's last bar, in ticks, or {@link io.barkeep.domain.Bar#UNKNOWN}. */
    final long[] vwap;
    /** 5-minute bars held, expected, and missing in each bucket (held + vendor-empty + missing = expected). */
    final int[] bars;
    final int[] expected;
    final int[] missing;
    final byte[] flags;
    /** First slot of each session, with {@code size} as a sentinel at the end. */
    final int[] sessionFirst;
    final LocalDate[] sessionDate;
    /** The display zone's offset from UTC at each session, seconds: clock times without a zone lookup per slot. */
    final int[] sessionOffset;
    /** The zone the axis and the readout show times in: New York unless the user chose the local zone. */
    final ZoneId zone;

    private ChartData(String symbol, Interval interval, int size, int sessions) {
        this.symbol = symbol;
        this.interval = interval;
        this.size = size;
        time = new long[size];
        end = new long[size];
        open = new long[size];
        high = new long[size];
        low = new long[size];
        close = new long[size];
        volume = new long[size];
        vwap = new long[size];
        bars = new int[size];
        expected = new int[size];
        missing = new int[size];
        flags = new byte[size];
        sessionFirst = new int[sessions + 1];
        sessionDate = new LocalDate[sessions];
        sessionOffset = new int[sessions];
        zone = Session.NEW_YORK;
    }

    /** The same candles with times shown in {@code displayZone}; shares every column but the offsets. */
    private ChartData(ChartData d, ZoneId displayZone) {
        symbol = d.symbol;
        interval = d.interval;
        size = d.size;
        time = d.time;
        end = d.end;
        open = d.open;
        high = d.high;
        low = d.low;
        close = d.close;
        volume = d.volume;
        vwap = d.vwap;
        bars = d.bars;
        expected = d.expected;
        missing = d.missing;
        flags = d.flags;
        sessionFirst = d.sessionFirst;
        sessionDate = d.sessionDate;
        zone = displayZone;
        sessionOffset = new int[d.sessionOffset.length];
        for (int k = 0; k < sessionOffset.length; k++) {
            sessionOffset[k] = zone.getRules().getOffset(Instant.ofEpochSecond(time[sessionFirst[k]]))
                    .getTotalSeconds();
        }
    }

    /** These candles with their times shown in {@code displayZone} (cheap: the columns are shared). */
    ChartData inZone(ZoneId displayZone) {
        return displayZone.equals(zone) ? this : new ChartData(this, displayZone);
    }

    /**
     * Builds the candles of {@code snapshot} at {@code interval}, buckets anchored at the session open. The bars
     * come from the {@link Aggregator} (the same buckets the command line serves); the slots and what is missing
     * in them come from the calendar's sessions and the coverage ledger.
     */
    static ChartData build(ChartSnapshot snapshot, Interval interval) {
        List<SessionCoverage> sessions = snapshot.sessions();
        int slots = 0;
        for (SessionCoverage c : sessions) {
            slots += bucketCount(c.session(), interval);
        }
        ChartData d = new ChartData(snapshot.symbol(), interval, slots, sessions.size());
        List<AggregateBar> aggregated = Aggregator.aggregate(snapshot.bars(), interval, BucketAlignment.SESSION_OPEN,
                snapshot.calendar());
        int next = 0;
        long lastClose = aggregated.isEmpty() ? 0 : aggregated.get(0).open();
        int i = 0;
        for (int k = 0; k < sessions.size(); k++) {
            SessionCoverage coverage = sessions.get(k);
            Session s = coverage.session();
            d.sessionFirst[k] = i;
            d.sessionDate[k] = s.date();
            d.sessionOffset[k] = Session.NEW_YORK.getRules().getOffset(s.open()).getTotalSeconds();
            long open = s.open().getEpochSecond();
            long close = s.close().getEpochSecond();
            long length = interval.isSession() ? close - open : interval.minutes() * 60L;
            List<MissingRange> holes = coverage.missing();
            for (long t = open; t < close; t += length, i++) {
                long e = Math.min(t + length, close);
                d.time[i] = t;
                d.end[i] = e;
                d.expected[i] = (int) ((e - t + Session.BAR_SECONDS - 1) / Session.BAR_SECONDS);
                d.missing[i] = Math.min(d.expected[i], missingBars(holes, t, e));
                while (next < aggregated.size() && aggregated.get(next).start().getEpochSecond() < t) {
                    next++;
                }
                if (next < aggregated.size() && aggregated.get(next).start().getEpochSecond() == t) {
                    AggregateBar a = aggregated.get(next++);
                    d.set(i, a.open(), a.high(), a.low(), a.close(), a.volume());
                    d.vwap[i] = a.vwap();
                    d.bars[i] = a.bars();
                    d.flags[i] = (byte) (HAS_BAR | (d.missing[i] > 0 ? INCOMPLETE : 0)
                            | (e - t < length || a.partial() ? SHORT : 0));
                    lastClose = a.close();
                } else {
                    d.set(i, lastClose, lastClose, lastClose, lastClose, 0);
                    d.vwap[i] = io.barkeep.domain.Bar.UNKNOWN;
                    d.flags[i] = d.missing[i] > 0 ? MISSING : EMPTY;
                }
            }
        }
        d.sessionFirst[sessions.size()] = slots;
        return d;
    }

    private static int bucketCount(Session s, Interval interval) {
        long span = s.close().getEpochSecond() - s.open().getEpochSecond();
        if (interval.isSession()) {
            return span > 0 ? 1 : 0;
        }
        long length = interval.minutes() * 60L;
        return (int) ((span + length - 1) / length);
    }

    // A session has a handful of holes at most: a scan per bucket costs nothing next to the aggregation.
    private static int missingBars(List<MissingRange> holes, long from, long to) {
        long seconds = 0;
        for (MissingRange r : holes) {
            long a = Math.max(from, r.from().getEpochSecond());
            long b = Math.min(to, r.to().getEpochSecond());
            if (a < b) {
                seconds += b - a;
            }
        }
        return (int) ((seconds + Session.BAR_SECONDS - 1) / Session.BAR_SECONDS);
    }

    private void set(int i, long o, long h, long l, long c, long v) {
        open[i] = o;
        high[i] = h;
        low[i] = l;
        close[i] = c;
        volume[i] = v;
    }

    public String symbol() {
        return symbol;
    }

    public Interval interval() {
        return interval;
    }

    /** How many slots (candles and holes) there are. */
    public int size() {
        return size;
    }

    public int sessionCount() {
        return sessionDate.length;
    }

    boolean has(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** How many slots in from..to (exclusive) hold a candle. */
    public int countBars(int from, int to) {
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
            n += flags[i] & HAS_BAR;
        }
        return n;
    }

    /** The last slot starting at or before {@code epochSecond}; 0 before the first, -1 when there are none. */
    int slotAt(long epochSecond) {
        if (size == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(time, epochSecond);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /** The session holding slot {@code i}. */
    int sessionOf(int i) {
        int k = Arrays.binarySearch(sessionFirst, 0, sessionDate.length, i);
        if (k >= 0) {
            // Sessions never hold zero slots, so an exact hit is that session's first slot.
            return k;
        }
        return -k - 2;
    }

    /** The first session on or after {@code date}, or the last session when all are before it; -1 when none. */
    int sessionOnOrAfter(LocalDate date) {
        int n = sessionDate.length;
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sessionDate[mid].isBefore(date)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return n == 0 ? -1 : Math.min(lo, n - 1);
    }

    /** The New York date of the first session, or null when there is none. */
    public LocalDate firstDate() {
        return sessionDate.length == 0 ? null : sessionDate[0];
    }

    /** Minutes after midnight in the display zone of slot {@code i}'s start, in session {@code k}. */
    int localMinute(int i, int k) {
        return (int) Math.floorMod(time[i] + sessionOffset[k], 86_400L) / 60;
    }

    /** Lowest and highest price over from..to: candles' lows and highs, and the level of no-trade markers. */
    long[] priceRange(int from, int to) {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
            if ((flags[i] & (HAS_BAR | EMPTY)) != 0 && close[i] > 0) {
                lo = Math.min(lo, low[i]);
                hi = Math.max(hi, high[i]);
            }
        }
        return new long[] {lo, hi};
    }

    long maxVolume(int from, int to) {
        long max = 0;
        for (int i = Math.max(0, from); i < Math.min(size, to); i++) {
            max = Math.max(max, volume[i]);
        }
        return max;
    }
}
