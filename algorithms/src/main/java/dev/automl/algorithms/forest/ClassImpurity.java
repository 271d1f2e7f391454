package dev.automl.algorithms.forest;

import java.util.Arrays;

/** Gini or entropy impurity decrease over weighted class counts, for classification trees. */
final class ClassImpurity extends SplitCriterion {

    private final boolean entropy;
    private final double[] total;
    /** Weighted class counts left of the cut, then right of it. */
    private final double[] sides;
    private final double[] leaf;
    private double totalWeight;

    ClassImpurity(int numClasses, boolean entropy) {
        this.entropy = entropy;
        this.total = new double[numClasses];
        this.sides = new double[2 * numClasses];
        this.leaf = new double[numClasses];
    }

    @Override
    boolean node(double[] y, double[] w, int start, int end) {
        Arrays.fill(total, 0);
        for (int i = start; i < end; i++) {
            total[(int) y[i]] += w[i];
        }
        totalWeight = 0;
        int present = 0;
        for (double t : total) {
            totalWeight += t;
            if (t > 0) {
                present++;
            }
        }
        return present > 1;
    }

    @Override
    double score(float[] x, double[] y, double[] w, int start, int end, float cut, int minLeaf) {
        double[] sides = this.sides;
        int k = total.length;
        Arrays.fill(sides, 0);
        int nRight = 0;
        // Both sides summed rather than right = total - left: subtraction would leave rounding residue that
        // makes an absent class look present. The side is an index offset, not a branch: cuts are random, so a
        // branch would be mispredicted half the time.
        for (int i = start; i < end; i++) {
            int right = x[i] <= cut ? 0 : 1;
            sides[right * k + (int) y[i]] += w[i];
            nRight += right;
        }
        int nLeft = end - start - nRight;
        if (nLeft < minLeaf || nRight < minLeaf) {
            return Double.NEGATIVE_INFINITY;
        }
        return entropy ? entropyProxy(sides, 0, k) + entropyProxy(sides, k, k)
                : giniProxy(sides, 0, k) + giniProxy(sides, k, k);
    }

    /** {@code sum_k c_k^2 / W}: the child's weight times (1 - Gini), the part of the Gini decrease the cut sets. */
    private static double giniProxy(double[] counts, int from, int k) {
        double sq = 0;
        double weight = 0;
        for (int i = from; i < from + k; i++) {
            double c = counts[i];
            sq += c * c;
            weight += c;
        }
        return weight > 0 ? sq / weight : Double.NEGATIVE_INFINITY;
    }

    /** {@code sum_k c_k ln(c_k / W)}: minus the child's weight times its entropy. */
    private static double entropyProxy(double[] counts, int from, int k) {
        double s = 0;
        double weight = 0;
        for (int i = from; i < from + k; i++) {
            double c = counts[i];
            if (c > 0) {
                s += c * Math.log(c);
                weight += c;
            }
        }
        return weight > 0 ? s - weight * Math.log(weight) : Double.NEGATIVE_INFINITY;
    }

    @Override
    double[] leaf() {
        for (int k = 0; k < leaf.length; k++) {
            leaf[k] = total[k] / totalWeight;
        }
        return leaf;
    }

    @Override
    double weight() {
        return totalWeight;
    }
}
