package dev.automl.engine.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.automl.data.InvalidInputException;
import dev.automl.data.series.Frequency;
import dev.automl.data.series.SeriesTable;
import dev.automl.engine.job.JobDocument.ForecastingDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Reads a job's {@code forecasting} block into {@link ForecastingSettings}, as Azure's {@code ForecastingSettings}
 * documents each key, with an error citing the key's line and column for a value it cannot mean.
 */
final class ForecastingBlock {

    private static final String BLOCK = "forecasting.";

    /** Builds an error about the value under a dotted key, citing where the key is written. */
    private final BiFunction<String, String, InvalidInputException> error;

    ForecastingBlock(BiFunction<String, String, InvalidInputException> error) {
        this.error = error;
    }

    ForecastingSettings read(ForecastingDocument d) {
        if (d == null || d.timeColumnName() == null || d.timeColumnName().isBlank()) {
            throw error.apply(d == null ? "task" : "forecasting", "a forecasting job needs 'forecasting.time_column_name':"
                    + " the column of the times its rows are at.");
        }
        List<String> grains = names("time_series_id_column_names", d.timeSeriesIdColumnNames());
        if (grains.contains(d.timeColumnName())) {
            throw error.apply(BLOCK + "time_series_id_column_names", "'" + d.timeColumnName() + "' is the time column;"
                    + " it cannot also identify a series.");
        }
        Frequency frequency = null;
        if (d.frequency() != null) {
            try {
                frequency = Frequency.parse(d.frequency());
            } catch (InvalidInputException e) {
                throw error.apply(BLOCK + "frequency", e.getMessage());
            }
        }
        SeriesTable.Aggregate aggregate = null;
        if (d.targetAggregateFunction() != null) {
            aggregate = switch (d.targetAggregateFunction().toLowerCase(Locale.ROOT)) {
                case "sum" -> SeriesTable.Aggregate.SUM;
                case "max" -> SeriesTable.Aggregate.MAX;
                case "min" -> SeriesTable.Aggregate.MIN;
                case "mean" -> SeriesTable.Aggregate.MEAN;
                default -> throw error.apply(BLOCK + "target_aggregate_function", "'target_aggregate_function' must be"
                        + " sum, max, min or mean, not '" + d.targetAggregateFunction() + "'.");
            };
            if (frequency == null) {
                throw error.apply(BLOCK + "target_aggregate_function", "'target_aggregate_function' needs"
                        + " 'forecasting.frequency': the frequency to combine the rows to.");
            }
        }
        ForecastingSettings.ShortSeries shortSeries = choice("short_series_handling_config",
                d.shortSeriesHandlingConfig(), ForecastingSettings.ShortSeries.AUTO, ForecastingSettings.ShortSeries.NONE,
                ForecastingSettings.ShortSeries.values());
        ForecastingSettings.Stl stl = choice("use_stl", d.useStl(), ForecastingSettings.Stl.NONE,
                ForecastingSettings.Stl.NONE, ForecastingSettings.Stl.values());
        Setting<Integer> horizon = count("forecast_horizon", d.forecastHorizon(), Setting.of(1), false);
        Setting<Integer> window = count("target_rolling_window_size", d.targetRollingWindowSize(), Setting.off(), true);
        if (window.mode() == Setting.Mode.GIVEN && window.value() < 2) {
            throw error.apply(BLOCK + "target_rolling_window_size", "'target_rolling_window_size' must be at least 2"
                    + " (a window of one step is a lag), not " + window.value() + ".");
        }
        Setting<Integer> seasonality = count("seasonality", d.seasonality(), Setting.auto(), true);
        Setting<Integer> step = count("cv_step_size", d.cvStepSize(), Setting.auto(), false);
        boolean featureLags = featureLags(d.featureLags());
        String holidays = d.countryOrRegionForHolidays();
        if (holidays != null && !holidays.matches("[A-Za-z]{2}")) {
            throw error.apply(BLOCK + "country_or_region_for_holidays", "'country_or_region_for_holidays' must be an"
                    + " ISO 3166 two-letter code such as US or GB, not '" + holidays + "'.");
        }
        return new ForecastingSettings(
                new ForecastingSettings.Series(d.timeColumnName(), grains, frequency, aggregate, shortSeries),
                horizon,
                new ForecastingSettings.TargetFeatures(lags(d.targetLags()), window, seasonality, stl),
                new ForecastingSettings.Covariates(featureLags, holidays == null ? null : holidays.toUpperCase(Locale.ROOT),
                        names("features_unknown_at_forecast_time", d.featuresUnknownAtForecastTime())),
                step);
    }

