package dev.automl.algorithms.forest;

/**
 * The seed of each tree, derived from the trial seed and the tree's index alone, so that a forest grown in
 * batches of any size is the same forest.
 */
final class TreeSeeds {

    private TreeSeeds() {
    }

    /** A seed above 1: Smile ignores seeds of 1 and below and then draws from its shared generator instead. */
    static long of(long trialSeed, int tree) {
        long z = trialSeed + 0x9E3779B97F4A7C15L * (tree + 1L);
        // SplitMix64's finaliser: neighbouring trees get unrelated seeds.
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        long s = z >>> 1;
        return s <= 1 ? s + 2 : s;
    }

    static long[] range(long trialSeed, int from, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = of(trialSeed, from + i);
        }
        return out;
    }
}
