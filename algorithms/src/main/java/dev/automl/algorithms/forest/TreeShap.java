package dev.automl.algorithms.forest;

/**
 * Exact TreeSHAP values of one tree with covers (Lundberg, Erion and Lee 2018, "Consistent individualized feature
 * attribution for tree ensembles", Algorithm 2): each feature's Shapley value when a coalition's value is the tree's
 * expectation with the features outside it integrated out by cover, in polynomial time, by following every path
 * from the root once per row while tracking how many orderings of the path's unique features lead to each leaf.
 *
 * <p>An instance keeps scratch space for one row at a time; use one per thread.
 */
final class TreeShap {

    private final TreeEnsemble.Tree tree;
    private final int features;
    private final int width;
    /**
     * Per split, the share of its cover that went left. A split without cover gets half, so that shares stay
     * defined; the expected value is computed from the same shares, so the values still add up.
     */
    private final double[] leftShare;
    /** Per output, the cover-weighted mean of the leaves: the value when no feature is known. */
    private final double[] expected;

    /*
     * The unique-feature path of the node being visited at each depth, one level after another: level d holds at
     * most min(d, features) + 1 elements (the root's placeholder and distinct features). A child copies its
     * parent's level, which depth-first order leaves untouched until the parent's subtree is done.
     */
    private final int[] levelStart;
    private final int[] pathFeature;
    private final double[] pathZero;
    private final double[] pathOne;
    private final double[] pathWeight;

    /* The nodes still to visit, depth first: an explicit stack, since trees capped by leaves can be deep. */
    private final int[] stackNode;
    private final int[] stackDepth;
    private final int[] stackUnique;
    private final int[] stackFeature;
    private final double[] stackZero;
    private final double[] stackOne;

    /**
     * @param features the number of features rows have
     * @throws IllegalArgumentException if the tree has no covers
     */
    TreeShap(TreeEnsemble.Tree tree, int features) {
        if (!tree.hasCovers()) {
            throw new IllegalArgumentException("TreeSHAP needs the tree's covers");
        }
        this.tree = tree;
        this.features = features;
        this.width = tree.width();
        int splits = tree.splitFeature().length;
        this.leftShare = new double[splits];
        this.expected = new double[width];
        int maxDepth = 0;
        if (splits == 0) {
            for (int k = 0; k < width; k++) {
                expected[k] = tree.leafValue()[k];
            }
        } else {
            maxDepth = sharesAndExpectation();
        }
        this.levelStart = new int[maxDepth + 2];
        for (int d = 0; d <= maxDepth; d++) {
            levelStart[d + 1] = levelStart[d] + Math.min(d, features) + 1;
        }
        int pathSize = levelStart[maxDepth + 1];
        this.pathFeature = new int[pathSize];
        this.pathZero = new double[pathSize];
        this.pathOne = new double[pathSize];
        this.pathWeight = new double[pathSize];
        int stack = maxDepth + 2;
        this.stackNode = new int[stack];
        this.stackDepth = new int[stack];
        this.stackUnique = new int[stack];
        this.stackFeature = new int[stack];
        this.stackZero = new double[stack];
        this.stackOne = new double[stack];
    }

