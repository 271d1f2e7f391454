package dev.automl.engine.validation;

import dev.automl.data.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Forecasting's validation, as Azure's rolling-origin cross-validation: fold {@code f} of {@code k} trains on each
 * series' rows before its cut and is scored on the next {@code horizon} rows; the cuts lie {@code step} rows apart
 * and the last fold's window ends at each series' last row. Rows are never shuffled.
 */
public final class RollingOriginPlanner {

    /** A fold needs at least this many training rows of a series to forecast it from. */
    public static final int MIN_TRAIN = 2;

    private RollingOriginPlanner() {
    }

    /**
     * @param starts  where each series starts in the table, with the table's row count last (series {@code s} holds
     *                rows {@code starts[s]} to {@code starts[s + 1] - 1}, in time order)
     * @param names   each series, as the user knows it, for errors
     * @throws InvalidInputException naming the first series too short for the folds asked for
     */
    public static ValidationPlan plan(int[] starts, List<String> names, int horizon, int folds, int step) {
        if (horizon < 1 || folds < 1 || step < 1) {
            throw new IllegalArgumentException("horizon, folds and step must be at least 1");
        }
        int series = starts.length - 1;
        int needed = MIN_TRAIN + horizon + (folds - 1) * step;
        for (int s = 0; s < series; s++) {
            int n = starts[s + 1] - starts[s];
            if (n < needed) {
                throw new InvalidInputException((names.get(s).isEmpty() ? "The series" : "The series " + names.get(s))
                        + " has " + n + " rows; forecast_horizon " + horizon + " with " + folds + " validation fold"
                        + (folds == 1 ? "" : "s") + " " + step + " apart needs at least " + needed + " (" + MIN_TRAIN
                        + " to train on). Shorten the horizon, use fewer folds (n_cross_validations) or a smaller"
                        + " cv_step_size, or let short_series_handling_config drop or pad it.");
            }
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int back = horizon + (folds - 1 - f) * step;
            List<Integer> train = new ArrayList<>();
            List<Integer> valid = new ArrayList<>();
            for (int s = 0; s < series; s++) {
                int cut = starts[s + 1] - back;
                for (int r = starts[s]; r < cut; r++) {
                    train.add(r);
                }
                for (int r = cut; r < cut + horizon; r++) {
                    valid.add(r);
                }
            }
            out.add(new Fold(train.stream().mapToInt(Integer::intValue).toArray(),
                    valid.stream().mapToInt(Integer::intValue).toArray()));
        }
        int[] all = new int[starts[series]];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        return new ValidationPlan(ValidationPlan.Kind.ROLLING_ORIGIN, out, 0, all);
    }

    /**
     * One fold at given cuts, for a job's validation_data: each series trains on its rows before its cut and is
     * scored on all its rows from the cut on; the refit takes every row.
     *
     * @param cuts each series' count of training rows
     * @throws InvalidInputException naming the first series with too few rows before its cut
     */
    public static ValidationPlan planAt(int[] starts, int[] cuts, List<String> names) {
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int s = 0; s < cuts.length; s++) {
            if (cuts[s] < MIN_TRAIN) {
                throw new InvalidInputException((names.get(s).isEmpty() ? "The series" : "The series " + names.get(s))
                        + " has " + cuts[s] + " training row" + (cuts[s] == 1 ? "" : "s") + " before its validation"
                        + " rows; it needs at least " + MIN_TRAIN + ".");
            }
            for (int r = starts[s]; r < starts[s + 1]; r++) {
                (r < starts[s] + cuts[s] ? train : valid).add(r);
            }
        }
        if (valid.isEmpty()) {
            throw new InvalidInputException("validation_data adds no row after the training data of any series.");
        }
        int[] all = new int[starts[cuts.length]];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        return new ValidationPlan(ValidationPlan.Kind.ROLLING_ORIGIN, List.of(new Fold(
                train.stream().mapToInt(Integer::intValue).toArray(), valid.stream().mapToInt(Integer::intValue).toArray())),
                0, all);
    }
}
