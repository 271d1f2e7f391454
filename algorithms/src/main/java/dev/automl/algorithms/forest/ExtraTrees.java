package dev.automl.algorithms.forest;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Grows batches of extremely randomized trees on one training set, the trees of a batch in parallel on the calling
 * pool; each tree depends on its seed alone, so batch sizes and thread counts do not change the forest.
 */
final class ExtraTrees {

    /**
     * Tree settings, already resolved against the data; {@code maxDepth} and {@code maxLeafNodes} are
     * {@link Integer#MAX_VALUE} for none.
     */
    record Settings(int featuresPerSplit, int minSamplesSplit, int minSamplesLeaf, int maxDepth, int maxLeafNodes,
                    SplitCriterion.Kind criterion) {
        Settings {
            if (featuresPerSplit < 1 || minSamplesSplit < 2 || minSamplesLeaf < 1 || maxDepth < 1
                    || maxLeafNodes < 2) {
                throw new IllegalArgumentException("bad tree settings " + this);
            }
        }
    }

    private final ExtraTreeData data;
    private final Settings settings;

    ExtraTrees(ExtraTreeData data, Settings settings) {
        this.data = data;
        this.settings = settings;
    }

    /** One tree per seed, in seed order; every tree has weight 1, so the forest averages them. */
    List<WeightedTree> grow(long[] seeds) {
        return IntStream.range(0, seeds.length).parallel()
                .mapToObj(i -> new WeightedTree(new ExtraTreeGrower(data, settings, seeds[i]).grow(), 1.0))
                .toList();
    }
}
