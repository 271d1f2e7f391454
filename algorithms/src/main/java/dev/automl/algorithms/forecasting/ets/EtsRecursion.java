package dev.automl.algorithms.forecasting.ets;

/**
 * The ETS state-space recursion, as R's {@code etscalc} and {@code etsforecast} run it: one-step forecasts, state
 * updates and the likelihood over a series, and point forecasts from a state. A state is the level, then the trend
 * when the form has one, then the m seasonal states, the most recent first.
 */
final class EtsRecursion {

    /** R's marker for a forecast it cannot make (a multiplicative trend gone negative). */
    static final double NA = -99999.0;
    private static final double TOL = 1.0e-10;
    /** What R divides by instead of a near-zero level or season. */
    private static final double HUGE = 1.0e10;

    private EtsRecursion() {
    }

    /**
     * One pass over a series.
     *
     * @param lik        R's criterion {@code n log(sum e^2)}, plus {@code 2 sum log|f|} for a multiplicative error;
     *                   NaN where R's is NA (a forecast it could not make)
     * @param sse        the sum of squared errors (relative errors for a multiplicative error)
     * @param finalState the state after the last value, or null when the pass did not reach it
     */
    record Pass(double lik, double sse, double[] finalState) {

        static final Pass UNDEFINED = new Pass(Double.NaN, Double.NaN, null);
    }

    /**
     * Runs the recursion over {@code y} from the initial state.
     *
     * @param m the seasonal period; ignored for a form without a season
     */
    static Pass run(double[] y, int m, EtsForm form, Smoothing p, double[] initial) {
        Component trend = form.trend();
        if (trend == Component.M) {
            return runMultiplicativeTrend(y, m, form, p, initial);
        }
        boolean trended = trend == Component.A;
        boolean seasonal = form.hasSeason();
        boolean additiveSeason = form.season() == Component.A;
        boolean additiveError = form.error() == Component.A;
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        double betaOverAlpha = beta / alpha;
        double l = initial[0];
        double b = trended ? initial[1] : 0;
        int first = trended ? 2 : 1;
        // The seasons in a ring: season j (0 the most recent) is s[(head + j) % m]; each step the oldest becomes
        // the newest, which shifts them all without copying.
        double[] s = seasonal ? new double[m] : null;
        int head = 0;
        if (seasonal) {
            System.arraycopy(initial, first, s, 0, m);
        }
        double sse = 0.0;
        double logf = 0.0;
        int n = y.length;
        for (int t = 0; t < n; t++) {
            double yi = y[t];
            double oldl = l;
            double oldb = b;
            int oldest = 0;
            double olds = 0;
            if (seasonal) {
                oldest = head == 0 ? m - 1 : head - 1;
                olds = s[oldest];
            }
            // The one-step forecast, and q, the level and trend's part of it (phib the damped trend).
            double phib = trended ? phi * oldb : 0;
            double q = trended ? oldl + phib : oldl;
            double f;
            if (!seasonal) {
                f = q;
            } else if (additiveSeason) {
                f = q + olds;
            } else {
                f = q * olds;
            }
            if (Math.abs(f - NA) < TOL) {
                return Pass.UNDEFINED;
            }
            double e;
            if (additiveError) {
                e = yi - f;
            } else {
                e = (yi - f) / f;
                logf += Math.log(Math.abs(f));
            }
            double target;
            if (!seasonal) {
                target = yi;
            } else if (additiveSeason) {
                target = yi - olds;
            } else {
                target = Math.abs(olds) < TOL ? HUGE : yi / olds;
            }
            l = q + alpha * (target - q);
            if (trended) {
                b = phib + betaOverAlpha * (l - oldl - phib);
            }
            if (seasonal) {
                double st;
                if (additiveSeason) {
                    st = yi - q;
                } else {
                    st = Math.abs(q) < TOL ? HUGE : yi / q;
                }
                s[oldest] = olds + gamma * (st - olds);
                head = oldest;
            }
            sse = sse + e * e;
        }
        return finish(y.length, form, l, b, s, head, m, first, initial.length, sse, logf);
    }

