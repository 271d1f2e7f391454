package dev.automl.featurization;

/** The form of features a learner family needs from the same raw columns. */
public enum FeatureView {
    /** Imputed numbers with missing indicators, categories as integer codes, date parts: for tree learners. */
    TREES,
    /** Imputed and standardised numbers, one-hot categories, scaled date parts: for linear learners. */
    LINEAR,
    /**
     * A forecasting row's series (0, 1, ...) and its step within the series: for the per-series statistical models,
     * which learn from each series' own past rather than from features.
     */
    SERIES
}
