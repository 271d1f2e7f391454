package dev.automl.featurization.series;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.automl.data.Column;
import dev.automl.data.InvalidInputException;
import dev.automl.data.NumericColumn;
import dev.automl.data.Table;
import dev.automl.data.series.SeriesTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lags of a forecasting job's numeric covariates ({@code feature_lags: auto}, and the columns of
 * {@code features_unknown_at_forecast_time}, which are known only through their lags): each reaches back at least
 * the horizon, as the target's lags do, so that a forecast reads only values known at its origin. It keeps each
 * series' last values of each column, which new rows' lags read.
 *
 * @param columns the numeric columns lagged
 * @param lags    the lags, in steps back from the row (each at least the horizon)
 * @param tails   per series, per column (in {@code columns} order), its last training values, the last at the
 *                series' last training step
 */
public record CovariateLags(@JsonProperty("columns") List<String> columns, @JsonProperty("lags") List<Integer> lags,
                            @JsonProperty("tails") List<List<double[]>> tails) {

    public CovariateLags {
        columns = List.copyOf(columns);
        lags = List.copyOf(lags);
        tails = tails.stream().map(List::copyOf).toList();
    }

    /** No covariate lagged. */
    public static CovariateLags none() {
        return new CovariateLags(List.of(), List.of(), List.of());
    }

    /**
     * Fits on a job's regularised training rows.
     *
     * @throws InvalidInputException when a column is absent or not numeric
     */
    public static CovariateLags fit(SeriesTable table, List<String> columns, List<Integer> lags) {
        int depth = lags.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<double[]> values = new ArrayList<>();
        for (String c : columns) {
            Column column = table.table().require(c, "forecasting.features_unknown_at_forecast_time", "training_data");
            if (!(column instanceof NumericColumn n)) {
                throw new InvalidInputException("Column '" + c + "' is " + column.type().name().toLowerCase(Locale.ROOT)
                        + ": only numeric columns can be lagged (feature_lags, features_unknown_at_forecast_time).");
            }
            values.add(n.values());
        }
        List<List<double[]>> tails = new ArrayList<>();
        for (int s = 0; s < table.seriesCount(); s++) {
            int end = table.index().starts()[s] + table.length(s);
            int start = Math.max(table.index().starts()[s], end - depth);
            List<double[]> perColumn = new ArrayList<>();
            for (double[] v : values) {
                perColumn.add(java.util.Arrays.copyOfRange(v, start, end));
            }
            tails.add(perColumn);
        }
        return new CovariateLags(columns, lags, tails);
    }

    /** The lag columns' names, column by column, lag by lag. */
    @JsonIgnore
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            for (int k : lags) {
                out.add(c + "_lag" + k);
            }
        }
        return out;
    }

    /** The lag columns of the training rows, which come sorted by series and step. */
    List<Column> training(SeriesTable table) {
        List<Column> out = new ArrayList<>();
        int n = table.rows();
        for (String c : columns) {
            double[] v = ((NumericColumn) table.table().column(c)).values();
            for (int k : lags) {
                double[] lagged = new double[n];
                for (int r = 0; r < n; r++) {
                    lagged[r] = table.stepOf(r) >= k ? v[r - k] : Double.NaN;
                }
                out.add(new NumericColumn(c + "_lag" + k, lagged));
            }
        }
        return out;
    }

    /**
     * The lag columns of new rows placed in their series: a lag within a series' training data reads its tail, a
     * later one the value the rows themselves give at that step (missing when they give none).
     *
     * @param lastSteps each series' last training step
     */
    List<Column> forNew(Table raw, int[] series, long[] steps, long[] lastSteps) {
        List<Column> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Map<Integer, Map<Long, Double>> given = new HashMap<>();
            if (raw.find(columns.get(c)).orElse(null) instanceof NumericColumn v) {
                for (int r = 0; r < raw.rows(); r++) {
                    if (!v.isMissing(r)) {
                        given.computeIfAbsent(series[r], x -> new HashMap<>()).put(steps[r], v.get(r));
                    }
                }
            }
            for (int k : lags) {
                double[] lagged = new double[raw.rows()];
                for (int r = 0; r < lagged.length; r++) {
                    long at = steps[r] - k;
                    int s = series[r];
                    if (at <= lastSteps[s]) {
                        double[] tail = tails.get(s).get(c);
                        long back = lastSteps[s] - at;
                        lagged[r] = back < tail.length ? tail[(int) (tail.length - 1 - back)] : Double.NaN;
                    } else {
                        lagged[r] = given.getOrDefault(s, Map.of()).getOrDefault(at, Double.NaN);
                    }
                }
                out.add(new NumericColumn(columns.get(c) + "_lag" + k, lagged));
            }
        }
        return out;
    }
}
