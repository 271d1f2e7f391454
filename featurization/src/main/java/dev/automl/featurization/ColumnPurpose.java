package dev.automl.featurization;

/** A purpose a user may give a text column in custom featurization, beyond the types the data is read as. */
public enum ColumnPurpose {
    /** Free text: word and character n-grams with TF-IDF ({@code Text}). */
    TEXT,
    /** Categories always encoded by hashed one-hot, whatever their number ({@code Hashes}, {@code CategoricalHash}). */
    HASHES
}
