package dev.automl.engine.trial;

import dev.automl.data.series.SeriesTable;
import dev.automl.engine.validation.Fold;
import dev.automl.engine.validation.ValidationPlan;
import dev.automl.metrics.ForecastScores;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The forecast windows of scored forecasting rows (one series forecast from one origin), which sMAPE and MASE
 * average over, and each window's MASE scale from its series' values before the origin (M4's definitions).
 *
 * @param window each scored row's window
 * @param scale  each window's mean absolute seasonal difference before its origin
 * @param range  each window's series' range (max - min) over all its training values, which Azure's normalised
 *               errors divide by
 * @param ahead  each scored row's steps after its window's origin, from 1
 */
public record ForecastWindows(int[] window, double[] scale, double[] range, int[] ahead) {

    public int size() {
        return window.length;
    }

    /** Each row's window's scale. */
    public double[] rowScales() {
        double[] out = new double[window.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scale[window[i]];
        }
        return out;
    }

    /** Each series' MASE scale over all its training values, by series index. */
    public static double[] seriesScales(SeriesTable series, int seasonality) {
        double[] out = new double[series.seriesCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = ForecastScores.scale(series.target(), series.index().starts()[s], series.length(s), seasonality);
        }
        return out;
    }

    /** The windows of some of the rows, given by their positions, renumbered. */
    public ForecastWindows select(int[] positions) {
        Map<Integer, Integer> renumbered = new HashMap<>();
        int[] w = new int[positions.length];
        double[] s = new double[scale.length];
        double[] r = new double[scale.length];
        int[] a = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            a[i] = ahead[positions[i]];
            int old = window[positions[i]];
            Integer now = renumbered.get(old);
            if (now == null) {
                now = renumbered.size();
                renumbered.put(old, now);
                s[now] = scale[old];
                r[now] = range[old];
            }
            w[i] = now;
        }
        return new ForecastWindows(w, Arrays.copyOf(s, renumbered.size()), Arrays.copyOf(r, renumbered.size()), a);
    }

    /** The windows of a rolling-origin plan's scored rows: a fold's rows of one series are one window. */
    public static ForecastWindows of(ValidationPlan plan, SeriesTable series, int seasonality) {
        double[] y = series.target();
        int n = 0;
        for (Fold f : plan.folds()) {
            n += f.valid().length;
        }
        double[] ranges = seriesRanges(series);
        int[] window = new int[n];
        double[] scale = new double[n];
        double[] range = new double[n];
        int[] ahead = new int[n];
        int windows = 0;
        int at = 0;
        for (Fold f : plan.folds()) {
            int previousSeries = -1;
            int origin = 0;
            for (int row : f.valid()) {
                int s = series.seriesOf(row);
                if (s != previousSeries) {
                    int start = series.index().starts()[s];
                    range[windows] = ranges[s];
                    scale[windows++] = ForecastScores.scale(y, start, row - start, seasonality);
                    previousSeries = s;
                    origin = row - 1;
                }
                ahead[at] = row - origin;
                window[at++] = windows - 1;
            }
        }
        return new ForecastWindows(window, Arrays.copyOf(scale, windows), Arrays.copyOf(range, windows), ahead);
    }

    /**
     * The windows of new rows forecast after the training data: each series' rows are one window, scaled by the
     * series' training values.
     *
     * @param seriesOfRow each row's series index
     * @param ahead       each row's steps after its series' last known value
     */
    public static ForecastWindows afterTraining(int[] seriesOfRow, int[] ahead, SeriesTable series, int seasonality) {
        double[] y = series.target();
        double[] ranges = seriesRanges(series);
        Map<Integer, Integer> windowOf = new HashMap<>();
        int[] window = new int[seriesOfRow.length];
        double[] scale = new double[series.seriesCount()];
        double[] range = new double[series.seriesCount()];
        for (int i = 0; i < seriesOfRow.length; i++) {
            int s = seriesOfRow[i];
            Integer w = windowOf.get(s);
            if (w == null) {
                w = windowOf.size();
                windowOf.put(s, w);
                scale[w] = ForecastScores.scale(y, series.index().starts()[s], series.length(s), seasonality);
                range[w] = ranges[s];
            }
            window[i] = w;
        }
        return new ForecastWindows(window, Arrays.copyOf(scale, windowOf.size()), Arrays.copyOf(range, windowOf.size()),
                ahead);
    }

    /** Each series' max - min over its known training values (NaN for a series with none), by series index. */
    static double[] seriesRanges(SeriesTable series) {
        double[] y = series.target();
        double[] out = new double[series.seriesCount()];
        for (int s = 0; s < out.length; s++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int start = series.index().starts()[s];
            for (int row = start; row < start + series.length(s); row++) {
                if (Double.isFinite(y[row])) {
                    min = Math.min(min, y[row]);
                    max = Math.max(max, y[row]);
                }
            }
            out[s] = min <= max ? max - min : Double.NaN;
        }
        return out;
    }
}
