package dev.automl.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes every regression metric of the catalog from targets and predictions, with
 * scikit-learn's definitions (the ones Azure AutoML reports).
 *
 * <p>A value that is undefined for the data is NaN rather than an exception: r2_score when y is
 * constant or has fewer than two rows (scikit-learn's default reports 1.0 or 0.0 there, and
 * Azure then substitutes its own bounds), spearman_correlation when y or the predictions are
 * constant (as scipy), and the normalised errors when {@code targetRange} is 0.
 */
public final class RegressionScores {

    private RegressionScores() {
    }

    /**
     * All regression metrics, in catalog order.
     *
     * @param y           true targets
     * @param pred        predictions, one per target
     * @param weights     sample weights, non-negative, or null for all ones; spearman_correlation
     *                    ignores them, as Azure calls scipy.stats.spearmanr without weights
     * @param targetRange max - min of the training target; the normalised errors divide by its
     *                    absolute value, as Azure divides by |y_max - y_min|
     * @throws IllegalArgumentException when the arrays disagree in size, or a target, prediction
     *                                  or weight is not a finite number (weights also not negative)
     */
    public static Map<String, Double> compute(double[] y, double[] pred, double[] weights, double targetRange) {
        validate(y, pred, weights);
        int n = y.length;
        double[] w = Weights.orOnes(weights, n);

        double total = 0;
        double weightedY = 0;
        double squared = 0;
        double absolute = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - pred[i];
            total += w[i];
            weightedY += w[i] * y[i];
            squared += w[i] * e * e;
            absolute += w[i] * Math.abs(e);
        }
        double rmse = total > 0 ? Math.sqrt(squared / total) : Double.NaN;
        double mae = total > 0 ? absolute / total : Double.NaN;
        double range = Double.isFinite(targetRange) && targetRange != 0 ? Math.abs(targetRange) : Double.NaN;

        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(MetricCatalog.R2_SCORE, r2(y, w, total, weightedY, squared));
        scores.put(MetricCatalog.NORMALIZED_ROOT_MEAN_SQUARED_ERROR, rmse / range);
        scores.put(MetricCatalog.NORMALIZED_MEAN_ABSOLUTE_ERROR, mae / range);
        scores.put(MetricCatalog.SPEARMAN_CORRELATION, spearman(y, pred));
        scores.put(MetricCatalog.ROOT_MEAN_SQUARED_ERROR, rmse);
        scores.put(MetricCatalog.MEAN_ABSOLUTE_ERROR, mae);
        return scores;
    }

    private static double r2(double[] y, double[] w, double total, double weightedY, double squared) {
        if (y.length < 2 || total <= 0 || isConstant(y)) {
            return Double.NaN;
        }
        double mean = weightedY / total;
        double spread = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i] - mean;
            spread += w[i] * d * d;
        }
        // spread can still be 0 when every row that varies has weight 0
        return spread > 0 ? 1 - squared / spread : Double.NaN;
    }

    /** Pearson correlation of average ranks, as scipy.stats.spearmanr. */
    private static double spearman(double[] y, double[] pred) {
        if (y.length < 2) {
            return Double.NaN;
        }
        double[] a = Ranks.average(y);
        double[] b = Ranks.average(pred);
        double meanRank = (y.length + 1) / 2.0; // ranks always average to this, ties or not
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanRank;
            double db = b[i] - meanRank;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        return Math.max(-1.0, Math.min(1.0, ab / Math.sqrt(aa * bb)));
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static void validate(double[] y, double[] pred, double[] weights) {
        if (y == null || pred == null) {
            throw new IllegalArgumentException("y and pred are required");
        }
        if (y.length != pred.length) {
            throw new IllegalArgumentException("y has " + y.length + " values but pred has " + pred.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !Double.isFinite(pred[i])) {
                throw new IllegalArgumentException(
                        "row " + i + " has y = " + y[i] + ", pred = " + pred[i] + "; both must be finite");
            }
        }
        Weights.validate(weights, y.length);
    }
}
