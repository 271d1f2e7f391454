package dev.automl.metrics;

import java.util.Arrays;

/** Checks and defaults for the optional sample weights both score classes take. */
final class Weights {

    private Weights() {
    }

    /** The weights, or all ones when there are none. */
    static double[] orOnes(double[] weights, int n) {
        if (weights != null) {
            return weights;
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    static void validate(double[] weights, int n) {
        if (weights == null) {
            return;
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("weights has " + weights.length + " values for " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || weights[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + i + "] = " + weights[i]
                        + "; sample weights must be finite and not negative");
            }
        }
    }
}
