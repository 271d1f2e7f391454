package dev.automl.algorithms.forest;

/** Weighted variance reduction (squared error), for regression trees. */
final class VarianceReduction extends SplitCriterion {

    private final double[] leaf = new double[1];
    private final double[] sideWeights = new double[2];
    private final double[] sideSums = new double[2];
    private double totalWeight;
    private double totalSum;

    @Override
    boolean node(double[] y, double[] w, int start, int end) {
        double weight = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < end; i++) {
            double v = y[i];
            weight += w[i];
            sum += w[i] * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        totalWeight = weight;
        totalSum = sum;
        // Compared exactly rather than through the variance, which cancellation makes a small non-zero number.
        return min < max;
    }

    @Override
    double score(float[] x, double[] y, double[] w, int start, int end, float cut, int minLeaf) {
        double[] weights = sideWeights;
        double[] sums = sideSums;
        weights[0] = 0;
        weights[1] = 0;
        sums[0] = 0;
        sums[1] = 0;
        int nRight = 0;
        // Both sides summed, and chosen by index rather than by a branch that random cuts would mispredict.
        for (int i = start; i < end; i++) {
            int right = x[i] <= cut ? 0 : 1;
            double wi = w[i];
            weights[right] += wi;
            sums[right] += wi * y[i];
            nRight += right;
        }
        int nLeft = end - start - nRight;
        if (nLeft < minLeaf || nRight < minLeaf || !(weights[0] > 0 && weights[1] > 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        // The children's weighted sum of squared errors is sum w y^2 - (this), and sum w y^2 is the node's
        // whatever the cut.
        return sums[0] * sums[0] / weights[0] + sums[1] * sums[1] / weights[1];
    }

    @Override
    double[] leaf() {
        leaf[0] = totalSum / totalWeight;
        return leaf;
    }

    @Override
    double weight() {
        return totalWeight;
    }
}
