package io.barkeep.source.simulated;

/**
 * A small reseedable random generator (SplitMix64 with Box-Muller normals). One instance serves a whole request and
 * is reseeded per session, so generating a day costs no allocation; not thread-safe, never shared.
 */
final class SplitMix {
    private long state;
    private double spareNormal;
    private boolean hasSpare;

    void reseed(long seed) {
        state = seed;
        hasSpare = false;
    }

    long nextLong() {
        state += Mix.GOLDEN;
        return Mix.fmix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return Mix.unit(nextLong());
    }

    /** Standard normal. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareNormal;
        }
        // 1 - u keeps the logarithm's argument in (0, 1]
        double radius = Math.sqrt(-2 * Math.log(1 - nextDouble()));
        double angle = 2 * Math.PI * nextDouble();
        spareNormal = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }
}
