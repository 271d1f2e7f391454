package dev.automl.featurization;

/** How a missing value is filled, with scikit-learn's SimpleImputer names as Azure uses them. */
public enum ImputationStrategy {
    MEAN,
    MEDIAN,
    MOST_FREQUENT,
    CONSTANT,
    /**
     * Forecasting's {@code ffill}: a series' last known value, carried forward in time; before a series' first
     * value, the column's mean.
     */
    FORWARD_FILL
}
