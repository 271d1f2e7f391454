package dev.automl.engine.benchmark;

import dev.automl.metrics.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One dataset of a suite: where it is, what to predict, and the published scores to compare with.
 *
 * @param references framework name to its mean score on the same outer metric (may be empty)
 */
public record BenchmarkDataset(String name, Path path, String target, Task task, List<String> dropColumns,
                               Map<String, Double> references) {

    public BenchmarkDataset {
        dropColumns = List.copyOf(dropColumns);
        references = Map.copyOf(references);
    }
}
