package dev.automl.featurization;

/** How a missing value is filled, with scikit-learn's SimpleImputer names as Azure uses them. */
public enum ImputationStrategy {
    MEAN,
    MEDIAN,
    MOST_FREQUENT,
    CONSTANT
}
