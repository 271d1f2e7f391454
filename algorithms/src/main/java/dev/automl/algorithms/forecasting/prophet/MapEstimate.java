package dev.automl.algorithms.forecasting.prophet;

import java.util.Arrays;

/**
 * Prophet's fitted parameters for one series, on its scaled values and times: the maximum a posteriori estimate
 * that R's {@code prophet()} asks Stan's optimizer for, and that Stan's L-BFGS approaches.
 *
 * @param logPosterior Stan's log density there (constants dropped); 0 for a constant series, which is not fitted;
 *                     infinite where the values are fitted exactly (as two values are), where it has no maximum
 * @param iterations   the optimiser's iterations
 */
record MapEstimate(double k, double m, double[] delta, double[] beta, double sigma, double logPosterior,
                   int iterations) {

    /** Stop when a Newton step promises to gain less than this share of the log posterior: rounding level. */
    static final double TOLERANCE = 1e-15;
    /** The goldens converge in 3 to 15 steps; this bounds a pathological series' cost. */
    static final int MAX_ITERATIONS = 200;

    /**
     * Fits as R's {@code fit.prophet} does: from k and m on the line through the first and last value, no trend
     * changes and no seasonality; a constant series keeps that start, with sigma 0, as Prophet keeps it.
     */
    static MapEstimate of(ProphetDesign d) {
        int n = d.observations();
        double k0 = (d.y[n - 1] - d.y[0]) / (d.t[n - 1] - d.t[0]);
        double m0 = d.y[0] - k0 * d.t[0];
        double[] noDelta = new double[d.deltas()];
        double[] noBeta = new double[d.columns];
        if (d.constant) {
            return new MapEstimate(k0, m0, noDelta, noBeta, 0, 0, 0).folded(d);
        }
        ProphetPosterior posterior = new ProphetPosterior(d);
        double[] start = posterior.theta(k0, m0, noDelta, noBeta);
        double[] weights = new double[start.length];
        for (int j = 0; j < d.deltas(); j++) {
            weights[ProphetPosterior.firstDelta() + j] = 1 / d.changepointPriorScale;
        }
        ProximalNewton.Result r = new ProximalNewton(MAX_ITERATIONS, TOLERANCE).minimise(posterior, weights, start);
        double[] x = r.theta();
        double[] delta = Arrays.copyOfRange(x, 2, 2 + d.deltas());
        double[] beta = Arrays.copyOfRange(x, 2 + d.deltas(), x.length);
        double sigma = posterior.bestSigma(x);
        double lp = sigma > 0 ? posterior.logDensity(x[0], x[1], delta, beta, sigma) : Double.POSITIVE_INFINITY;
        return new MapEstimate(x[0], x[1], delta, beta, sigma, lp, r.iterations()).folded(d);
    }

    /** With Prophet's stand-in changepoint (at time 0) folded into k, as R does when there are no changepoints. */
    private MapEstimate folded(ProphetDesign d) {
        if (!d.noChangepoints) {
            return this;
        }
        return new MapEstimate(k + delta[0], m, new double[0], beta, sigma, logPosterior, iterations);
    }
}
