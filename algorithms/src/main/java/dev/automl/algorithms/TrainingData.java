package dev.automl.algorithms;

import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;

/** Features and labels of the same rows. */
public record TrainingData(FeatureMatrix x, Target y) {

    public TrainingData {
        if (x.rows() != y.size()) {
            throw new IllegalArgumentException(x.rows() + " feature rows but " + y.size() + " labels");
        }
    }
}
