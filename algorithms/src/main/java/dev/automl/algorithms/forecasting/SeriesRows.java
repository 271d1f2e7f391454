package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.TrainingData;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.series.SeriesFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Training rows of the series view regrouped into series: each series' values in step order, and its regressors
 * where asked for. The view names a row's series index and step; its other columns are the job's covariates.
 */
record SeriesRows(List<Series> series) {

    /**
     * One series' training values.
     *
     * @param index      the series' index, as the series view numbers it
     * @param lastStep   the step of the last value
     * @param regressors per value, the covariates in {@link Columns#regressors()} order; null when not asked for
     */
    record Series(int index, long lastStep, double[] values, double[][] regressors) {
    }

    /**
     * Where a series view holds each row's series, step, known value and covariates.
     *
     * @param known the column of the rows' actual values where the data to forecast gives them; -1 when the view has
     *              none (models saved before it existed)
     */
    record Columns(int series, int step, int known, int[] regressors) {

        static Columns of(FeatureMatrix x) {
            int series = x.names().indexOf(SeriesFeatures.SERIES_COLUMN);
            int step = x.names().indexOf(SeriesFeatures.STEP_COLUMN);
            int known = x.names().indexOf(SeriesFeatures.KNOWN_COLUMN);
            if (series < 0 || step < 0) {
                throw new IllegalArgumentException("the series view names no " + (series < 0
                        ? SeriesFeatures.SERIES_COLUMN : SeriesFeatures.STEP_COLUMN) + " column");
            }
            int[] regressors = IntStream.range(0, x.cols()).filter(c -> c != series && c != step && c != known)
                    .toArray();
            return new Columns(series, step, known, regressors);
        }

        /** A row's actual value where the data gives it; NaN otherwise. */
        double knownOf(FeatureMatrix x, int row) {
            return known < 0 ? Double.NaN : x.get(row, known);
        }

        double[] regressorsOf(FeatureMatrix x, int row) {
            double[] out = new double[regressors.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = x.get(row, regressors[j]);
            }
            return out;
        }
    }

    SeriesRows {
        series = List.copyOf(series);
    }

    /**
     * @throws IllegalArgumentException when a series' steps are not consecutive: the rows are not a series' past
     */
    static SeriesRows of(TrainingData train, boolean withRegressors) {
        FeatureMatrix x = train.x();
        Columns columns = Columns.of(x);
        double[] y = train.y().y();
        int n = x.rows();
        int[] series = new int[n];
        long[] steps = new long[n];
        boolean ordered = true;
        for (int r = 0; r < n; r++) {
            series[r] = Math.round(x.get(r, columns.series()));
            steps[r] = Math.round(x.get(r, columns.step()));
            ordered &= r == 0 || series[r] > series[r - 1] || series[r] == series[r - 1] && steps[r] > steps[r - 1];
        }
        // A fold's rows come grouped by series in time order; only other callers need sorting.
        Integer[] order = null;
        if (!ordered) {
            order = new Integer[n];
            for (int r = 0; r < n; r++) {
                order[r] = r;
            }
            Arrays.sort(order, Comparator.<Integer>comparingInt(r -> series[r]).thenComparingLong(r -> steps[r]));
        }
        List<Series> out = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int first = order == null ? start : order[start];
            int end = start + 1;
            while (end < n && series[order == null ? end : order[end]] == series[first]) {
                end++;
            }
            double[] values = new double[end - start];
            double[][] regressors = withRegressors ? new double[end - start][] : null;
            for (int i = start; i < end; i++) {
                int r = order == null ? i : order[i];
                if (i > start && steps[r] != steps[order == null ? i - 1 : order[i - 1]] + 1) {
                    throw new IllegalArgumentException("series " + series[first] + " has " + (steps[r] == steps[order == null
                            ? i - 1 : order[i - 1]] ? "two rows at step " + steps[r] : "gaps before step " + steps[r]));
                }
                values[i - start] = y[r];
                if (withRegressors) {
                    regressors[i - start] = columns.regressorsOf(x, r);
                }
            }
            int last = order == null ? end - 1 : order[end - 1];
            out.add(new Series(series[first], steps[last], values, regressors));
            start = end;
        }
        return new SeriesRows(out);
    }
}
