package dev.automl.algorithms.forecasting.arima;

/**
 * The mapping between an ARIMA model's parameter vector (ar, ma, sar, sma, then regression coefficients) and its
 * expanded lag polynomials, with R's reparameterisation of the AR blocks through their partial autocorrelations
 * ({@code tanh} of the raw value), which keeps the optimiser inside the stationary region.
 *
 * @param p  non-seasonal AR order
 * @param q  non-seasonal MA order
 * @param sp seasonal AR order
 * @param sq seasonal MA order
 * @param period the seasonal period (0 or 1 when there is none)
 */
record ArmaParameters(int p, int q, int sp, int sq, int period) {

    /** The number of ARMA coefficients, before any regression coefficient. */
    int count() {
        return p + q + sp + sq;
    }

    /** The length of the expanded AR polynomial. */
    int expandedAr() {
        return p + period * sp;
    }

    /** The length of the expanded MA polynomial. */
    int expandedMa() {
        return q + period * sq;
    }

    /** Expanded {phi, theta} from the parameter vector, through the PACF transform when {@code transform} is set. */
    double[][] expand(double[] in, boolean transform) {
        double[] params = in;
        if (transform) {
            params = in.clone();
            if (p > 0) {
                partrans(p, in, 0, params, 0);
            }
            if (sp > 0) {
                partrans(sp, in, p + q, params, p + q);
            }
        }
        int np = expandedAr();
        int nq = expandedMa();
        double[] phi = new double[np];
        double[] theta = new double[nq];
        if (period > 0) {
            for (int i = 0; i < p; i++) {
                phi[i] = params[i];
            }
            for (int i = 0; i < q; i++) {
                theta[i] = params[i + p];
            }
            for (int j = 0; j < sp; j++) {
                phi[(j + 1) * period - 1] += params[j + p + q];
                for (int i = 0; i < p; i++) {
                    phi[(j + 1) * period + i] -= params[i] * params[j + p + q];
                }
            }
            for (int j = 0; j < sq; j++) {
                theta[(j + 1) * period - 1] += params[j + p + q + sp];
                for (int i = 0; i < q; i++) {
                    theta[(j + 1) * period + i] += params[i + p] * params[j + p + q + sp];
                }
            }
        } else {
            for (int i = 0; i < p; i++) {
                phi[i] = params[i];
            }
            for (int i = 0; i < q; i++) {
                theta[i] = params[i + p];
            }
        }
        return new double[][] {phi, theta};
    }

    /** The parameter vector with its AR blocks mapped from the raw scale to coefficients (R's undoPars). */
    double[] undo(double[] in) {
        double[] out = in.clone();
        if (p > 0) {
            partrans(p, in, 0, out, 0);
        }
        if (sp > 0) {
            partrans(sp, in, p + q, out, p + q);
        }
        return out;
    }

    /** The parameter vector with its AR blocks mapped from coefficients to the raw scale (R's Invtrans). */
    double[] inverse(double[] in) {
        double[] out = in.clone();
        if (p > 0) {
            invpartrans(p, in, 0, out, 0);
        }
        if (sp > 0) {
            invpartrans(sp, in, p + q, out, p + q);
        }
        return out;
    }

    /** The Jacobian of {@link #undo} by forward differences of 1e-3, as R's ARIMA_Gradtrans (column-major, n x n). */
    double[] gradient(double[] raw) {
        int n = raw.length;
        double eps = 1e-3;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i + i * n] = 1.0;
        }
        double[] w1 = new double[Math.max(p, sp)];
        double[] w2 = new double[w1.length];
        double[] w3 = new double[w1.length];
        if (p > 0) {
            System.arraycopy(raw, 0, w1, 0, p);
            partrans(p, w1, 0, w2, 0);
            for (int i = 0; i < p; i++) {
                w1[i] += eps;
                partrans(p, w1, 0, w3, 0);
                for (int j = 0; j < p; j++) {
                    a[i + j * n] = (w3[j] - w2[j]) / eps;
                }
                w1[i] -= eps;
            }
        }
        if (sp > 0) {
            int v = p + q;
            System.arraycopy(raw, v, w1, 0, sp);
            partrans(sp, w1, 0, w2, 0);
            for (int i = 0; i < sp; i++) {
                w1[i] += eps;
                partrans(sp, w1, 0, w3, 0);
                for (int j = 0; j < sp; j++) {
                    a[i + v + (j + v) * n] = (w3[j] - w2[j]) / eps;
                }
                w1[i] -= eps;
            }
        }
        return a;
    }

    /** tanh to partial autocorrelations, then the Durbin-Levinson recursion to AR coefficients. */
    private static void partrans(int np, double[] raw, int ro, double[] out, int oo) {
        double[] work = new double[np];
        for (int j = 0; j < np; j++) {
            out[oo + j] = Math.tanh(raw[ro + j]);
            work[j] = out[oo + j];
        }
        for (int j = 1; j < np; j++) {
            double a = out[oo + j];
            for (int k = 0; k < j; k++) {
                work[k] -= a * out[oo + j - k - 1];
            }
            for (int k = 0; k < j; k++) {
                out[oo + k] = work[k];
            }
        }
    }

    private static void invpartrans(int np, double[] phi, int po, double[] out, int oo) {
        double[] work = new double[np];
        for (int j = 0; j < np; j++) {
            out[oo + j] = phi[po + j];
            work[j] = out[oo + j];
        }
        for (int j = np - 1; j > 0; j--) {
            double a = out[oo + j];
            for (int k = 0; k < j; k++) {
                work[k] = (out[oo + k] + a * out[oo + j - k - 1]) / (1 - a * a);
            }
            for (int k = 0; k < j; k++) {
                out[oo + k] = work[k];
            }
        }
        for (int j = 0; j < np; j++) {
            out[oo + j] = atanh(out[oo + j]);
        }
    }

    /** atanh as C's libm computes it, through log1p. */
    private static double atanh(double x) {
        double t = Math.abs(x);
        double r = t < 0.5 ? 0.5 * Math.log1p(2 * t + 2 * t * t / (1 - t)) : 0.5 * Math.log1p(2 * t / (1 - t));
        return Math.copySign(r, x);
    }
}