    private static Pass finish(int n, EtsForm form, double l, double b, double[] s, int head, int m, int first,
                               int length, double sse, double logf) {
        double lik = n * Math.log(sse);
        if (form.error() == Component.M) {
            lik += 2 * logf;
        }
        double[] last = new double[length];
        last[0] = l;
        if (form.hasTrend()) {
            last[1] = b;
        }
        if (s != null) {
            for (int j = 0; j < m; j++) {
                int k = head + j;
                last[first + j] = s[k < m ? k : k - m];
            }
        }
        return new Pass(lik, sse, last);
    }

    /** The recursion with a multiplicative trend, which no automatic choice tries (R's restrict and allow). */
    private static Pass runMultiplicativeTrend(double[] y, int m, EtsForm form, Smoothing p, double[] initial) {
        boolean seasonal = form.hasSeason();
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        double l = initial[0];
        double b = initial[1];
        int first = 2;
        double[] s = seasonal ? new double[m] : null;
        int head = 0;
        if (seasonal) {
            System.arraycopy(initial, first, s, 0, m);
        }
        double sse = 0.0;
        double logf = 0.0;
        for (double yi : y) {
            double oldl = l;
            double oldb = b;
            int oldest = seasonal ? (head + m - 1) % m : 0;
            double olds = seasonal ? s[oldest] : 0;
            if (oldb < 0) {
                return Pass.UNDEFINED;
            }
            double f = oldl * Math.pow(oldb, phi);
            if (form.season() == Component.A) {
                f = f + olds;
            } else if (form.season() == Component.M) {
                f = f * olds;
            }
            if (Math.abs(f - NA) < TOL) {
                return Pass.UNDEFINED;
            }
            double e = form.error() == Component.A ? yi - f : (yi - f) / f;
            double q;
            double phib;
            if (Math.abs(phi - 1.0) < TOL) {
                phib = oldb;
                q = oldl * oldb;
            } else {
                phib = Math.pow(oldb, phi);
                q = oldl * phib;
            }
            double target;
            switch (form.season()) {
                case N -> target = yi;
                case A -> target = yi - olds;
                default -> target = Math.abs(olds) < TOL ? HUGE : yi / olds;
            }
            l = q + alpha * (target - q);
            double r = Math.abs(oldl) < TOL ? HUGE : l / oldl;
            b = phib + (beta / alpha) * (r - phib);
            if (seasonal) {
                double t;
                if (form.season() == Component.A) {
                    t = yi - q;
                } else {
                    t = Math.abs(q) < TOL ? HUGE : yi / q;
                }
                s[oldest] = olds + gamma * (t - olds);
                head = oldest;
            }
            sse = sse + e * e;
            logf += Math.log(Math.abs(f));
        }
        return finish(y.length, form, l, b, s, head, m, first, initial.length, sse, logf);
    }

    /**
     * The point forecasts of the next {@code h} steps from a state: the recursion with every future error zero,
     * which R's {@code forecast.ets} reports as the mean of every form but a multiplicative error and season. A damped
     * trend adds phi + phi^2 + ... + phi^k trends k steps ahead, as R's class 1 and 2 forecasts do (8.20's
     * {@code etsforecast}, which R uses for multiplicative trends only, counts phi twice from the second step, a bug
     * forecast 9 fixed). A multiplicative trend whose growth has gone negative (where R stops) forecasts no growth.
     */
    static double[] forecast(double[] state, int m, EtsForm form, double phi, int h) {
        double l = state[0];
        double b = form.hasTrend() ? state[1] : 0;
        int first = form.hasTrend() ? 2 : 1;
        boolean flat = form.trend() == Component.M && b < 0;
        double[] f = new double[h];
        double phistar = phi;
        double phipow = phi;
        for (int i = 0; i < h; i++) {
            double fi;
            switch (form.trend()) {
                case N -> fi = l;
                case A -> fi = l + phistar * b;
                default -> fi = flat ? l : l * Math.pow(b, phistar);
            }
            if (form.hasSeason()) {
                int j = Math.floorMod(m - 1 - i, m);
                double sj = state[first + j];
                fi = form.season() == Component.A ? fi + sj : fi * sj;
            }
            f[i] = fi;
            phipow *= phi;
            phistar += phipow;
        }
        return f;
    }
}
