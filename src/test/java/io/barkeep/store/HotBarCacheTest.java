package io.barkeep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.barkeep.domain.Bar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hot cache keeps what is read often, whatever one long scan reads once. */
class HotBarCacheTest {
    private static BarBlock block(long firstEpochSecond, int bars) {
        List<Bar> list = new ArrayList<>();
        for (int i = 0; i < bars; i++) {
            list.add(Bar.of(Instant.ofEpochSecond(firstEpochSecond + 300L * i), 10, 12, 9, 11, 100));
        }
        return BarBlock.of(list);
    }

    @Test
    void aWholeHistoryScanDoesNotEvictTheMonthsReadOften() {
        BarBlock sample = block(0, 1_600);
        HotBarCache cache = new HotBarCache(100L * sample.bytes());
        scanHistory(cache, sample, 100);
        // The views read 20 symbols' recent month again and again...
        for (int round = 0; round < 6; round++) {
            readRecentMonths(cache, sample);
        }
        // ...then one chart shows another symbol's whole history: 150 months read once, more than the capacity.
        // A plain LRU dropped every recent month here.
        scanHistory(cache, sample, 101);
        for (int symbol = 1; symbol <= 20; symbol++) {
            assertNotNull(cache.get(HotBarCache.key(symbol, 24_310)), "recent month of symbol " + symbol);
        }
    }

    private static void scanHistory(HotBarCache cache, BarBlock block, long symbolId) {
        for (int month = 0; month < 150; month++) {
            long key = HotBarCache.key(symbolId, 24_000 + month);
            assertNull(cache.get(key));
            cache.put(key, block, cache.generation());
        }
    }

    private static void readRecentMonths(HotBarCache cache, BarBlock block) {
        for (int symbol = 1; symbol <= 20; symbol++) {
            long key = HotBarCache.key(symbol, 24_310);
            if (cache.get(key) == null) {
                cache.put(key, block, cache.generation());
            }
        }
    }

    @Test
    void aBlockWeighsItsPrimitiveCellsNotARecordPerBar() {
        BarBlock b = block(0, 2_000);
        assertEquals(2_000, b.size());
        assertTrue(b.narrow());
        assertEquals(56 + 2_000 * 8 * Integer.BYTES, b.bytes(), "32 bytes a bar plus the headers");
    }

    @Test
    void everyValueComesBackExactlyWhetherItFitsAnIntOrNot() {
        long start = 1_700_000_000L;
        List<Bar> ordinary = List.of(
                new Bar(Instant.ofEpochSecond(start), 1_234_567, 1_240_000, 1_230_000, 1_235_000, 0, 0, Bar.UNKNOWN),
                new Bar(Instant.ofEpochSecond(start + 31L * 86_400), Integer.MAX_VALUE - 3, Integer.MAX_VALUE,
                        Integer.MAX_VALUE - 9, Integer.MAX_VALUE - 1, Integer.MAX_VALUE, Bar.UNKNOWN, 5));
        BarBlock small = BarBlock.of(ordinary);
        assertTrue(small.narrow());
        assertEquals(ordinary, BarBlock.view(new BarBlock[] {small}, start, start + 32L * 86_400));
        // A price above $214,748.3647 and a volume above 2^31 do not fit an int: the block keeps longs.
        List<Bar> large = List.of(ordinary.get(0),
                new Bar(Instant.ofEpochSecond(start + 300), 99_999_000_000L, 99_999_990_000L, 99_990_000_000L,
                        99_999_500_000L, 3_000_000_000L, 4_000_000_000L, 99_999_100_000L));
        BarBlock big = BarBlock.of(large);
        assertFalse(big.narrow());
        assertEquals(56 + 2 * 8 * Long.BYTES, big.bytes(), "64 bytes a bar plus the headers");
        assertEquals(large, BarBlock.view(new BarBlock[] {big}, start, start + 600));
        assertEquals(List.of(large.get(1)), BarBlock.view(new BarBlock[] {small, big}, start + 1, start + 600));
    }

    @Test
    void aBlockGivesBackTheBarsOfARangeExactly() {
        BarBlock b = block(1_000_000, 10);
        List<Bar> out = BarBlock.view(new BarBlock[] {b}, 1_000_000 + 300 * 3, 1_000_000 + 300 * 6);
        assertEquals(List.of(1_000_900L, 1_001_200L, 1_001_500L), out.stream().map(Bar::epochSecond).toList());
        assertEquals(Bar.of(Instant.ofEpochSecond(1_000_900), 10, 12, 9, 11, 100), out.get(0));
    }

    @Test
    void aViewOverSeveralBlocksReadsAcrossTheirBoundsInOrder() {
        BarBlock older = block(1_000_000, 4);
        BarBlock newer = block(1_000_000 + 300 * 10, 4);
        List<Bar> out = BarBlock.view(new BarBlock[] {older, newer}, 1_000_000 + 300 * 2, 1_000_000 + 300 * 12);
        assertEquals(List.of(1_000_600L, 1_000_900L, 1_003_000L, 1_003_300L),
                out.stream().map(Bar::epochSecond).toList());
        assertEquals(1_003_000L, out.get(2).epochSecond());
        assertThrows(IndexOutOfBoundsException.class, () -> out.get(4));
        assertThrows(UnsupportedOperationException.class, () -> out.add(out.get(0)));
    }

    @Test
    void walkingAViewGivesTheBarsInOrderAndSkipsBlocksWithNothingInRange() {
        BarBlock before = block(1_000_000, 3);
        BarBlock empty = block(1_002_000, 0);
        BarBlock newer = block(1_003_000, 4);
        BarBlock last = block(1_005_000, 2);
        // The range starts after every bar of the first block and ends inside the last one.
        List<Bar> view = BarBlock.view(new BarBlock[] {before, empty, newer, last}, 1_000_000 + 300 * 3,
                1_005_000 + 300);
        List<Long> walked = new java.util.ArrayList<>();
        for (Bar b : view) {
            walked.add(b.epochSecond());
        }
        assertEquals(List.of(1_003_000L, 1_003_300L, 1_003_600L, 1_003_900L, 1_005_000L), walked);
        java.util.Iterator<Bar> it = view.iterator();
        view.forEach(b -> it.next());
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertFalse(BarBlock.view(new BarBlock[] {empty}, 0, Long.MAX_VALUE).iterator().hasNext());
    }
}
