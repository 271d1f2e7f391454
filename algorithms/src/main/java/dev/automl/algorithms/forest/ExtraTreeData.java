package dev.automl.algorithms.forest;

import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;

/**
 * The training rows of an extremely randomized forest laid out for node splitting: one contiguous float column per
 * feature, targets and weights by row, shared read-only by every tree.
 *
 * <p>Rows of weight 0 are left out, so that such a row is as if absent: it neither widens the range a cut point is
 * drawn from nor counts towards {@code min_samples_split} or {@code min_samples_leaf}.
 */
final class ExtraTreeData {

    /** {@code columns[feature][row]}: splitting reads one feature of many rows at a time. */
    final float[][] columns;
    /** Regression: the value; classification: the class index as a double, as in {@link Target#y()}. */
    final double[] y;
    final double[] weights;
    final int rows;
    final Task task;
    final int numClasses;

    private ExtraTreeData(float[][] columns, double[] y, double[] weights, Task task, int numClasses) {
        this.columns = columns;
        this.y = y;
        this.weights = weights;
        this.rows = y.length;
        this.task = task;
        this.numClasses = numClasses;
    }

    static ExtraTreeData of(FeatureMatrix x, Target target) {
        int n = x.rows();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double w = target.weight(i);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("sample weight " + w + " in row " + i
                        + " is not a finite non-negative number");
            }
            if (target.task() == Task.REGRESSION && !Double.isFinite(target.y()[i])) {
                throw new IllegalArgumentException("target " + target.y()[i] + " in row " + i + " is not finite");
            }
            if (w > 0) {
                kept++;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("every sample weight is 0: there is nothing to learn from");
        }
        int cols = x.cols();
        float[] values = x.values();
        float[][] columns = new float[cols][kept];
        double[] y = new double[kept];
        double[] w = new double[kept];
        for (int i = 0, r = 0; i < n; i++) {
            double wi = target.weight(i);
            if (wi == 0) {
                continue;
            }
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                columns[j][r] = values[base + j];
            }
            y[r] = target.y()[i];
            w[r] = wi;
            r++;
        }
        return new ExtraTreeData(columns, y, w, target.task(), target.numClasses());
    }

    int features() {
        return columns.length;
    }

    /** The number of values a leaf holds: class shares, or one mean. */
    int width() {
        return task == Task.CLASSIFICATION ? numClasses : 1;
    }
}
