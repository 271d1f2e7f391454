package dev.automl.algorithms.forest;

import java.util.Arrays;

/** Collects the nodes of one tree, in any order, into a {@link TreeEnsemble.Tree}. */
final class TreeArrays {

    private final int width;
    private int[] feature = new int[16];
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private float[] leafValue;
    private float[] leafCover = new float[16];
    /** Whether every leaf so far came with its cover. */
    private boolean covered = true;
    private int internal;
    private int leaves;

    TreeArrays(int width) {
        this.width = width;
        this.leafValue = new float[16 * width];
    }

    /** Adds a split and returns its reference (its internal index); its children are set later. */
    int split(int feature, double threshold) {
        if (internal == this.feature.length) {
            int n = internal * 2;
            this.feature = Arrays.copyOf(this.feature, n);
            this.threshold = Arrays.copyOf(this.threshold, n);
            left = Arrays.copyOf(left, n);
            right = Arrays.copyOf(right, n);
        }
        this.feature[internal] = feature;
        this.threshold[internal] = threshold;
        return internal++;
    }

    /**
     * Adds a leaf, its values and its cover (the training weight reaching it) rounded to float, and returns its
     * reference ({@code ~leafIndex}, always negative).
     */
    int leaf(double[] value, double cover) {
        int ref = add(value);
        if (leaves > leafCover.length) {
            leafCover = Arrays.copyOf(leafCover, leafCover.length * 2);
        }
        leafCover[leaves - 1] = (float) cover;
        return ref;
    }

    /** Adds a leaf whose cover is not known; the tree built then has no covers. */
    int leaf(double[] value) {
        covered = false;
        return add(value);
    }

    private int add(double[] value) {
        if (value.length != width) {
            throw new IllegalArgumentException("leaf of width " + value.length + ", expected " + width);
        }
        if ((leaves + 1) * width > leafValue.length) {
            leafValue = Arrays.copyOf(leafValue, leafValue.length * 2);
        }
        for (int k = 0; k < width; k++) {
            leafValue[leaves * width + k] = (float) value[k];
        }
        return ~leaves++;
    }

    /** The splits added so far. */
    int splits() {
        return internal;
    }

    void children(int split, int leftRef, int rightRef) {
        left[split] = leftRef;
        right[split] = rightRef;
    }

    /** Sets one child of a split, for growers that learn each child's reference at a different time. */
    void child(int split, boolean isLeft, int ref) {
        (isLeft ? left : right)[split] = ref;
    }

    TreeEnsemble.Tree build() {
        return new TreeEnsemble.Tree(Arrays.copyOf(feature, internal), Arrays.copyOf(threshold, internal),
                Arrays.copyOf(left, internal), Arrays.copyOf(right, internal),
                Arrays.copyOf(leafValue, leaves * width), width, covered ? Arrays.copyOf(leafCover, leaves) : null);
    }
}
