package dev.automl.engine.benchmark;

import dev.automl.data.Task;
import dev.automl.data.series.Frequency;
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
     * @param series        a forecasting dataset's series; null for other tasks
     */
    public record Preparation(List<String> dropColumns, FeaturizationMode featurization, Series series) {

        public Preparation {
            dropColumns = List.copyOf(dropColumns);
        }

        public Preparation(List<String> dropColumns, FeaturizationMode featurization) {
            this(dropColumns, featurization, null);
        }
    }

    /**
     * A forecasting dataset's series and M4's protocol for them: each series' last {@code horizon} values are held
     * out and forecast from the rest.
     *
     * @param time            the time column: dates, or whole steps (0, 1, ...) laid on the frequency's grid from
     *                        2000-01-01 on
     * @param grains          the columns that tell the series apart; empty for one series
     * @param seasonality     the seasonal period the AutoML job is given
     * @param maseSeasonality the seasonal period of MASE's scale and of Naive2's test, as M4 defines them for the
     *                        data's frequency (1 for weekly data, 24 for hourly)
     */
    public record Series(String time, List<String> grains, int horizon, Frequency frequency, int seasonality,
                         int maseSeasonality) {
        public Series {
            grains = List.copyOf(grains);
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

    /** A forecasting dataset's series; null for other tasks. */
    public Series series() {
        return preparation.series();
    }
}
