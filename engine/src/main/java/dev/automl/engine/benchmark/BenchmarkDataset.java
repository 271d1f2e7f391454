package dev.automl.engine.benchmark;

import dev.automl.data.Task;
import dev.automl.featurization.FeaturizationMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One dataset of a suite: where it is, what to predict, how to prepare it, and the published scores to compare with.
 *
 * @param references framework name to its mean score on the same outer metric (may be empty)
 */
public record BenchmarkDataset(String name, Path path, String target, Task task, Preparation preparation,
                               Map<String, Double> references) {

    /**
     * How the dataset is read into the AutoML job.
     *
     * @param dropColumns   columns left out before the job sees the data
     * @param featurization auto, or off to compare against features used as they are
     */
    public record Preparation(List<String> dropColumns, FeaturizationMode featurization) {

        public Preparation {
            dropColumns = List.copyOf(dropColumns);
        }
    }

    public BenchmarkDataset {
        references = Map.copyOf(references);
    }

    public List<String> dropColumns() {
        return preparation.dropColumns();
    }

    public FeaturizationMode featurization() {
        return preparation.featurization();
    }
}
