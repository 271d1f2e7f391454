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
