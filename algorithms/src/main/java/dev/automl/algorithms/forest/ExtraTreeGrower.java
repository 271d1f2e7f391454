package dev.automl.algorithms.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one extremely randomized tree (Geurts, Ernst and Wehenkel 2006, "Extremely randomized trees", Machine
 * Learning 63) on all rows of an {@link ExtraTreeData}: at each node, up to {@code featuresPerSplit} features not
 * constant in the node are drawn, each gets one cut point drawn uniformly between its minimum and maximum over the
 * node's rows, and the best-scoring cut is kept.
 *
 * <p>Nodes are grown depth first over one array of row indices, partitioned in place, as scikit-learn does. Which
 * features are constant is inherited from the parent (a feature constant in a node stays constant below it), so
 * deep nodes do not rescan them; the bookkeeping is scikit-learn's ({@code features} / {@code constantFeatures}).
 */
final class ExtraTreeGrower {

    private static final int NO_PARENT = -1;

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

    /** {@code features[0, n)} of a node: its known-constant features first, in {@code constantFeatures}' order. */
    private final int[] features;
    private final int[] constantFeatures;

    /** Nodes waiting to be grown: row range, depth, known constant features, parent reference. */
    private int[] stackStart = new int[64];
    private int[] stackEnd = new int[64];
    private int[] stackDepth = new int[64];
    private int[] stackConstants = new int[64];
    private int[] stackParent = new int[64];
    private int stackSize;

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
        for (int f = 0; f < features.length; f++) {
            features[f] = f;
        }
        this.constantFeatures = new int[data.features()];
    }

    TreeEnsemble.Tree grow() {
        push(0, data.rows, 0, 0, NO_PARENT);
        while (stackSize > 0) {
            stackSize--;
            int parent = stackParent[stackSize];
            int ref = node(stackStart[stackSize], stackEnd[stackSize], stackDepth[stackSize],
                    stackConstants[stackSize]);
            if (parent != NO_PARENT) {
                out.child(parent >> 1, (parent & 1) == 0, ref);
            }
        }
        return out.build();
    }

    /** Grows the node of rows {@code [start, end)} and returns its reference; a split pushes its two children. */
    private int node(int start, int end, int depth, int knownConstants) {
        int n = end - start;
        boolean varies = criterion.node(y, w, start, end);
        if (!varies || depth >= settings.maxDepth() || n < settings.minSamplesSplit()
                || n < 2 * settings.minSamplesLeaf()) {
            return out.leaf(criterion.leaf());
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
                swap(features, drawn, j);
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
                swap(features, j, total);
                found++;
                total++;
                continue;
            }
            unvisited--;
            swap(features, unvisited, j);
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

        // Keep features[0, known) in the order the siblings and children expect, and record what was found.
        System.arraycopy(constantFeatures, 0, features, 0, knownConstants);
        System.arraycopy(features, knownConstants, constantFeatures, knownConstants, found);

        if (bestFeature < 0) {
            return out.leaf(criterion.leaf());
        }
        int ref = out.split(bestFeature, bestThreshold);
        int mid = partition(bestValues, start, end, bestCut);
        // Right first, so that the left child is grown next.
        push(mid, end, depth + 1, total, ref << 1 | 1);
        push(start, mid, depth + 1, total, ref << 1);
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

    private void push(int start, int end, int depth, int constants, int parent) {
        if (stackSize == stackStart.length) {
            int n = stackSize * 2;
            stackStart = Arrays.copyOf(stackStart, n);
            stackEnd = Arrays.copyOf(stackEnd, n);
            stackDepth = Arrays.copyOf(stackDepth, n);
            stackConstants = Arrays.copyOf(stackConstants, n);
            stackParent = Arrays.copyOf(stackParent, n);
        }
        stackStart[stackSize] = start;
        stackEnd[stackSize] = end;
        stackDepth[stackSize] = depth;
        stackConstants[stackSize] = constants;
        stackParent[stackSize] = parent;
        stackSize++;
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
