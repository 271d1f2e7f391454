package dev.automl.engine.job;

import dev.automl.data.Column;
import dev.automl.data.ColumnType;
import dev.automl.data.DateTimeColumn;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.Task;
import dev.automl.data.series.SeriesPadding;
import dev.automl.data.series.SeriesTable;
import dev.automl.engine.validation.RollingOriginPlanner;
import dev.automl.featurization.ImputationStrategy;
import dev.automl.featurization.ImputerSpec;
import dev.automl.featurization.Target;
import dev.automl.featurization.TargetEncoding;
import dev.automl.featurization.series.HolidayFeatures;
import dev.automl.featurization.series.SeriesFeatures;
import dev.automl.featurization.series.StlFeatures;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds a forecasting job's {@link JobData}: the training rows regularised into series, the job's forecasting
 * options resolved (horizon, seasonality, lags, folds), short series handled, and the derived columns added.
 */
final class ForecastingData {

    /** Azure's rolling-origin folds when {@code n_cross_validations} is auto or absent, fewer when series are short. */
    static final int AUTO_FOLDS = 3;
    /** An automatic horizon is at most this share of the shortest series, so that validation has room. */
    static final double AUTO_HORIZON_SHARE = 0.2;

    private ForecastingData() {
    }

    /**
     * @param validation reads the job's validation_data with the training data's column types; null for none
     */
    static JobData assemble(JobSpec spec, Table train, Function<Map<String, ColumnType>, Table> validation,
                            Function<Map<String, ColumnType>, Table> test, Map<String, ColumnType> hints,
                            Consumer<String> notes) {
        ForecastingSettings f = spec.forecasting();
        refuseWhatCannotRunYet(spec);
        SeriesTable.TargetFill fill = targetFill(spec);
        SeriesTable.Layout layout = new SeriesTable.Layout(f.series().timeColumn(), f.series().grainColumns(),
                spec.targetColumn());
        SeriesTable table = SeriesTable.of(train, layout, f.series().frequency(), f.series().aggregate(), fill);
        int seasonality = switch (f.target().seasonality().mode()) {
            case AUTO -> table.frequency().seasonality();
            case OFF -> 1;
            case GIVEN -> f.target().seasonality().value();
        };
        int horizon = f.horizon().mode() == Setting.Mode.GIVEN ? f.horizon().value() : autoHorizon(table, seasonality);
        int[] validationCuts = null;
        Folds folds;
        if (validation != null) {
            Map<String, ColumnType> likeTraining = new LinkedHashMap<>();
            train.columns().forEach(c -> likeTraining.put(c.name(), c.type()));
            Table valid = validation.apply(likeTraining);
            valid.require(spec.targetColumn(), "target_column_name", "validation_data");
            checkAfterTraining(valid, table, layout);
            SeriesTable withValidation = SeriesTable.of(JobData.append(train, valid, "validation_data"), layout,
                    table.frequency(), f.series().aggregate(), fill);
            validationCuts = new int[withValidation.seriesCount()];
            for (int s = 0; s < validationCuts.length; s++) {
                validationCuts[s] = table.length(s); // the series keep their order: training's rows come first
            }
            table = withValidation;
            folds = new Folds(1, horizon, 0, horizon);
        } else {
            folds = folds(spec, table, horizon, notes);
            SeriesTable unpadded = table;
            table = shortSeriesHandled(table, f.series().shortSeries(), folds, notes,
                    padding -> SeriesTable.of(JobData.append(train, padding, "the padding"), layout,
                            unpadded.frequency(), f.series().aggregate(), fill));
        }
        List<Integer> lags = switch (f.target().lags().mode()) {
            case OFF -> List.of();
            case AUTO -> SeriesFeatures.autoLags(horizon, seasonality);
            case GIVEN -> SeriesFeatures.fromOrigin(f.target().lags().value(), horizon);
        };
        int window = switch (f.target().rollingWindow().mode()) {
            case OFF -> 0;
            case AUTO -> Math.max(2, seasonality);
            case GIVEN -> f.target().rollingWindow().value();
        };
        List<String> forwardFilled = spec.featurization().settings().imputers().entrySet().stream()
                .filter(e -> e.getValue().strategy() == ImputationStrategy.FORWARD_FILL
                        && !e.getKey().equals(spec.targetColumn()))
                .map(Map.Entry::getKey).toList();
        HolidayFeatures holidays = f.covariates().holidays() == null ? null
                : new HolidayFeatures(f.covariates().holidays());
        List<String> unknown = f.covariates().unknownAtForecastTime();
        List<String> lagged = laggedCovariates(spec, table, unknown, notes);
        int reserved = folds.horizon() + (folds.count() - 1) * folds.step();
        if (validationCuts != null) {
            reserved = 0;
            for (int s = 0; s < validationCuts.length; s++) {
                reserved = Math.max(reserved, table.length(s) - validationCuts[s]);
            }
        }
        // Global models learn the target relative to each row's anchor whenever it has lags to be relative to.
        StlFeatures stl = f.target().stl() == ForecastingSettings.Stl.NONE ? null
                : StlFeatures.fit(table, seasonality, f.target().stl() == ForecastingSettings.Stl.SEASON_TREND, reserved);
        SeriesFeatures features = SeriesFeatures.fit(table, horizon, lags, window, forwardFilled, holidays, lagged,
                true, reserved, stl);
        Table derived = features.derive(table);

        List<String> nonFeatures = new ArrayList<>(spec.featurization().ignoredColumns());
        nonFeatures.add(spec.targetColumn());
        nonFeatures.addAll(unknown); // known at forecast time only through their lags
        Map<String, ColumnType> schema = new LinkedHashMap<>();
        for (Column c : table.table().columns()) {
            if (!nonFeatures.contains(c.name())) {
                schema.put(c.name(), c.type());
            }
        }
        TargetEncoding encoding = TargetEncoding.fit(table.table().column(spec.targetColumn()), Task.REGRESSION);
        Target target = encoding.encode(table.table().column(spec.targetColumn()), null, null);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : target.y()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        JobData.TestData testData = null;
        if (test != null) {
            Map<String, ColumnType> likeTraining = new LinkedHashMap<>(schema);
            likeTraining.putAll(hints);
            Table testTable = test.apply(likeTraining);
            testTable.require(spec.targetColumn(), "target_column_name", "test_data");
            testTable = JobData.rowsWithTarget(testTable, spec.targetColumn());
            // The test rows keep their target: a row's lags may read the actual values of the rows before it.
            testData = new JobData.TestData(testTable.drop(spec.featurization().ignoredColumns()),
                    encoding.encode(testTable.column(spec.targetColumn()), null, null));
        }
        SeriesData series = new SeriesData(table, features, seasonality, folds.count(), folds.step(), fill,
                validationCuts);
        return new JobData(derived.drop(nonFeatures), target, table.rows(), schema,
                new JobData.TargetFacts(encoding, max - min, -1), testData, series);
    }

