package dev.automl.algorithms.tribuo;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.featurization.FeatureMatrix;

/**
 * Min-max scaling of each feature onto [0, 1] over the training rows, clipped there for new rows: multinomial naive
 * Bayes reads features as counts, so they must not be negative, and the LINEAR view is standardised.
 */
public record FeatureScaling(@JsonProperty("min") double[] min, @JsonProperty("range") double[] range) {

    public FeatureScaling {
        if (min.length != range.length) {
            throw new IllegalArgumentException("min and range differ in length");
        }
        min = min.clone();
        range = range.clone();
    }

    /** The scaling that maps each column's training minimum to 0 and maximum to 1 (constant columns to 0). */
    public static FeatureScaling minMax(FeatureMatrix x) {
        int p = x.cols();
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        float[] v = x.values();
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < p; j++) {
                double d = v[r * p + j];
                lo[j] = Math.min(lo[j], d);
                hi[j] = Math.max(hi[j], d);
            }
        }
        double[] range = new double[p];
        for (int j = 0; j < p; j++) {
            if (x.rows() == 0) {
                lo[j] = 0;
            }
            range[j] = hi[j] > lo[j] ? hi[j] - lo[j] : 0;
        }
        return new FeatureScaling(lo, range);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = range[j] > 0 ? Math.min(1.0, Math.max(0.0, (row[j] - min[j]) / range[j])) : 0.0;
        }
        return out;
    }
}
