package dev.automl.data;

/** The type a column was read or declared as; it decides how featurization treats the column. */
public enum ColumnType {
    NUMERIC,
    CATEGORICAL,
    DATETIME
}
