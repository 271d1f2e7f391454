package dev.automl.algorithms.forecasting;

import dev.automl.algorithms.TrainingData;
import dev.automl.data.Task;
import dev.automl.featurization.FeatureMatrix;
import dev.automl.featurization.Target;
import dev.automl.featurization.series.SeriesFeatures;

import java.util.BitSet;
import java.util.List;

/** Series-view rows for the series learners' tests, built by hand: (series, step) and, for training, a target. */
public final class SeriesView {

    private SeriesView() {
    }

    /** Training rows of (series, step, target). */
    public static TrainingData training(List<double[]> rows) {
        double[] y = rows.stream().mapToDouble(r -> r[2]).toArray();
        return new TrainingData(rows(rows), new Target(Task.REGRESSION, y, List.of(), null));
    }

    /** Rows of (series, step) to forecast; a third value, the target, is left out. */
    public static FeatureMatrix rows(List<double[]> rows) {
        float[] v = new float[rows.size() * 2];
        for (int i = 0; i < rows.size(); i++) {
            v[2 * i] = (float) rows.get(i)[0];
            v[2 * i + 1] = (float) rows.get(i)[1];
        }
        return new FeatureMatrix(v, rows.size(), 2, List.of(SeriesFeatures.SERIES_COLUMN, SeriesFeatures.STEP_COLUMN),
                new BitSet());
    }

    /** Rows of (series, step, known value) to forecast: the value is the row's actual one, NaN where not given. */
    public static FeatureMatrix withKnown(List<double[]> rows) {
        float[] v = new float[rows.size() * 3];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 3; j++) {
                v[3 * i + j] = (float) rows.get(i)[j];
            }
        }
        return new FeatureMatrix(v, rows.size(), 3, List.of(SeriesFeatures.SERIES_COLUMN, SeriesFeatures.STEP_COLUMN,
                SeriesFeatures.KNOWN_COLUMN), new BitSet());
    }
}
