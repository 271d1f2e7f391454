package dev.automl.algorithms.boosting;

/**
 * Turns a library's per-row outputs into the row-major class probabilities that {@code Predictions} holds.
 */
final class ClassProbabilities {

    private ClassProbabilities() {
    }

    /**
     * Writes one row: binary models give only the probability of class 1; multiclass rows are divided by their
     * sum because float softmax outputs sum to 1 only within float precision.
     *
     * @param raw the library's outputs for this row: 1 value (binary) or numClasses values
     */
    static void writeRow(double[] raw, int rawOffset, int numClasses, double[] out, int row) {
        int base = row * numClasses;
        if (numClasses == 2) {
            double p = clamp(raw[rawOffset]);
            out[base] = 1.0 - p;
            out[base + 1] = p;
            return;
        }
        double sum = 0;
        for (int k = 0; k < numClasses; k++) {
            double p = clamp(raw[rawOffset + k]);
            out[base + k] = p;
            sum += p;
        }
        for (int k = 0; k < numClasses; k++) {
            out[base + k] = sum > 0 ? out[base + k] / sum : 1.0 / numClasses;
        }
    }

    private static double clamp(double p) {
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }
}
