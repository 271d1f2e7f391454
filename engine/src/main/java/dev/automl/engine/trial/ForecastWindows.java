package dev.automl.engine.trial;

import dev.automl.data.series.SeriesTable;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.metrics.ForecastScores;

import java.util.HashMap;
import java.util.Map;

/**
 * The forecast windows of scored forecasting rows (one series forecast from one origin), which sMAPE and MASE
 * average over, and each window's MASE scale from its series' values before the origin (M4's definitions).
 *
 * @param window each scored row's window
 * @param scale  each window's mean absolute seasonal difference before its origin
 */
public record ForecastWindows(int[] window, double[] scale) {

    public int size() {
        return window.length;
    }

    /** The windows of some of the rows, given by their positions, renumbered. */
    public ForecastWindows select(int[] positions) {
        Map<Integer, Integer> renumbered = new HashMap<>();
        int[] w = new int[positions.length];
        double[] s = new double[scale.length];
        for (int i = 0; i < positions.length; i++) {
            int old = window[positions[i]];
            Integer now = renumbered.get(old);
            if (now == null) {
                now = renumbered.size();
                renumbered.put(old, now);
                s[now] = scale[old];
            }
            w[i] = now;
        }
        return new ForecastWindows(w, java.util.Arrays.copyOf(s, renumbered.size()));
    }

    /** The windows of a rolling-origin plan's scored rows: a fold's rows of one series are one window. */
    public static ForecastWindows of(ValidationPlan plan, SeriesTable series, int seasonality) {
        double[] y = series.target();
        int n = 0;
        for (Fold f : plan.folds()) {
            n += f.valid().length;
        }
        int[] window = new int[n];
        double[] scale = new double[n];
        int windows = 0;
        int at = 0;
        for (Fold f : plan.folds()) {
            int previousSeries = -1;
            for (int row : f.valid()) {
                int s = series.seriesOf(row);
                if (s != previousSeries) {
                    int start = series.index().starts()[s];
                    scale[windows++] = ForecastScores.scale(y, start, row - start, seasonality);
                    previousSeries = s;
                }
                window[at++] = windows - 1;
            }
        }
        return new ForecastWindows(window, java.util.Arrays.copyOf(scale, windows));
    }

    /**
     * The windows of new rows forecast after the training data: each series' rows are one window, scaled by the
     * series' training values.
     *
     * @param seriesOfRow each row's series index
     */
    public static ForecastWindows afterTraining(int[] seriesOfRow, SeriesTable series, int seasonality) {
        double[] y = series.target();
        Map<Integer, Integer> windowOf = new HashMap<>();
        int[] window = new int[seriesOfRow.length];
        double[] scale = new double[series.seriesCount()];
        for (int i = 0; i < seriesOfRow.length; i++) {
            int s = seriesOfRow[i];
            Integer w = windowOf.get(s);
            if (w == null) {
                w = windowOf.size();
                windowOf.put(s, w);
                scale[w] = ForecastScores.scale(y, series.index().starts()[s], series.length(s), seasonality);
            }
            window[i] = w;
        }
        return new ForecastWindows(window, java.util.Arrays.copyOf(scale, windowOf.size()));
    }
}
