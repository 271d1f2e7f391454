package dev.automl.algorithms.forest;

import java.util.SplittableRandom;

/**
 * Grows one extremely randomized tree (Geurts, Ernst and Wehenkel 2006, "Extremely randomized trees", Machine
 * Learning 63) on all rows of an {@link ExtraTreeData}: at each node, up to {@code featuresPerSplit} features not
 * constant in the node are drawn, each gets one cut point drawn uniformly between its minimum and maximum over the
 * node's rows, and the best-scoring cut is kept.
 *
 * <p>Nodes are grown breadth first, in the order they were created, over one array of row indices partitioned in
 * place. {@code maxLeafNodes} makes every node still waiting a leaf once another split would exceed it, so a capped
 * tree spends its splits level by level instead of down one branch. scikit-learn grows best first when
 * max_leaf_nodes is set (the waiting node whose split decreases impurity most goes next), which needs every waiting
 * node's cut drawn and scored before choosing; breadth first is simpler, and a capped tree is the uncapped tree with
 * the same seed cut short. Which features are constant is inherited from the parent (a feature constant in a node
 * stays constant below it), so deep nodes do not rescan them, as in scikit-learn; each waiting node keeps its
 * parent's list in the {@link NodeQueue}.
 */
final class ExtraTreeGrower {

    private static final int NO_PARENT = -1;
    private static final int[] NO_FEATURES = new int[0];

    private final ExtraTreeData data;
    private final ExtraTrees.Settings settings;
    private final SplittableRandom random;
    private final SplitCriterion criterion;
    private final TreeArrays out;

    /** The rows of each node are a range of these arrays; targets and weights travel with their row. */
    private final int[] rows;
    private final double[] y;
    private final double[] w;
    /** The node's values of the feature being tried, and of the best one so far (the two are swapped). */
    private float[] values;
    private float[] bestValues;

    /** A permutation of the features; a node moves its known-constant features to the front. */
    private final int[] features;
    /** Where each feature is in {@code features}. */
    private final int[] position;

    private final NodeQueue queue = new NodeQueue();

    ExtraTreeGrower(ExtraTreeData data, ExtraTrees.Settings settings, long seed) {
        this.data = data;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
        this.criterion = settings.criterion().create(data.numClasses);
        this.out = new TreeArrays(data.width());
        int n = data.rows;
        this.rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        this.y = data.y.clone();
        this.w = data.weights.clone();
        this.values = new float[n];
        this.bestValues = new float[n];
        this.features = new int[data.features()];
        this.position = new int[data.features()];
        for (int f = 0; f < features.length; f++) {
            features[f] = f;
            position[f] = f;
        }
    }

    TreeEnsemble.Tree grow() {
        queue.push(0, data.rows, 0, NO_PARENT, queue.constants(NO_FEATURES, 0), 0);
        while (!queue.isEmpty()) {
            queue.pop();
            int parent = queue.parent();
            int ref = node(queue.start(), queue.end(), queue.depth());
            if (parent != NO_PARENT) {
                out.child(parent >> 1, (parent & 1) == 0, ref);
            }
        }
        return out.build();
    }

    /**
     * Grows the node last popped, of rows {@code [start, end)}, and returns its reference; a split pushes its two
     * children.
     */
    private int node(int start, int end, int depth) {
        int n = end - start;
        boolean varies = criterion.node(y, w, start, end);
        // Leaves = splits + 1, so a split is allowed while splits + 2 <= maxLeafNodes.
        if (!varies || depth >= settings.maxDepth() || n < settings.minSamplesSplit()
                || n < 2 * settings.minSamplesLeaf() || out.splits() + 2L > settings.maxLeafNodes()) {
            return out.leaf(criterion.leaf(), criterion.weight());
        }
        int knownConstants = queue.constantsCount();
        for (int i = 0; i < knownConstants; i++) {
            swapFeatures(i, position[queue.constant(i)]);
        }

        int bestFeature = -1;
        double bestThreshold = 0;
        float bestCut = 0;
        double bestScore = Double.NEGATIVE_INFINITY;

        // Fisher-Yates over features[drawn, unvisited) without replacement. Layout: [0, drawn) known constants
        // already drawn, [drawn, known) known constants not drawn, [known, total) constants found here,
        // [total, unvisited) not yet drawn, [unvisited, features) drawn and not constant.
        int unvisited = features.length;
        int found = 0;
        int drawn = 0;
        int total = knownConstants;
        int tried = 0;
        while (unvisited > total && tried < settings.featuresPerSplit()) {
            int j = drawn + random.nextInt(unvisited - found - drawn);
            if (j < knownConstants) {
                swapFeatures(drawn, j);
                drawn++;
                continue;
            }
            j += found;
            int f = features[j];
            float[] column = data.columns[f];
            float[] v = values;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                float x = column[rows[i]];
                v[i] = x;
                if (x < min) {
                    min = x;
                }
                if (x > max) {
                    max = x;
                }
            }
            if (!(max > min)) {
                swapFeatures(j, total);
                found++;
                total++;
                continue;
            }
            unvisited--;
            swapFeatures(unvisited, j);
            tried++;

            double threshold = cutPoint(min, max);
            // The largest float not above the threshold: for float x, x <= cut exactly when (double) x <= threshold,
            // the saved tree's test, and the loops compare floats.
            float cut = (float) threshold;
            if (cut > threshold) {
                cut = Math.nextDown(cut);
            }
            double score = criterion.score(v, y, w, start, end, cut, settings.minSamplesLeaf());
            if (score > bestScore) {
                bestScore = score;
                bestFeature = f;
                bestThreshold = threshold;
                bestCut = cut;
                values = bestValues;
                bestValues = v;
            }
        }

        if (bestFeature < 0) {
            return out.leaf(criterion.leaf(), criterion.weight());
        }
        int ref = out.split(bestFeature, bestThreshold);
        int mid = partition(bestValues, start, end, bestCut);
        // features[0, total) now holds the known constants and those found here: what both children inherit.
        int constants = queue.constants(features, total);
        queue.push(start, mid, depth + 1, ref << 1, constants, total);
        queue.push(mid, end, depth + 1, ref << 1 | 1, constants, total);
        return ref;
    }

    /** Uniform in the open interval (min, max), as Geurts et al. draw it. */
    private double cutPoint(float min, float max) {
        double lo = min;
        double hi = max;
        double t;
        do {
            t = lo + random.nextDouble() * (hi - lo);
        } while (!(t > lo && t < hi));
        return t;
    }

    /** Moves the rows with {@code key <= cut} before the others and returns where the others begin. */
    private int partition(float[] key, int start, int end, float cut) {
        int i = start;
        int j = end;
        while (i < j) {
            if (key[i] <= cut) {
                i++;
            } else {
                j--;
                key[i] = key[j];
                swap(rows, i, j);
                swap(y, i, j);
                swap(w, i, j);
            }
        }
        return i;
    }

    private void swapFeatures(int i, int j) {
        int a = features[i];
        int b = features[j];
        features[i] = b;
        features[j] = a;
        position[b] = i;
        position[a] = j;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
