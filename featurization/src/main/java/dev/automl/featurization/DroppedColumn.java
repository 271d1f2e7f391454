package dev.automl.featurization;

/** A raw column featurization left out, and why (shown to the user and kept with the model). */
public record DroppedColumn(String column, String reason) {
}
