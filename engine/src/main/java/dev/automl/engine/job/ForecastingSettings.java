package dev.automl.engine.job;

import dev.automl.data.series.Frequency;
import dev.automl.data.series.SeriesTable;
import java.util.List;

/**
 * A forecasting job's {@code forecasting} block, validated, with Azure's defaults: what makes the series, how far
 * to forecast, the features of the target's own past, the other columns' treatment, and the step between the
 * validation folds' origins.
 *
 * @param horizon    {@code forecast_horizon}: how many steps ahead to forecast (Azure's default 1), or auto
 * @param cvStepSize {@code cv_step_size}: steps between the origins of consecutive validation folds, or auto
 */
public record ForecastingSettings(Series series, Setting<Integer> horizon, TargetFeatures target, Covariates covariates,
                                  Setting<Integer> cvStepSize) {

    /**
     * What makes the series.
     *
     * @param grainColumns {@code time_series_id_column_names}; empty for one series
     * @param frequency    {@code frequency}; null to find it in the times
     * @param aggregate    {@code target_aggregate_function}; null when each step has one row
     */
    public record Series(String timeColumn, List<String> grainColumns, Frequency frequency,
                         SeriesTable.Aggregate aggregate, ShortSeries shortSeries) {
        public Series {
            grainColumns = List.copyOf(grainColumns);
        }
    }

    /** Azure's {@code short_series_handling_config}: what to do with a series too short to validate. */
    public enum ShortSeries {
        /** Pad when no series is long enough, else drop the short ones. */
        AUTO,
        PAD,
        DROP,
        /** Leave them as they are: a series too short is an error. */
        NONE
    }

    /** Azure's {@code use_stl}: decompose the target into season and trend features. */
    public enum Stl {
        NONE, SEASON, SEASON_TREND
    }

    /**
     * Features of the target's own past.
     *
     * @param lags          {@code target_lags}: off by default, auto, or the lags in steps
     * @param rollingWindow {@code target_rolling_window_size}: off by default, auto, or the window in steps
     * @param seasonality   {@code seasonality}: auto by default (the frequency's usual period), off (none), or steps
     */
    public record TargetFeatures(Setting<List<Integer>> lags, Setting<Integer> rollingWindow, Setting<Integer> seasonality,
                                 Stl stl) {
    }

    /**
     * The other columns.
     *
     * @param featureLags          {@code feature_lags: auto}: lags of the numeric features
     * @param holidays             {@code country_or_region_for_holidays}: an ISO 3166 code; null for no holidays
     * @param unknownAtForecastTime {@code features_unknown_at_forecast_time}: columns not known in the future
     */
    public record Covariates(boolean featureLags, String holidays, List<String> unknownAtForecastTime) {
        public Covariates {
            unknownAtForecastTime = List.copyOf(unknownAtForecastTime);
        }
    }
}
