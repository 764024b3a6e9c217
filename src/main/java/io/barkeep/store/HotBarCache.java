package io.barkeep.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded in-memory cache of decoded bars in front of the store, in {@link BarBlock}s of one symbol and one UTC
 * month, weighed by their heap bytes. Caffeine's admission policy (W-TinyLFU) keeps the months read often: a
 * whole-history scan of one symbol, each month read once, does not push the hot recent months of every other
 * symbol out as a plain LRU did. Writes invalidate the blocks they touch; a block read from disk is only kept if no
 * write happened while it was being read.
 */
final class HotBarCache {
    private static final long SECONDS_PER_DAY = 86_400;
    private final Cache<Long, BarBlock> blocks;
    private final long maxBytes;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writesInFlight = new AtomicInteger();

    HotBarCache(long maxBytes) {
        this.maxBytes = maxBytes;
        // executor(Runnable::run): evictions happen on the caller's thread, no pool thread of Caffeine's own.
        this.blocks = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Long key, BarBlock block) -> block.bytes())
                .executor(Runnable::run)
                .build();
    }

    static long key(long symbolId, int monthIndex) {
        return (symbolId << 32) | monthIndex;
    }

    /** Months since year 0, UTC, of {@code epochSecond}. */
    static int monthIndex(long epochSecond) {
        // Arithmetic on the day: every cached read asks twice, and YearMonth.from(OffsetDateTime) answers through
        // generic field queries and three objects.
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    static Instant monthStart(int monthIndex) {
        return YearMonth.of(monthIndex / 12, monthIndex % 12 + 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    BarBlock get(long key) {
        return blocks.getIfPresent(key);
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

    /** Offers a block read from disk; kept only if no write invalidated anything since {@code readGeneration}. */
    synchronized void put(long key, BarBlock block, long readGeneration) {
        if (readGeneration == generation.get() && block.bytes() <= maxBytes) {
            blocks.put(key, block);
        }
    }

    /** Drops the blocks of {@code symbolId} between the two months, inclusive. */
    synchronized void invalidate(long symbolId, int fromMonth, int toMonth) {
        generation.incrementAndGet();
        for (int m = fromMonth; m <= toMonth; m++) {
            blocks.invalidate(key(symbolId, m));
        }
    }

    /** Drops every block of {@code symbolId}. */
    synchronized void invalidateSymbol(long symbolId) {
        generation.incrementAndGet();
        blocks.asMap().keySet().removeIf(key -> key >>> 32 == symbolId);
    }

    synchronized void clear() {
        generation.incrementAndGet();
        blocks.invalidateAll();
    }
}