    /** A column name or a list of them; none when absent. */
    private List<String> names(String key, JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode item : n) {
                if (!item.isTextual() || out.contains(item.asText())) {
                    throw error.apply(BLOCK + key, "'" + key + "' must be a column name or a list of distinct names.");
                }
                out.add(item.asText());
            }
            return out;
        }
        throw error.apply(BLOCK + key, "'" + key + "' must be a column name or a list of names.");
    }

    /**
     * A whole number of at least 1, or {@code auto}; absent gives {@code absent}. With {@code mayTurnOff}, null
     * and {@code none} turn the option off.
     */
    private Setting<Integer> count(String key, JsonNode n, Setting<Integer> absent, boolean mayTurnOff) {
        if (n == null) {
            return absent;
        }
        if (n.isNull() || n.isTextual() && n.asText().equalsIgnoreCase("none")) {
            if (mayTurnOff) {
                return Setting.off();
            }
            return absent;
        }
        if (n.isTextual() && n.asText().equalsIgnoreCase("auto")) {
            return Setting.auto();
        }
        if (n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= 1) {
            return Setting.of(n.asInt());
        }
        throw error.apply(BLOCK + key, "'" + key + "' must be a whole number of at least 1 or 'auto'"
                + (mayTurnOff ? " (or none)" : "") + ", not '" + n.asText() + "'.");
    }

    /** {@code target_lags}: a whole number, a list of them, {@code auto}, or none (the default). */
    private Setting<List<Integer>> lags(JsonNode n) {
        if (n == null || n.isNull() || n.isTextual() && n.asText().equalsIgnoreCase("none")) {
            return Setting.off();
        }
        if (n.isTextual() && n.asText().equalsIgnoreCase("auto")) {
            return Setting.auto();
        }
        List<Integer> lags = new ArrayList<>();
        for (JsonNode item : n.isArray() ? n : List.of(n)) {
            if (!item.isIntegralNumber() || !item.canConvertToInt() || item.asInt() < 1) {
                throw error.apply(BLOCK + "target_lags", "'target_lags' must be 'auto', a whole number of at least 1 or"
                        + " a list of them, not '" + (n.isArray() ? n.toString() : n.asText()) + "'.");
            }
            if (!lags.contains(item.asInt())) {
                lags.add(item.asInt());
            }
        }
        if (lags.isEmpty()) {
            return Setting.off();
        }
        lags.sort(Integer::compare);
        return Setting.of(List.copyOf(lags));
    }

    private boolean featureLags(JsonNode n) {
        if (n == null || n.isNull() || n.isTextual() && n.asText().equalsIgnoreCase("none")) {
            return false;
        }
        if (n.isTextual() && n.asText().equalsIgnoreCase("auto")) {
            return true;
        }
        throw error.apply(BLOCK + "feature_lags", "'feature_lags' must be 'auto' or none, not '" + n.asText() + "'.");
    }

    /** One of an enum's values by its lower-case name; {@code absent} when the key is absent, {@code off} for null. */
    private <E extends Enum<E>> E choice(String key, JsonNode n, E absent, E off, E[] values) {
        if (n == null) {
            return absent;
        }
        if (n.isNull()) {
            return off;
        }
        String v = n.asText().toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (E e : values) {
            names.add(e.name().toLowerCase(Locale.ROOT));
            if (e.name().toLowerCase(Locale.ROOT).equals(v)) {
                return e;
            }
        }
        throw error.apply(BLOCK + key, "'" + key + "' must be one of " + String.join(", ", names) + ", not '"
                + n.asText() + "'.");
    }
}