    /**
     * Fills {@link #leftShare} and {@link #expected} from the leaves up and returns the depth of the deepest leaf.
     * Children may be stored in any order, so the splits are taken in reverse preorder, which has every child before
     * its parent.
     */
    private int sharesAndExpectation() {
        int splits = leftShare.length;
        int[] left = tree.leftChild();
        int[] right = tree.rightChild();
        int[] preorder = new int[splits];
        int[] depth = new int[splits];
        int[] stack = new int[splits];
        int top = 0;
        int seen = 0;
        int maxDepth = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            preorder[seen++] = node;
            maxDepth = Math.max(maxDepth, depth[node] + 1);
            if (left[node] >= 0) {
                depth[left[node]] = depth[node] + 1;
                stack[top++] = left[node];
            }
            if (right[node] >= 0) {
                depth[right[node]] = depth[node] + 1;
                stack[top++] = right[node];
            }
        }
        double[] cover = new double[splits];
        double[] mean = new double[splits * width];
        float[] leafCover = tree.leafCover();
        float[] leafValue = tree.leafValue();
        for (int i = seen - 1; i >= 0; i--) {
            int node = preorder[i];
            int l = left[node];
            int r = right[node];
            double lc = l < 0 ? leafCover[~l] : cover[l];
            double rc = r < 0 ? leafCover[~r] : cover[r];
            cover[node] = lc + rc;
            double share = cover[node] > 0 ? lc / cover[node] : 0.5;
            leftShare[node] = share;
            for (int k = 0; k < width; k++) {
                double lv = l < 0 ? leafValue[~l * width + k] : mean[l * width + k];
                double rv = r < 0 ? leafValue[~r * width + k] : mean[r * width + k];
                mean[node * width + k] = share * lv + (1 - share) * rv;
            }
        }
        System.arraycopy(mean, 0, expected, 0, width);
        return maxDepth;
    }

    /** The tree's expected value per output, which a row's values start from. */
    double[] expected() {
        return expected.clone();
    }

    /**
     * Adds {@code scale} times the row's SHAP values to {@code out}: feature {@code j}'s value for output {@code k}
     * at {@code out[outBase + k * features + j]}.
     *
     * @param x    row-major feature values; the row starts at {@code rowBase}
     */
    void add(float[] x, int rowBase, double scale, double[] out, int outBase) {
        if (leftShare.length == 0) {
            return;
        }
        int[] left = tree.leftChild();
        int[] right = tree.rightChild();
        int[] split = tree.splitFeature();
        int top = 0;
        top = push(top, 0, 0, 0, 1, 1, -1);
        while (top > 0) {
            top--;
            int node = stackNode[top];
            int depth = stackDepth[top];
            int unique = stackUnique[top];
            int at = levelStart[depth];
            if (depth > 0) {
                int from = levelStart[depth - 1];
                System.arraycopy(pathFeature, from, pathFeature, at, unique);
                System.arraycopy(pathZero, from, pathZero, at, unique);
                System.arraycopy(pathOne, from, pathOne, at, unique);
                System.arraycopy(pathWeight, from, pathWeight, at, unique);
            }
            extend(at, unique, stackZero[top], stackOne[top], stackFeature[top]);
            if (node < 0) {
                leaf(~node, at, unique, scale, out, outBase);
                continue;
            }
            int feature = split[node];
            boolean goesLeft = tree.goesLeft(node, x, rowBase);
            int hot = goesLeft ? left[node] : right[node];
            int cold = goesLeft ? right[node] : left[node];
            double hotShare = goesLeft ? leftShare[node] : 1 - leftShare[node];
            double coldShare = goesLeft ? 1 - leftShare[node] : leftShare[node];
            double incomingZero = 1;
            double incomingOne = 1;
            // A feature met again is taken off the path and put back with both splits' fractions combined, so
            // that each feature appears once, as its Shapley value needs.
            for (int p = 1; p <= unique; p++) {
                if (pathFeature[at + p] == feature) {
                    incomingZero = pathZero[at + p];
                    incomingOne = pathOne[at + p];
                    unwind(at, unique, p);
                    unique--;
                    break;
                }
            }
            // A child that neither the row reaches nor any cover does adds nothing, and its zero fractions would
            // divide by zero further down.
            if (coldShare * incomingZero != 0) {
                top = push(top, cold, depth + 1, unique + 1, coldShare * incomingZero, 0, feature);
            }
            if (hotShare * incomingZero != 0 || incomingOne != 0) {
                top = push(top, hot, depth + 1, unique + 1, hotShare * incomingZero, incomingOne, feature);
            }
        }
    }

    private int push(int top, int node, int depth, int unique, double zero, double one, int feature) {
        stackNode[top] = node;
        stackDepth[top] = depth;
        stackUnique[top] = unique;
        stackZero[top] = zero;
        stackOne[top] = one;
        stackFeature[top] = feature;
        return top + 1;
    }

    private void leaf(int leaf, int at, int unique, double scale, double[] out, int outBase) {
        float[] leafValue = tree.leafValue();
        for (int i = 1; i <= unique; i++) {
            double s = unwoundSum(at, unique, i) * (pathOne[at + i] - pathZero[at + i]) * scale;
            int j = outBase + pathFeature[at + i];
            for (int k = 0; k < width; k++) {
                out[j + k * features] += s * leafValue[leaf * width + k];
            }
        }
    }

    /**
     * Adds a feature to the path with the share of cover ({@code zero}) and of the row ({@code one}, 1 or 0) that
     * goes this way, updating the weight of each subset size.
     */
    private void extend(int at, int unique, double zero, double one, int feature) {
        pathFeature[at + unique] = feature;
        pathZero[at + unique] = zero;
        pathOne[at + unique] = one;
        pathWeight[at + unique] = unique == 0 ? 1 : 0;
        double n = unique + 1;
        for (int i = unique - 1; i >= 0; i--) {
            pathWeight[at + i + 1] += one * pathWeight[at + i] * (i + 1) / n;
            pathWeight[at + i] = zero * pathWeight[at + i] * (unique - i) / n;
        }
    }

    /** Undoes {@link #extend} for the path's element {@code p} and closes the gap it leaves. */
    private void unwind(int at, int unique, int p) {
        double one = pathOne[at + p];
        double zero = pathZero[at + p];
        double n = unique + 1;
        double next = pathWeight[at + unique];
        for (int i = unique - 1; i >= 0; i--) {
            if (one != 0) {
                double w = pathWeight[at + i];
                pathWeight[at + i] = next * n / ((i + 1) * one);
                next = w - pathWeight[at + i] * zero * (unique - i) / n;
            } else {
                pathWeight[at + i] = pathWeight[at + i] * n / (zero * (unique - i));
            }
        }
        for (int i = p; i < unique; i++) {
            pathFeature[at + i] = pathFeature[at + i + 1];
            pathZero[at + i] = pathZero[at + i + 1];
            pathOne[at + i] = pathOne[at + i + 1];
        }
    }

    /** The total weight the path's subsets would have without element {@code p}, without changing the path. */
    private double unwoundSum(int at, int unique, int p) {
        double one = pathOne[at + p];
        double zero = pathZero[at + p];
        double n = unique + 1;
        double next = pathWeight[at + unique];
        double total = 0;
        for (int i = unique - 1; i >= 0; i--) {
            if (one != 0) {
                double w = next * n / ((i + 1) * one);
                total += w;
                next = pathWeight[at + i] - w * zero * (unique - i) / n;
            } else if (zero != 0) {
                total += pathWeight[at + i] * n / (zero * (unique - i));
            }
        }
        return total;
    }
}
