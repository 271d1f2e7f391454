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

    /** R's admissible: the largest root's modulus at most this. */
    static final double MAX_ROOT = 1 + 1e-10;
    /**
     * How far, relatively, the roots must stay from {@link #MAX_ROOT} for the Schur-Cohn test to answer without the
     * roots: far beyond the error of the roots computed (about 1e-15 for simple roots), so both agree. On 900,000
     * parameter sets (m from 2 to 24, most bisected to within 2^-5 to 2^-55 of the region's edge), the verdicts agreed
     * at every margin from 1e-6 down to 1e-11.
     */
    static final double MARGIN = 1e-8;
    /** The least m alpha + gamma at which the root at 1 of a form with beta 0 and phi 1 is left to the test. */
    static final double UNIT_ROOT_SEPARATION = 1e-2;

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
        double[] c = characteristic(m, alpha, beta, gamma, phi);
        switch (quickVerdict(m, alpha, beta, gamma, phi, c, new double[c.length])) {
            case SchurCohn.INSIDE:
                return true;
            case SchurCohn.NOT_INSIDE:
                return false;
            default:
                return PolynomialRoots.maxModulus(c) <= MAX_ROOT;
        }
    }

    /**
     * Whether the characteristic polynomial's roots all lie within {@link #MAX_ROOT}, told without computing them
     * where the answer is clear: {@link SchurCohn#INSIDE} when they all lie well within it (inside MAX_ROOT shrunk by
     * {@link #MARGIN}), {@link SchurCohn#NOT_INSIDE} when one lies well beyond it (outside MAX_ROOT grown by MARGIN),
     * else {@link SchurCohn#UNKNOWN}, where the roots decide as before. Forms without a trend or damping
     * (beta 0, phi 1) always have a root at 1, which the roots computed find within rounding of 1 and so within
     * MAX_ROOT, and which would leave every such test undecided: their polynomial is (z - 1) times
     * z^m + alpha z^(m-1) + ... + alpha z + (alpha + gamma - 1), whose roots are tested instead, where the root at 1 is
     * far enough from a double root ({@link #UNIT_ROOT_SEPARATION}) to be found that precisely.
     */
    static int quickVerdict(int m, double alpha, double beta, double gamma, double phi, double[] c, double[] work) {
        double[] tested = c;
        if (beta == 0 && phi == 1) {
            // q(1) = m alpha + gamma: the root at 1 is that far from being a double root.
            if (!(m * alpha + gamma >= UNIT_ROOT_SEPARATION)) {
                return SchurCohn.UNKNOWN;
            }
            tested = new double[m + 1];
            tested[0] = 1;
            for (int i = 1; i < m; i++) {
                tested[i] = alpha;
            }
            tested[m] = alpha + gamma - 1;
        }
        if (SchurCohn.rootsInside(tested, MAX_ROOT * (1 - MARGIN), work) == SchurCohn.INSIDE) {
            return SchurCohn.INSIDE;
        }
        if (SchurCohn.rootsInside(tested, MAX_ROOT * (1 + MARGIN), work) == SchurCohn.NOT_INSIDE) {
            return SchurCohn.NOT_INSIDE;
        }
        return SchurCohn.UNKNOWN;
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
