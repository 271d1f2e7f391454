package dev.automl.algorithms;

import dev.automl.data.Task;

/**
 * What a model says about each row.
 *
 * @param values regression: one value per row; classification: rows x numClasses probabilities, row-major,
 *               each row summing to 1
 */
public record Predictions(Task task, int rows, int numClasses, double[] values) {

    public Predictions {
        int width = task == Task.CLASSIFICATION ? numClasses : 1;
        if ((long) rows * width != values.length) {
            throw new IllegalArgumentException("expected " + (long) rows * width + " values, got " + values.length);
        }
    }

    public static Predictions regression(double[] values) {
        return new Predictions(Task.REGRESSION, values.length, 0, values);
    }

    public static Predictions probabilities(double[] rowMajor, int numClasses) {
        return new Predictions(Task.CLASSIFICATION, rowMajor.length / numClasses, numClasses, rowMajor);
    }

    public double probability(int row, int cls) {
        return values[row * numClasses + cls];
    }

    /** The most probable class of a row; the lowest index wins ties, as numpy's argmax. */
    public int predictedClass(int row) {
        int best = 0;
        double bestP = values[row * numClasses];
        for (int k = 1; k < numClasses; k++) {
            double p = values[row * numClasses + k];
            if (p > bestP) {
                best = k;
                bestP = p;
            }
        }
        return best;
    }
}
