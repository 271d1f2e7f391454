package dev.automl.engine.ensemble;

import dev.automl.engine.model.ProbabilityCalibration;
import dev.automl.featurization.Target;

/**
 * Fits an ensemble's {@link ProbabilityCalibration} to its out-of-fold probabilities by log loss, and cross-fits it
 * over those rows so that whether it pays is measured on rows it was not fitted to: the power by golden-section
 * search (log loss is convex in it), the floor from a grid.
 */
public final class ProbabilityCalibrator {

    /** Folds of the cross-fit that measures the calibration. */
    static final int FOLDS = 5;
    static final double LEAST_POWER = 0.25;
    static final double MOST_POWER = 4;
    /** Floors tried, from the least any ensemble keeps to a tenth of the probability mass. */
    static final double[] FLOORS = {ProbabilityCalibration.LEAST_FLOOR, 1e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1};
    /** scikit-learn's log_loss clips probabilities at numpy's float64 eps, as the metric does. */
    private static final double EPS = Math.ulp(1.0);
    private static final int GOLDEN_STEPS = 30;
    /** A calibration is fitted on at most this many rows. */
    static final int FIT_ROWS = 50_000;

    /**
     * A fitted calibration and what it did to the rows it was fitted on.
     *
     * @param calibration the calibration fitted on all rows
     * @param crossFitted each row's probabilities corrected by the calibration fitted without its fold
     * @param plain       each row's probabilities with only the least floor
     */
    public record Fit(ProbabilityCalibration calibration, double[] crossFitted, double[] plain,
                      double plainLogLoss, double crossFittedLogLoss) {

        /** Whether the fitted calibration lowers the log loss of rows it did not see. */
        public boolean pays() {
            return crossFittedLogLoss < plainLogLoss;
        }
    }

    private ProbabilityCalibrator() {
    }

    /** Fits and cross-fits a calibration of {@code probabilities} (rows x classes, row-major) to {@code y}. */
    public static Fit fit(Target y, double[] probabilities, long seed) {
        int k = y.numClasses();
        int n = y.size();
        int[] classes = y.classes();
        double[] weights = y.weights();
        int[][] folds = EnsembleBuilder.folds(n, FOLDS, seed ^ 0xCA11B4A7EL);
        double[] crossFitted = new double[probabilities.length];
        for (int[] valid : folds) {
            int[] train = EnsembleBuilder.complement(valid, n);
            ProbabilityCalibration c = fit(classes, weights, probabilities, k, train);
            double[] part = c.apply(EnsembleBuilder.rowsOf(probabilities, valid, k), k);
            for (int i = 0; i < valid.length; i++) {
                System.arraycopy(part, i * k, crossFitted, valid[i] * k, k);
            }
        }
        int[] all = range(n);
        ProbabilityCalibration calibration = fit(classes, weights, probabilities, k, all);
        double[] plain = ProbabilityCalibration.leastFloor().apply(probabilities, k);
        return new Fit(calibration, crossFitted, plain, logLoss(classes, weights, plain, k, all),
                logLoss(classes, weights, crossFitted, k, all));
    }

    /** The calibration with the least log loss on the given rows (on at most {@link #FIT_ROWS} of them). */
    static ProbabilityCalibration fit(int[] y, double[] w, double[] p, int k, int[] allRows) {
        int[] rows = allRows;
        if (allRows.length > FIT_ROWS) {
            // Two numbers are well fitted on tens of thousands of rows; a large holdout would cost seconds a scoring.
            int[] at = EnsembleBuilder.evenlySpaced(allRows.length, FIT_ROWS);
            rows = new int[at.length];
            for (int i = 0; i < at.length; i++) {
                rows[i] = allRows[at[i]];
            }
        }
        double power = bestPower(y, w, p, k, rows, ProbabilityCalibration.LEAST_FLOOR);
        double floor = ProbabilityCalibration.LEAST_FLOOR;
        double best = Double.POSITIVE_INFINITY;
        for (double f : FLOORS) {
            double loss = logLoss(y, w, new ProbabilityCalibration(power, f).apply(EnsembleBuilder.rowsOf(p, rows, k), k), k, range(rows.length), rows);
            if (loss < best) {
                best = loss;
                floor = f;
            }
        }
        return new ProbabilityCalibration(bestPower(y, w, p, k, rows, floor), floor);
    }

    private static double bestPower(int[] y, double[] w, double[] p, int k, int[] rows, double floor) {
        double[] selected = EnsembleBuilder.rowsOf(p, rows, k);
        double lo = Math.log(LEAST_POWER);
        double hi = Math.log(MOST_POWER);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = loss(y, w, selected, k, rows, a, floor);
        double fb = loss(y, w, selected, k, rows, b, floor);
        for (int step = 0; step < GOLDEN_STEPS; step++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = loss(y, w, selected, k, rows, a, floor);
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = loss(y, w, selected, k, rows, b, floor);
            }
        }
        double power = Math.exp((lo + hi) / 2);
        // A power that gains nothing beyond rounding leaves the ensemble's own probabilities as they are.
        double identity = loss(y, w, selected, k, rows, 0, floor);
        return loss(y, w, selected, k, rows, Math.log(power), floor) < identity * (1 - 1e-6) ? power : 1;
    }

    private static double loss(int[] y, double[] w, double[] selected, int k, int[] rows, double logPower, double floor) {
        double[] q = new ProbabilityCalibration(Math.exp(logPower), floor).apply(selected, k);
        return logLoss(y, w, q, k, range(rows.length), rows);
    }

    /** Weighted mean log loss of {@code q} (rows x k, in the order of {@code at}) for the rows {@code at} of y. */
    static double logLoss(int[] y, double[] w, double[] q, int k, int[] at) {
        return logLoss(y, w, q, k, at, at);
    }

    /**
     * @param positions where each row's probabilities lie in {@code q}
     * @param rows      which row of y (and w) each is
     */
    private static double logLoss(int[] y, double[] w, double[] q, int k, int[] positions, int[] rows) {
        double sum = 0;
        double total = 0;
        for (int i = 0; i < rows.length; i++) {
            double weight = w == null ? 1 : w[rows[i]];
            double p = Math.min(1 - EPS, Math.max(EPS, q[positions[i] * k + y[rows[i]]]));
            sum -= weight * Math.log(p);
            total += weight;
        }
        return total > 0 ? sum / total : 0;
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