    private static void refuseWhatCannotRunYet(JobSpec spec) {
        ForecastingSettings f = spec.forecasting();
        if (spec.weightColumn() != null) {
            throw new InvalidInputException("weight_column_name is not supported for forecasting.");
        }
    }

    /**
     * The numeric covariates to lag: every one with {@code feature_lags: auto}, and always those unknown at
     * forecast time, which are features only through their lags (a categorical one is left out, noted).
     */
    private static List<String> laggedCovariates(JobSpec spec, SeriesTable table, List<String> unknown,
                                                 Consumer<String> notes) {
        ForecastingSettings f = spec.forecasting();
        List<String> structural = new ArrayList<>(f.series().grainColumns());
        structural.add(f.series().timeColumn());
        structural.add(spec.targetColumn());
        List<String> out = new ArrayList<>();
        for (String c : unknown) {
            Column column = table.table().require(c, "forecasting.features_unknown_at_forecast_time", "training_data");
            if (structural.contains(c)) {
                throw new InvalidInputException("forecasting.features_unknown_at_forecast_time names '" + c + "', which"
                        + " is the time, a series or the target column.");
            }
            if (column.type() == ColumnType.NUMERIC) {
                out.add(c);
            } else {
                notes.accept("'" + c + "' is unknown at forecast time and not numeric, so it cannot be lagged: it is"
                        + " left out.");
            }
        }
        if (f.covariates().featureLags()) {
            for (Column c : table.table().columns()) {
                if (c instanceof NumericColumn n && !structural.contains(c.name()) && !out.contains(c.name())
                        && !spec.featurization().ignoredColumns().contains(c.name()) && !countsSteps(n)) {
                    out.add(c.name());
                }
            }
        }
        return out;
    }

