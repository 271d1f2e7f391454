package dev.automl.algorithms;

import dev.automl.featurization.FeatureMatrix;

/**
 * Rejects feature matrices with NaN or infinite values before a forest or linear model sees them: the featurizer
 * imputes, and the learners would otherwise split on them or quietly return NaN (Smile's logistic regression).
 */
public final class FiniteFeatures {

    private FiniteFeatures() {
    }

    /** Throws naming the first offending feature and row. */
    public static void require(FeatureMatrix x) {
        float[] v = x.values();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                int col = i % x.cols();
                throw new IllegalArgumentException("feature '" + x.names().get(col) + "' (column " + col + ") is "
                        + v[i] + " in row " + i / x.cols() + "; features must be imputed before fitting or predicting");
            }
        }
    }
}
