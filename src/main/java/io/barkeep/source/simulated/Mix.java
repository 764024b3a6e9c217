package io.barkeep.source.simulated;

/**
 * Stable 64-bit hashing for the simulated feed. Everything the feed invents is a pure function of these hashes,
 * so the same symbol and date give the same bars in every run, on every machine and in every locale.
 */
final class Mix {
    /** The golden-ratio increment of SplitMix64: consecutive inputs land far apart. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private Mix() {
    }

    /** The SplitMix64 finalizer: every input bit flips about half the output bits. */
    static long fmix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A hash of a normalized ticker. FNV-1a over the characters, which are ASCII once normalized, so neither the
     * platform charset nor {@link String#hashCode()}'s 32 bits are involved.
     */
    static long symbol(String symbol) {
        long h = FNV_OFFSET;
        for (int i = 0; i < symbol.length(); i++) {
            h = (h ^ symbol.charAt(i)) * FNV_PRIME;
        }
        return fmix(h);
    }

    /** Combines a hash with one more value; the order of the values matters. */
    static long of(long a, long b) {
        return fmix(a ^ fmix(b + GOLDEN));
    }

    static long of(long a, long b, long c) {
        return of(of(a, b), c);
    }

    /** Uniform in [0, 1) from the top 53 bits. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double signedUnit(long h) {
        return unit(h) * 2 - 1;
    }
}