    /** Whether a column numbers the rows (1, 2, 3 ...): its lags would only number them again. */
    private static boolean countsSteps(NumericColumn c) {
        double[] v = c.values();
        int steps = 0;
        for (int r = 1; r < v.length; r++) {
            steps += v[r] - v[r - 1] == 1 ? 1 : 0;
        }
        return v.length > 2 && steps >= 0.9 * (v.length - 1);
    }

    /** How the target's gaps are filled: carried forward unless the job gives the target an imputer. */
    private static SeriesTable.TargetFill targetFill(JobSpec spec) {
        ImputerSpec imputer = spec.featurization().settings().imputers().get(spec.targetColumn());
        if (imputer == null) {
            return SeriesTable.TargetFill.FORWARD;
        }
        return switch (imputer.strategy()) {
            case FORWARD_FILL -> SeriesTable.TargetFill.FORWARD;
            case MEAN -> new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.MEAN, Double.NaN);
            case MEDIAN -> new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.MEDIAN, Double.NaN);
            case CONSTANT -> {
                try {
                    yield new SeriesTable.TargetFill(SeriesTable.TargetFill.Kind.CONSTANT,
                            Double.parseDouble(imputer.fillValue()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("The imputer for the target column '" + spec.targetColumn()
                            + "' has fill_value '" + imputer.fillValue() + "', which is not a number.");
                }
            }
            case MOST_FREQUENT -> throw new InvalidInputException("The imputer for the target column '"
                    + spec.targetColumn() + "' uses most_frequent, which does not apply to a forecast target; use"
                    + " ffill, constant, mean or median.");
        };
    }

    /**
     * Validation rows continue their series: each belongs to a series of the training data and lies after that
     * series' last training time.
     *
     * @throws InvalidInputException naming the first row that does not
     */
    private static void checkAfterTraining(Table valid, SeriesTable train, SeriesTable.Layout layout) {
        Map<List<String>, Integer> seriesOf = new HashMap<>();
        for (int s = 0; s < train.seriesCount(); s++) {
            seriesOf.put(train.index().keys().get(s), s);
        }
        Column time = valid.require(layout.timeColumn(), "forecasting.time_column_name", "validation_data");
        List<Column> grains = new ArrayList<>();
        for (String g : layout.grainColumns()) {
            grains.add(valid.require(g, "forecasting.time_series_id_column_names", "validation_data"));
        }
        for (int r = 0; r < valid.rows(); r++) {
            List<String> key = new ArrayList<>();
            for (Column g : grains) {
                key.add(g.text(r));
            }
            Integer s = seriesOf.get(key);
            if (s == null) {
                throw new InvalidInputException("Row " + (r + 1) + " of validation_data belongs to a series the training"
                        + " data does not have (" + String.join(", ", key) + "): validation rows continue the training"
                        + " series.");
            }
            if (!(time instanceof DateTimeColumn t) || t.isMissing(r)) {
                continue; // reading the series reports a time that is missing or not a time
            }
            LocalDateTime end = train.timeAt(s, train.length(s) - 1);
            if (!t.get(r).isAfter(end)) {
                throw new InvalidInputException("Row " + (r + 1) + " of validation_data is at " + t.get(r) + ", not after"
                        + " the training data of its series, which ends at " + end + ": validation rows continue the"
                        + " training series.");
            }
        }
    }

    /** The seasonal period (or 1 step without seasons), at most a fifth of the shortest series. */
    private static int autoHorizon(SeriesTable table, int seasonality) {
        int shortest = Integer.MAX_VALUE;
        for (int s = 0; s < table.seriesCount(); s++) {
            shortest = Math.min(shortest, table.length(s));
        }
        return Math.max(1, Math.min(seasonality, (int) (AUTO_HORIZON_SHARE * shortest)));
    }

    /**
     * @param needed the steps a series needs for every fold
     */
    private record Folds(int count, int step, int needed, int horizon) {

