package dev.automl.featurization;

import dev.automl.data.Task;
import java.util.List;

/**
 * The encoded label of each row.
 *
 * @param y       regression: the value; classification: the class index (0..labels-1) as a double
 * @param labels  classification: the class labels as written in the training data, in index order; empty for regression
 * @param weights sample weights, or null when every row weighs 1
 */
public record Target(Task task, double[] y, List<String> labels, double[] weights) {

    public Target {
        labels = List.copyOf(labels);
        if (weights != null && weights.length != y.length) {
            throw new IllegalArgumentException("weights and labels differ in length");
        }
    }

    public int size() {
        return y.length;
    }

    public int numClasses() {
        return labels.size();
    }

    public int classOf(int row) {
        return (int) y[row];
    }

    /** Class indices of all rows (classification only). */
    public int[] classes() {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    public double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }

    public Target select(int[] rows) {
        double[] yy = new double[rows.length];
        double[] ww = weights == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            yy[i] = y[rows[i]];
            if (ww != null) {
                ww[i] = weights[rows[i]];
            }
        }
        return new Target(task, yy, labels, ww);
    }
}
