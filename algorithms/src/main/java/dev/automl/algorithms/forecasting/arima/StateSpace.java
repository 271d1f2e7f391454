package dev.automl.algorithms.forecasting.arima;

/**
 * An ARIMA model in the state space form R's {@code makeARIMA} builds (Harvey's form for the ARMA part, the
 * differencing carried in extra states with a diffuse prior of variance {@code kappa}), and the Kalman filter over
 * it (R's {@code ARIMA_Like}) that gives the exact Gaussian likelihood. The filter leaves the state after the last
 * observation in {@link #a}, from which {@link #forecast} runs. Matrices are column-major, as R's.
 */
final class StateSpace {

    static final double KAPPA = 1e6;
    /** The largest ARMA state R's getQ0 accepts. */
    static final int MAX_R = 350;
    /**
     * The largest ARMA state Gardner's method solves; its equations take {@code r^4 / 8} doubles (17 MB at 64, a
     * gigabyte at a weekly period in hourly data), so larger states (long seasonal periods with seasonal terms)
     * solve the same Lyapunov equation by doubling instead, which agrees to rounding.
     */
    static final int GARDNER_MAX_R = 64;

    final double[] phi;
    final double[] theta;
    final double[] delta;
    final int r;
    final int rd;
    /** The state, and its variance, after the observations filtered so far. */
    final double[] a;
    final double[] pMat;
    /** The one-step prediction variance; the prior variance before the first observation. */
    final double[] pn;

    private StateSpace(double[] phi, double[] theta, double[] delta) {
        this.phi = phi;
        this.theta = theta;
        this.delta = delta;
        this.r = Math.max(phi.length, theta.length + 1);
        this.rd = r + delta.length;
        this.a = new double[rd];
        this.pMat = new double[rd * rd];
        this.pn = new double[rd * rd];
    }

    /** The model before any observation: state zero, the ARMA block's stationary variance, and diffuse differences. */
    static StateSpace of(double[] phi, double[] theta, double[] delta) {
        StateSpace s = new StateSpace(phi, theta, delta);
        if (s.r > 1) {
            double[] q0 = stationaryCovariance(phi, theta);
            for (int j = 0; j < s.r; j++) {
                System.arraycopy(q0, j * s.r, s.pn, j * s.rd, s.r);
            }
        } else {
            s.pn[0] = phi.length > 0 ? 1.0 / (1.0 - phi[0] * phi[0]) : 1.0;
        }
        for (int i = 0; i < delta.length; i++) {
            s.pn[(s.r + i) + (s.r + i) * s.rd] = KAPPA;
        }
        return s;
    }

    /** The sums the likelihood needs: the weighted squared innovations, the log gains, and how many there were. */
    record Sums(double ssq, double sumlog, int nu) {
    }

