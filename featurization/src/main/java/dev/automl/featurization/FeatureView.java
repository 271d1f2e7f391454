package dev.automl.featurization;

/** The form of features a learner family needs from the same raw columns. */
public enum FeatureView {
    /** Imputed numbers with missing indicators, categories as integer codes, date parts: for tree learners. */
    TREES,
    /** Imputed and standardised numbers, one-hot categories, scaled date parts: for linear learners. */
    LINEAR
}
