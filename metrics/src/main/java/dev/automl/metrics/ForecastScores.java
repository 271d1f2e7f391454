package dev.automl.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forecasting errors beside the regression metrics, over forecast windows (one series' forecast from one
 * origin), with M4's definitions: sMAPE and MASE per window, averaged over windows; MAPE over the points whose
 * actual value is not 0. A value that is undefined for the data (no window with a usable scale for MASE, no
 * nonzero actual for MAPE) is NaN.
 */
public final class ForecastScores {

    private ForecastScores() {
    }

    /**
     * @param y      actual values
     * @param pred   forecasts, one per actual value
     * @param window each point's window, 0 to {@code scale.length - 1}
     * @param scale  each window's MASE denominator: the mean absolute seasonal difference of its series' values
     *               before the origin; NaN or 0 where there is none, which leaves the window out of MASE
     */
    public static Map<String, Double> compute(double[] y, double[] pred, int[] window, double[] scale) {
        if (y.length != pred.length || y.length != window.length) {
            throw new IllegalArgumentException("y, pred and window differ in length: " + y.length + ", " + pred.length
                    + ", " + window.length);
        }
        int windows = scale.length;
        double[] absolute = new double[windows];
        double[] symmetric = new double[windows];
        int[] points = new int[windows];
        double percentage = 0;
        int nonzero = 0;
        for (int i = 0; i < y.length; i++) {
            int w = window[i];
            double e = Math.abs(y[i] - pred[i]);
            absolute[w] += e;
            double denominator = Math.abs(y[i]) + Math.abs(pred[i]);
            symmetric[w] += denominator == 0 ? 0 : 200 * e / denominator;
            points[w]++;
            if (y[i] != 0) {
                percentage += 100 * e / Math.abs(y[i]);
                nonzero++;
            }
        }
        double smape = 0;
        double mase = 0;
        int scored = 0;
        int scaled = 0;
        for (int w = 0; w < windows; w++) {
            if (points[w] == 0) {
                continue;
            }
            smape += symmetric[w] / points[w];
            scored++;
            if (scale[w] > 0 && Double.isFinite(scale[w])) {
                mase += absolute[w] / points[w] / scale[w];
                scaled++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MetricCatalog.MEAN_ABSOLUTE_PERCENTAGE_ERROR, nonzero == 0 ? Double.NaN : percentage / nonzero);
        out.put(MetricCatalog.SYMMETRIC_MEAN_ABSOLUTE_PERCENTAGE_ERROR, scored == 0 ? Double.NaN : smape / scored);
        out.put(MetricCatalog.MEAN_ABSOLUTE_SCALED_ERROR, scaled == 0 ? Double.NaN : mase / scaled);
        return out;
    }

    /**
     * The normalised errors as Azure computes them for forecasting: per window, its RMSE and MAE divided by the
     * range (max - min) of its series' training values and clipped at 1, then averaged over the windows. A rolling
     * origin's window is one series in one fold, so this is Azure's mean over folds of the mean over series. A
     * series whose training values are all equal scores 0 where it is forecast exactly and 1 otherwise, as Azure's.
     *
     * @param range each window's series' max - min; NaN leaves the window out
     */
    public static Map<String, Double> normalized(double[] y, double[] pred, int[] window, double[] range) {
        if (y.length != pred.length || y.length != window.length) {
            throw new IllegalArgumentException("y, pred and window differ in length: " + y.length + ", " + pred.length
                    + ", " + window.length);
        }
        int windows = range.length;
        double[] squared = new double[windows];
        double[] absolute = new double[windows];
        int[] points = new int[windows];
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - pred[i];
            squared[window[i]] += e * e;
            absolute[window[i]] += Math.abs(e);
            points[window[i]]++;
        }
        double rmse = 0;
        double mae = 0;
        int scored = 0;
        for (int w = 0; w < windows; w++) {
            if (points[w] == 0 || Double.isNaN(range[w])) {
                continue;
            }
            rmse += normalise(Math.sqrt(squared[w] / points[w]), range[w]);
            mae += normalise(absolute[w] / points[w], range[w]);
            scored++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MetricCatalog.NORMALIZED_ROOT_MEAN_SQUARED_ERROR, scored == 0 ? Double.NaN : rmse / scored);
        out.put(MetricCatalog.NORMALIZED_MEAN_ABSOLUTE_ERROR, scored == 0 ? Double.NaN : mae / scored);
        return out;
    }

    private static double normalise(double error, double range) {
        if (range == 0) {
            return error == 0 ? 0 : 1;
        }
        return Math.min(1, error / Math.abs(range));
    }

    /**
     * MASE's denominator for a series: the mean absolute difference between values {@code m} steps apart among
     * its first {@code n} values (lag 1 when the series is too short for its season); NaN when it has fewer than
     * two values.
     */
    public static double scale(double[] series, int from, int n, int m) {
        int lag = n > m ? m : 1;
        if (n <= lag) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = lag; t < n; t++) {
            sum += Math.abs(series[from + t] - series[from + t - lag]);
        }
        return sum / (n - lag);
    }
}
