package dev.automl.featurization;

/** Azure's {@code featurization.mode}: automatic, none, or automatic with the user's overrides. */
public enum FeaturizationMode {
    AUTO,
    OFF,
    CUSTOM
}
