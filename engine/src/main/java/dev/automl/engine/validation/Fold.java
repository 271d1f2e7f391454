package dev.automl.engine.validation;

/** One train/validation split, as row indices into the run's combined table. */
public record Fold(int[] train, int[] valid) {
}
