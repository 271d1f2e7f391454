package dev.automl.engine.benchmark;

import dev.automl.featurization.FeaturizationMode;
import dev.automl.data.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One dataset of a suite: where it is, what to predict, and the published scores to compare with.
 *
 * @param featurization auto, or off to compare against features used as they are
 * @param references    framework name to its mean score on the same outer metric (may be empty)
 */
public record BenchmarkDataset(String name, Path path, String target, Task task, List<String> dropColumns,
                               FeaturizationMode featurization, Map<String, Double> references) {

    public BenchmarkDataset {
        dropColumns = List.copyOf(dropColumns);
        references = Map.copyOf(references);
    }
}