    /**
     * Filters the observations from the current state (R's ARIMA_Like with {@code sUP = 0}). Observations whose
     * innovation variance is 1e4 or more, the ones the diffuse prior still dominates, are left out of the sums.
     *
     * @param resid where to write the standardised innovations, or null
     */
    Sums filter(double[] y, double[] resid) {
        int n = y.length;
        int p = phi.length;
        int q = theta.length;
        int d = delta.length;
        double[] anew = new double[rd];
        double[] m = new double[rd];
        double[] mm = d > 0 ? new double[rd * rd] : null;
        double[] pnew = pn;
        double[] pm = pMat;
        // Terms with a zero coefficient add nothing, so the sums skip them: a seasonal difference or MA part has
        // a few non-zero lags among many. What is left is R's arithmetic in R's order.
        int[] dnz = nonZero(delta, 0);
        double[] ma1 = new double[q + 1];
        ma1[0] = 1.0;
        System.arraycopy(theta, 0, ma1, 1, q);
        int[] tnz = nonZero(ma1, 0);
        double ssq = 0.0;
        double sumlog = 0.0;
        int nu = 0;
        for (int l = 0; l < n; l++) {
            for (int i = 0; i < r; i++) {
                double tmp = (i < r - 1) ? a[i + 1] : 0.0;
                if (i < p) {
                    tmp += phi[i] * a[0];
                }
                anew[i] = tmp;
            }
            if (d > 0) {
                for (int i = r + 1; i < rd; i++) {
                    anew[i] = a[i - 1];
                }
                double tmp = a[0];
                for (int i : dnz) {
                    tmp += delta[i] * a[r + i];
                }
                anew[r] = tmp;
            }
            if (l > 0) {
                if (d == 0) {
                    for (int j = 0; j < r; j++) {
                        for (int i = 0; i < r; i++) {
                            double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
                            double tmp = j == 0 ? vi : (j - 1 < q ? vi * theta[j - 1] : 0.0);
                            if (i < p && j < p) {
                                tmp += phi[i] * phi[j] * pm[0];
                            }
                            if (i < r - 1 && j < r - 1) {
                                tmp += pm[i + 1 + r * (j + 1)];
                            }
                            if (i < p && j < r - 1) {
                                tmp += phi[i] * pm[j + 1];
                            }
                            if (j < p && i < r - 1) {
                                tmp += phi[j] * pm[i + 1];
                            }
                            pnew[i + r * j] = tmp;
                        }
                    }
                } else {
                    // mm = T P (column by column, for locality; each cell's arithmetic is R's)
                    for (int j = 0; j < rd; j++) {
                        int cj = rd * j;
                        double p0 = pm[cj];
                        for (int i = 0; i < r; i++) {
                            double tmp = 0.0;
                            if (i < p) {
                                tmp += phi[i] * p0;
                            }
                            if (i < r - 1) {
                                tmp += pm[i + 1 + cj];
                            }
                            mm[i + cj] = tmp;
                        }
                    }
                    for (int j = 0; j < rd; j++) {
                        double tmp = pm[rd * j];
                        for (int k : dnz) {
                            tmp += delta[k] * pm[r + k + rd * j];
                        }
                        mm[r + rd * j] = tmp;
                    }
                    for (int i = 1; i < d; i++) {
                        for (int j = 0; j < rd; j++) {
                            mm[r + i + rd * j] = pm[r + i - 1 + rd * j];
                        }
                    }
                    // Pnew = mm T'
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < rd; j++) {
                            double tmp = 0.0;
                            if (i < p) {
                                tmp += phi[i] * mm[j];
                            }
                            if (i < r - 1) {
                                tmp += mm[rd * (i + 1) + j];
                            }
                            pnew[j + rd * i] = tmp;
                        }
                    }
                    for (int j = 0; j < rd; j++) {
                        double tmp = mm[j];
                        for (int k : dnz) {
                            tmp += delta[k] * mm[rd * (r + k) + j];
                        }
                        pnew[rd * r + j] = tmp;
                    }
                    for (int i = 1; i < d; i++) {
                        for (int j = 0; j < rd; j++) {
                            pnew[rd * (r + i) + j] = mm[rd * (r + i - 1) + j];
                        }
                    }
                    for (int i : tnz) {
                        double vi = ma1[i];
                        for (int j : tnz) {
                            pnew[i + rd * j] += vi * ma1[j];
                        }
                    }
                }
            }
            if (!Double.isNaN(y[l])) {
                double res = y[l] - anew[0];
                for (int i : dnz) {
                    res -= delta[i] * anew[r + i];
                }
                for (int i = 0; i < rd; i++) {
                    double tmp = pnew[i];
                    for (int j : dnz) {
                        tmp += pnew[i + (r + j) * rd] * delta[j];
                    }
                    m[i] = tmp;
                }
                double gain = m[0];
                for (int j : dnz) {
                    gain += delta[j] * m[r + j];
                }
                if (gain < 1e4) {
                    nu++;
                    ssq += res * res / gain;
                    sumlog += Math.log(gain);
                }
                if (resid != null) {
                    resid[l] = res / Math.sqrt(gain);
                }
                for (int i = 0; i < rd; i++) {
                    a[i] = anew[i] + m[i] * res / gain;
                }
                for (int j = 0; j < rd; j++) {
                    double mj = m[j];
                    int cj = j * rd;
                    for (int i = 0; i < rd; i++) {
                        pm[i + cj] = pnew[i + cj] - m[i] * mj / gain;
                    }
                }
            } else {
                System.arraycopy(anew, 0, a, 0, rd);
                System.arraycopy(pnew, 0, pm, 0, rd * rd);
                if (resid != null) {
                    resid[l] = Double.NaN;
                }
            }
        }
        return new Sums(ssq, sumlog, nu);
    }

    /** The indices of the non-zero values from {@code from} on. */
    private static int[] nonZero(double[] v, int from) {
        int count = 0;
        for (int i = from; i < v.length; i++) {
            count += v[i] != 0.0 ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = from, k = 0; i < v.length; i++) {
            if (v[i] != 0.0) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** The point forecasts of the next {@code steps} observations from the state {@code a} (R's KalmanFore). */
    static double[] forecast(double[] phi, double[] delta, double[] state, int steps) {
        int rd = state.length;
        int d = delta.length;
        int r = rd - d;
        int p = phi.length;
        double[] a = state.clone();
        double[] anew = new double[rd];
        double[] out = new double[steps];
        for (int l = 0; l < steps; l++) {
            // T a, with T's companion structure: phi in the first column, ones above the diagonal, and the
            // differencing rows carrying Z = (1, 0, ..., 0, delta).
            for (int i = 0; i < r; i++) {
                double tmp = 0.0;
                if (i < p) {
                    tmp += phi[i] * a[0];
                }
                if (i < r - 1) {
                    tmp += a[i + 1];
                }
                anew[i] = tmp;
            }
            if (d > 0) {
                double tmp = a[0];
                for (int k = 0; k < d; k++) {
                    tmp += delta[k] * a[r + k];
                }
                anew[r] = tmp;
                for (int i = 1; i < d; i++) {
                    anew[r + i] = a[r + i - 1];
                }
            }
            double fc = anew[0];
            for (int k = 0; k < d; k++) {
                fc += anew[r + k] * delta[k];
            }
            System.arraycopy(anew, 0, a, 0, rd);
            out[l] = fc;
        }
        return out;
    }

    /**
     * The conditional sum of squares of an ARIMA model (R's ARIMA_CSS): the series differenced, then the ARMA
     * residuals from observation {@code ncond} on, with earlier residuals taken as zero. Returns the mean square.
     *
     * @param resid where to write the residuals (zero before {@code ncond}), or null
     */
    static double conditionalSumOfSquares(double[] y, int d, int sd, int period, double[] phi, double[] theta, int ncond,
                                          double[] resid) {
        int n = y.length;
        double[] w = y.clone();
        for (int i = 0; i < d; i++) {
            for (int l = n - 1; l > 0; l--) {
                w[l] -= w[l - 1];
            }
        }
        for (int i = 0; i < sd; i++) {
            for (int l = n - 1; l >= period; l--) {
                w[l] -= w[l - period];
            }
        }
        double[] res = resid != null ? resid : new double[n];
        int p = phi.length;
        int q = theta.length;
        double ssq = 0.0;
        int nu = 0;
        for (int l = ncond; l < n; l++) {
            double tmp = w[l];
            for (int j = 0; j < p; j++) {
                tmp -= phi[j] * w[l - j - 1];
            }
            int jmax = Math.min(l - ncond, q);
            for (int j = 0; j < jmax; j++) {
                tmp -= theta[j] * res[l - j - 1];
            }
            res[l] = tmp;
            if (!Double.isNaN(tmp)) {
                nu++;
                ssq += tmp * tmp;
            }
        }
        return ssq / nu;
    }

    /**
     * The stationary covariance of the ARMA block's state, the solution of {@code P = T P T' + R R'}: by Gardner's
     * method as R's getQ0 up to {@link #GARDNER_MAX_R}, by doubling beyond. Returns the r x r matrix, column-major.
     */
    static double[] stationaryCovariance(double[] phi, double[] theta) {
        int r = Math.max(phi.length, theta.length + 1);
        if (r > MAX_R) {
            throw new ArimaFitException("maximum supported lag is " + MAX_R);
        }
        if (r > GARDNER_MAX_R) {
            return lyapunovByDoubling(phi, theta, r);
        }
        return gardner(phi, theta);
    }

    /**
     * Gardner, Harvey and Phillips (1980): the linear equations for the packed covariance solved by Givens
     * rotations row by row (AS 154), as R's getQ0 does.
     */
    static double[] gardner(double[] phi, double[] theta) {
        int p = phi.length;
        int q = theta.length;
        int r = Math.max(p, q + 1);
        int np = r * (r + 1) / 2;
        int nrbar = (int) ((long) np * (np - 1) / 2);
        double[] v = new double[np];
        for (int ind = 0, j = 0; j < r; j++) {
            double vj = j == 0 ? 1.0 : (j - 1 < q ? theta[j - 1] : 0.0);
            for (int i = j; i < r; i++) {
                double vi = i == 0 ? 1.0 : (i - 1 < q ? theta[i - 1] : 0.0);
                v[ind++] = vi * vj;
            }
        }
        double[] res = new double[r * r];
        if (r == 1) {
            res[0] = p == 0 ? 1.0 : 1.0 / (1.0 - phi[0] * phi[0]);
            return res;
        }
        double[] pv = res; // the packed solution lives in the first np cells, as in R
        if (p > 0) {
            double[] rbar = new double[nrbar];
            double[] thetab = new double[np];
            double[] xnext = new double[np];
            double[] xrow = new double[np];
            int ind = 0;
            int ind1 = -1;
            int npr = np - r;
            int npr1 = npr + 1;
            int indj = npr;
            int ind2 = npr - 1;
            for (int j = 0; j < r; j++) {
                double phij = j < p ? phi[j] : 0.0;
                xnext[indj++] = 0.0;
                int indi = npr1 + j;
                for (int i = j; i < r; i++) {
                    double ynext = v[ind++];
                    double phii = i < p ? phi[i] : 0.0;
                    if (j != r - 1) {
                        xnext[indj] = -phii;
                        if (i != r - 1) {
                            xnext[indi] -= phij;
                            xnext[++ind1] = -1.0;
                        }
                    }
                    xnext[npr] = -phii * phij;
                    if (++ind2 >= np) {
                        ind2 = 0;
                    }
                    xnext[ind2] += 1.0;
                    include(np, xnext, xrow, ynext, pv, rbar, thetab);
                    xnext[ind2] = 0.0;
                    if (i != r - 1) {
                        xnext[indi++] = 0.0;
                        xnext[ind1] = 0.0;
                    }
                }
            }
            int ithisr = nrbar - 1;
            int im = np - 1;
            for (int i = 0; i < np; i++) {
                double bi = thetab[im];
                for (int jm = np - 1, j = 0; j < i; j++) {
                    bi -= rbar[ithisr--] * pv[jm--];
                }
                pv[im--] = bi;
            }
            // Re-order: the solution came out with its last row first.
            ind = npr;
            for (int i = 0; i < r; i++) {
                xnext[i] = pv[ind++];
            }
            ind = np - 1;
            ind1 = npr - 1;
            for (int i = 0; i < npr; i++) {
                pv[ind--] = pv[ind1--];
            }
            for (int i = 0; i < r; i++) {
                pv[i] = xnext[i];
            }
        } else {
            // A pure moving average: back-substitution.
            int indn = np;
            int ind = np;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j <= i; j++) {
                    --ind;
                    pv[ind] = v[ind];
                    if (j != 0) {
                        pv[ind] += pv[--indn];
                    }
                }
            }
        }
        // Unpack to a full symmetric matrix.
        for (int i = r - 1, ind = np; i > 0; i--) {
            for (int j = r - 1; j >= i; j--) {
                res[r * i + j] = pv[--ind];
            }
        }
        for (int i = 0; i < r - 1; i++) {
            for (int j = i + 1; j < r; j++) {
                res[i + r * j] = res[j + r * i];
            }
        }
        return res;
    }

    /**
     * The solution of {@code P = T P T' + R R'} as the sum {@code sum_k T^k R R' T'^k}, doubling the number of terms
     * each round ({@code P += A P A'}, {@code A = A A}) until the sum stops changing. Column-major r x r.
     */
    static double[] lyapunovByDoubling(double[] phi, double[] theta, int r) {
        double[] rv = new double[r];
        rv[0] = 1.0;
        for (int i = 1; i < r; i++) {
            rv[i] = i - 1 < theta.length ? theta[i - 1] : 0.0;
        }
        double[][] pm = new double[r][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                pm[i][j] = rv[i] * rv[j];
            }
        }
        double[][] am = new double[r][r];
        for (int i = 0; i < r; i++) {
            if (i < phi.length) {
                am[i][0] = phi[i];
            }
            if (i < r - 1) {
                am[i][i + 1] = 1.0;
            }
        }
        for (int round = 0; round < 100; round++) {
            double[][] apa = multiply(multiply(am, pm), transpose(am));
            double change = 0.0;
            double size = 0.0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    pm[i][j] += apa[i][j];
                    change = Math.max(change, Math.abs(apa[i][j]));
                    size = Math.max(size, Math.abs(pm[i][j]));
                }
            }
            if (!(change > 1e-16 * size)) {
                break;
            }
            am = multiply(am, am);
        }
        double[] out = new double[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                out[i + r * j] = 0.5 * (pm[i][j] + pm[j][i]);
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik != 0.0) {
                    for (int j = 0; j < n; j++) {
                        c[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    private static double[][] transpose(double[][] a) {
        int n = a.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** Adds one row of the equations to the QR factors by Givens rotations (AS 154's inclu2). */
    private static void include(int np, double[] xnext, double[] xrow, double ynext, double[] d, double[] rbar,
                                double[] thetab) {
        System.arraycopy(xnext, 0, xrow, 0, np);
        int ithisr = 0;
        for (int i = 0; i < np; i++) {
            if (xrow[i] != 0.0) {
                double xi = xrow[i];
                double di = d[i];
                double dpi = di + xi * xi;
                d[i] = dpi;
                double cbar = di / dpi;
                double sbar = xi / dpi;
                for (int k = i + 1; k < np; k++) {
                    double xk = xrow[k];
                    double rbthis = rbar[ithisr];
                    xrow[k] = xk - xi * rbthis;
                    rbar[ithisr++] = cbar * rbthis + sbar * xk;
                }
                double xk = ynext;
                ynext = xk - xi * thetab[i];
                thetab[i] = cbar * thetab[i] + sbar * xk;
                if (di == 0.0) {
                    return;
                }
            } else {
                ithisr = ithisr + np - i - 1;
            }
        }
    }
}
