package dev.automl.algorithms.forest;

import dev.automl.algorithms.TrainingData;
import dev.automl.featurization.FeatureMatrix;
import java.io.IOException;
import java.util.BitSet;

/** The first rows of covertype with every column standardised, for the timing benchmarks of linear and kernel learners. */
public final class CovertypeData {

    private CovertypeData() {
    }

    public static TrainingData standardised(int rows) throws IOException {
        TrainingData d = CovertypeTimingBench.covertype(rows);
        FeatureMatrix x = d.x();
        float[] v = x.values().clone();
        int p = x.cols();
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int r = 0; r < x.rows(); r++) {
                mean += v[r * p + j];
            }
            mean /= x.rows();
            double var = 0;
            for (int r = 0; r < x.rows(); r++) {
                var += (v[r * p + j] - mean) * (v[r * p + j] - mean);
            }
            double sd = Math.sqrt(var / x.rows());
            for (int r = 0; r < x.rows(); r++) {
                v[r * p + j] = (float) ((v[r * p + j] - mean) / (sd > 0 ? sd : 1));
            }
        }
        return new TrainingData(new FeatureMatrix(v, x.rows(), p, x.names(), new BitSet()), d.y());
    }
}
