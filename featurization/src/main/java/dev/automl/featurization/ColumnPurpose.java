package dev.automl.featurization;

/**
 * A purpose a column has beyond the type it was read as: given by the user in custom featurization (text,
 * hashes), or by the engine to the columns a forecasting job derives from its series.
 */
public enum ColumnPurpose {
    /** Free text: word and character n-grams with TF-IDF ({@code Text}). */
    TEXT,
    /** Categories always encoded by hashed one-hot, whatever their number ({@code Hashes}, {@code CategoricalHash}). */
    HASHES,
    /** A forecasting row's series index: a feature of the {@link FeatureView#SERIES} view only. */
    SERIES_INDEX,
    /** A forecasting row's step within its series: a feature of the {@link FeatureView#SERIES} view only. */
    SERIES_STEP,
    /**
     * A forecasting row's actual value where the data to forecast gives it: a feature of the {@link FeatureView#SERIES}
     * view only, which the series models take in before forecasting later rows (a rolling forecast).
     */
    SERIES_KNOWN,
    /**
     * A number derived from the target's past (a lag, a rolling mean): a numeric feature that is never dropped as an
     * ID, however many distinct values it has, and not a regressor of the series view.
     */
    TARGET_HISTORY,
    /**
     * A forecasting row's anchor or its series' scale, which a global model's relative target is measured from and
     * in: passed as it is to the tabular views for the model to read, never to the series view.
     */
    SERIES_BASE
}
