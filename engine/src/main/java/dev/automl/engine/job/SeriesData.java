package dev.automl.engine.job;

import dev.automl.data.series.SeriesTable;
import dev.automl.featurization.series.SeriesFeatures;

/**
 * A forecasting job's training rows as series, and what the run decided about them from the job's forecasting
 * block: the features derived from the series, the seasonal period, and the rolling-origin folds.
 *
 * @param table       the training rows, regularised (sorted, gaps filled, short series dropped)
 * @param features    the derived columns: series, step, the target's lags and rolling mean
 * @param seasonality the seasonal period in steps; 1 for none
 * @param folds       the rolling-origin validation folds
 * @param cvStep      the steps between consecutive folds' origins
 * @param targetFill  how the target's gaps were filled
 * @param validationCuts with validation_data, each series' training steps (its validation rows follow them in the
 *                    table); null for rolling-origin folds
 */
public record SeriesData(SeriesTable table, SeriesFeatures features, int seasonality, int folds, int cvStep,
                         SeriesTable.TargetFill targetFill, int[] validationCuts) {

    public int horizon() {
        return features.horizon();
    }
}
