package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.TrainingData;
import dev.automl.featurization.FeatureMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

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
        TreeMap<Integer, TreeMap<Long, Double>> bySeries = new TreeMap<>();
        for (int r = 0; r < x.rows(); r++) {
            int s = Math.round(x.get(r, SERIES));
            long step = Math.round(x.get(r, STEP));
            if (bySeries.computeIfAbsent(s, k -> new TreeMap<>()).put(step, y[r]) != null) {
                throw new IllegalArgumentException("series " + s + " has two rows at step " + step);
            }
        }
        List<Series> out = new ArrayList<>();
        bySeries.forEach((s, steps) -> {
            long first = steps.firstKey();
            long last = steps.lastKey();
            if (last - first + 1 != steps.size()) {
                throw new IllegalArgumentException("series " + s + " has gaps between steps " + first + " and " + last);
            }
            out.add(new Series(s, last, steps.values().stream().mapToDouble(Double::doubleValue).toArray()));
        });
        return new SeriesRows(out);
    }
}
