package dev.automl.algorithms.forecasting.ets;

/**
 * Where R's ets lets the smoothing parameters go with {@code bounds = "both"}: inside the usual bounds (each
 * parameter in [lower, upper], beta at most alpha, gamma at most 1 - alpha) and inside the admissible region, where
 * the model forecasts stably; for a seasonal model that means every root of its characteristic polynomial lies in
 * the unit disc. This is R's {@code check.param} and {@code admissible} as its C++ target function runs them.
 */
final class ParameterRegion {

    /** R's default lower bounds for alpha, beta, gamma and phi. */
    static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
    /** R's default upper bounds for alpha, beta, gamma and phi. */
    static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};

    private ParameterRegion() {
    }

    /**
     * @param m the seasonal period the model uses (1 for a form without a season)
     */
    static boolean contains(EtsForm form, int m, Smoothing p) {
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        if (alpha < LOWER[0] || alpha > UPPER[0]) {
            return false;
        }
        if (form.hasTrend() && (beta < LOWER[1] || beta > alpha || beta > UPPER[1])) {
            return false;
        }
        if (form.damped() && (phi < LOWER[3] || phi > UPPER[3])) {
            return false;
        }
        if (form.hasSeason() && (gamma < LOWER[2] || gamma > 1 - alpha || gamma > UPPER[2])) {
            return false;
        }
        return admissible(form, m, p);
    }

    /** R's {@code admissible}: whether the model forecasts stably, whatever the usual bounds say. */
    static boolean admissible(EtsForm form, int m, Smoothing p) {
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (!form.hasSeason()) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            return !form.hasTrend() || !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
        }
        if (m <= 1) {
            return true;
        }
        double d = 1 - 1 / phi - alpha;
        if (gamma < (d > 0 ? d : 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        return PolynomialRoots.maxModulus(characteristic(m, alpha, beta, gamma, phi)) <= 1 + 1e-10;
    }

    /** The seasonal model's characteristic polynomial, highest power first (degree m + 1). */
    static double[] characteristic(int m, double alpha, double beta, double gamma, double phi) {
        double[] c = new double[m + 2];
        c[0] = 1;
        c[1] = alpha + beta - phi;
        for (int i = 0; i < m - 2; i++) {
            c[2 + i] = alpha + beta - alpha * phi;
        }
        c[m] = alpha + beta - alpha * phi + gamma - 1;
        c[m + 1] = phi * (1 - alpha - gamma);
        return c;
    }
}
