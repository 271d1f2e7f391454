package dev.automl.algorithms.forest;

import dev.automl.featurization.FeatureMatrix;

/**
 * Rejects feature matrices with NaN or infinite values: the featurizer imputes, and the libraries behind these
 * learners either throw deep inside (Tribuo) or quietly return NaN (Smile's logistic regression).
 */
public final class FiniteFeatures {

    private FiniteFeatures() {
    }

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