        String describe() {
            return "forecast_horizon " + horizon + " with " + count + " validation fold" + (count == 1 ? "" : "s")
                    + (count == 1 ? "" : " " + step + " steps apart") + " (and " + RollingOriginPlanner.MIN_TRAIN
                    + " steps to train on)";
        }
    }

    /**
     * The folds the job asks for; with {@code auto}, up to {@link #AUTO_FOLDS} that the longest series holds, their
     * origins a horizon apart unless {@code cv_step_size} says otherwise.
     */
    private static Folds folds(JobSpec spec, SeriesTable table, int horizon, Consumer<String> notes) {
        ForecastingSettings f = spec.forecasting();
        int step = f.cvStepSize().mode() == Setting.Mode.GIVEN ? f.cvStepSize().value() : horizon;
        int longest = 0;
        for (int s = 0; s < table.seriesCount(); s++) {
            longest = Math.max(longest, table.length(s));
        }
        int count;
        if (spec.nCrossValidations() != null) {
            count = spec.nCrossValidations();
        } else {
            count = AUTO_FOLDS;
            while (count > 1 && needed(horizon, count, step) > longest) {
                count--;
            }
            if (count < AUTO_FOLDS) {
                notes.accept(count + " rolling-origin validation fold" + (count == 1 ? "" : "s") + ": the longest series"
                        + " has " + longest + " steps, too few for " + AUTO_FOLDS + " folds of " + horizon + " steps.");
            }
        }
        return new Folds(count, step, needed(horizon, count, step), horizon);
    }

    private static int needed(int horizon, int folds, int step) {
        return RollingOriginPlanner.MIN_TRAIN + horizon + (folds - 1) * step;
    }

    /**
     * Azure's short series handling: {@code drop} leaves out the series too short to validate, {@code pad} lengthens
     * them at their start ({@link SeriesPadding}), {@code auto} pads when no series is long enough and drops
     * otherwise; each says how many series it changed.
     *
     * @param padded the series table of the training rows with the padding rows added
     */
    private static SeriesTable shortSeriesHandled(SeriesTable table, ForecastingSettings.ShortSeries handling, Folds folds,
                                                  Consumer<String> notes, Function<Table, SeriesTable> padded) {
        int needed = folds.needed();
        List<Integer> kept = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            if (table.length(s) >= needed) {
                kept.add(s);
            }
        }
        int shortCount = table.seriesCount() - kept.size();
        if (shortCount == 0 || handling == ForecastingSettings.ShortSeries.NONE) {
            return table; // too short a series is then the validation plan's error, naming it
        }
        if (handling == ForecastingSettings.ShortSeries.PAD || kept.isEmpty()) {
            // auto pads only rows to train on: a series whose own values cannot fill its validation windows (and
            // one value to forecast them from) asks for a shorter horizon or fewer folds, not for invented values.
            int validated = needed - RollingOriginPlanner.MIN_TRAIN + 1;
            for (int s = 0; s < table.seriesCount(); s++) {
                if (handling == ForecastingSettings.ShortSeries.AUTO && table.length(s) < validated) {
                    String which = table.describe(s).isEmpty() ? "The series" : "The series " + table.describe(s);
                    throw new InvalidInputException(which + " has " + table.length(s) + " steps, but "
                            + folds.describe() + " needs at least " + needed + "; no series has that many. Shorten"
                            + " forecast_horizon, use fewer folds (n_cross_validations) or a smaller cv_step_size, or set"
                            + " short_series_handling_config to pad to validate on padded values.");
                }
            }
            Table padding = SeriesPadding.rows(table, needed);
            notes.accept("short_series_handling_config: padded " + shortCount + " of " + table.seriesCount()
                    + " series to " + needed + " steps (" + folds.describe() + " needs that many) with " + padding.rows()
                    + " rows before their first time: the series' median target with noise of 5e-05 of it, 0 in"
                    + " numeric columns, as Azure pads.");
            return padded.apply(padding);
        }
        notes.accept("short_series_handling_config: left out " + shortCount + " of " + table.seriesCount() + " series with"
                + " fewer than " + needed + " steps (the horizon and validation folds need that many).");
        return table.keep(kept.stream().mapToInt(Integer::intValue).toArray());
    }
}
