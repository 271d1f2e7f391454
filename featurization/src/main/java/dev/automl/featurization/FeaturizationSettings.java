package dev.automl.featurization;

import java.util.Map;

/** What the job asks of featurization: the mode and per-column imputer overrides. */
public record FeaturizationSettings(FeaturizationMode mode, Map<String, ImputerSpec> imputers) {

    public FeaturizationSettings {
        imputers = Map.copyOf(imputers);
    }

    public static FeaturizationSettings auto() {
        return new FeaturizationSettings(FeaturizationMode.AUTO, Map.of());
    }
}
