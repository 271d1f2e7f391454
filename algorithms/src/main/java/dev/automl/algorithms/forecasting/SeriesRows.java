package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.TrainingData;
import dev.automl.featurization.FeatureMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Training rows of the series view regrouped into series: each series' values in step order. Columns 0 and 1 of
 * the view hold a row's series index and step.
 */
record SeriesRows(List<Series> series) {

    /**
     * One series' training values.
     *
     * @param index     the series' index, as the series view numbers it
     * @param lastStep  the step of the last value
     */
    record Series(int index, long lastStep, double[] values) {
    }

    static final int SERIES = 0;
    static final int STEP = 1;

    SeriesRows {
        series = List.copyOf(series);
    }

    /**
     * @throws IllegalArgumentException when a series' steps are not consecutive: the rows are not a series' past
     */
    static SeriesRows of(TrainingData train) {
        FeatureMatrix x = train.x();
        double[] y = train.y().y();
        int n = x.rows();
        int[] series = new int[n];
        long[] steps = new long[n];
        boolean ordered = true;
        for (int r = 0; r < n; r++) {
            series[r] = Math.round(x.get(r, SERIES));
            steps[r] = Math.round(x.get(r, STEP));
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
            for (int i = start; i < end; i++) {
                int r = order == null ? i : order[i];
                if (i > start && steps[r] != steps[order == null ? i - 1 : order[i - 1]] + 1) {
                    throw new IllegalArgumentException("series " + series[first] + " has " + (steps[r] == steps[order == null
                            ? i - 1 : order[i - 1]] ? "two rows at step " + steps[r] : "gaps before step " + steps[r]));
                }
                values[i - start] = y[r];
            }
            int last = order == null ? end - 1 : order[end - 1];
            out.add(new Series(series[first], steps[last], values));
            start = end;
        }
        return new SeriesRows(out);
    }
}
