package io.barkeep.store;

import io.barkeep.domain.Bar;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded in-memory cache of decoded bars in front of the store, in blocks of one symbol and one UTC month,
 * evicted least-recently-used by an estimate of their heap size. Writes invalidate the blocks they touch;
 * a block read from disk is only kept if no write happened while it was being read.
 */
final class HotBarCache {
    /** Heap bytes one cached bar costs: the record, its Instant and the array slot. */
    static final int BYTES_PER_BAR = 96;

    private final long maxBytes;
    private final LinkedHashMap<Long, Bar[]> blocks = new LinkedHashMap<>(256, 0.75f, true);
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writesInFlight = new AtomicInteger();
    private long bytes;

    HotBarCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static long key(long symbolId, int monthIndex) {
        return (symbolId << 32) | monthIndex;
    }

    /** Months since year 0, UTC, of {@code epochSecond}. */
    static int monthIndex(long epochSecond) {
        YearMonth ym = YearMonth.from(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
        return ym.getYear() * 12 + ym.getMonthValue() - 1;
    }

    static Instant monthStart(int monthIndex) {
        return YearMonth.of(monthIndex / 12, monthIndex % 12 + 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    synchronized Bar[] get(long key) {
        return blocks.get(key);
    }

    /** The generation to pass to {@link #put} for a block read after this call. */
    long generation() {
        return generation.get();
    }

    /** A write may commit from now until {@link #endWrite}; call before it starts. */
    void beginWrite() {
        writesInFlight.incrementAndGet();
    }

    /** Call after the write's {@link #invalidate} (or its failure). */
    void endWrite() {
        writesInFlight.decrementAndGet();
    }

    /**
     * Whether blocks gathered since {@code readGeneration} may mix the file from before and after a commit: a write
     * is in flight, or one has invalidated blocks since.
     */
    boolean unsettledSince(long readGeneration) {
        return writesInFlight.get() > 0 || generation.get() != readGeneration;
    }

    synchronized void put(long key, Bar[] block, long readGeneration) {
        if (readGeneration != generation.get() || (long) block.length * BYTES_PER_BAR > maxBytes) {
            return;
        }
        Bar[] old = blocks.put(key, block);
        bytes += (long) block.length * BYTES_PER_BAR - (old == null ? 0 : (long) old.length * BYTES_PER_BAR);
        var it = blocks.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            Map.Entry<Long, Bar[]> eldest = it.next();
            bytes -= (long) eldest.getValue().length * BYTES_PER_BAR;
            it.remove();
        }
    }

    /** Drops the blocks of {@code symbolId} between the two months, inclusive. */
    synchronized void invalidate(long symbolId, int fromMonth, int toMonth) {
        generation.incrementAndGet();
        for (int m = fromMonth; m <= toMonth; m++) {
            Bar[] old = blocks.remove(key(symbolId, m));
            if (old != null) {
                bytes -= (long) old.length * BYTES_PER_BAR;
            }
        }
    }

    /** Drops every block of {@code symbolId}. */
    synchronized void invalidateSymbol(long symbolId) {
        generation.incrementAndGet();
        var it = blocks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Bar[]> e = it.next();
            if (e.getKey() >>> 32 == symbolId) {
                bytes -= (long) e.getValue().length * BYTES_PER_BAR;
                it.remove();
            }
        }
    }

    synchronized void clear() {
        generation.incrementAndGet();
        blocks.clear();
        bytes = 0;
    }

    synchronized long bytes() {
        return bytes;
    }
}
