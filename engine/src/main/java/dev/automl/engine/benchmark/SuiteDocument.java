package dev.automl.engine.benchmark;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** A benchmark suite file exactly as written, bound key by key so that a misspelt key is an error. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SuiteDocument(String name, Double budgetSeconds, List<Integer> folds, Long seed, List<DatasetDocument> datasets) {

    /** One dataset entry of the suite. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DatasetDocument(String name, String path, String target, String task, List<String> dropColumns,
                           String featurization, ForecastingDocument forecasting, Map<String, Double> reference) {
    }

    /** A forecasting dataset's series: M4's protocol holds out each series' last {@code horizon} values. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ForecastingDocument(String time, List<String> series, Integer horizon, String frequency, Integer seasonality,
                               Integer maseSeasonality) {
    }
}
