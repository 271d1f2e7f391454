package dev.automl.algorithms.forecasting.arima;

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning 1990) as R's {@code stl}
 * computes it without robustness iterations: the inner loop's seasonal smoothing of each cycle-subseries, its
 * low-pass filter, and the trend smoothing, with the loess fits evaluated every {@code jump} points and
 * interpolated between. Indices below are 1-based, as in the algorithm's description, over arrays with an offset.
 *
 * @param seasonal the seasonal component
 * @param trend    the trend component
 */
record Stl(double[] seasonal, double[] trend) {

    /**
     * Decomposes {@code y} with the spans R's stl derives from {@code s.window} (its defaults: {@code s.degree = 0},
     * {@code t.degree = l.degree = 1}, {@code t.window = nextodd(ceiling(1.5 period / (1 - 1.5 / s.window)))},
     * {@code l.window = nextodd(period)}, jumps of a tenth of each span, two inner iterations).
     */
    static Stl decompose(double[] y, int period, int sWindow) {
        int n = y.length;
        if (period < 2 || n <= 2 * period) {
            throw new IllegalArgumentException("series is not periodic or has less than two periods");
        }
        int tWindow = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / sWindow)));
        int lWindow = nextOdd(period);
        int sJump = (int) Math.ceil(sWindow / 10.0);
        int tJump = (int) Math.ceil(tWindow / 10.0);
        int lJump = (int) Math.ceil(lWindow / 10.0);
        return run(y, period, sWindow, tWindow, lWindow, 0, 1, 1, sJump, tJump, lJump, 2);
    }

    private static int nextOdd(double x) {
        int v = (int) Math.rint(x);
        return v % 2 == 0 ? v + 1 : v;
    }

    private static Stl run(double[] y0, int np0, int ns0, int nt0, int nl0, int isdeg, int itdeg, int ildeg,
                           int nsjump, int ntjump, int nljump, int ni) {
        int n = y0.length;
        int ns = odd(Math.max(3, ns0));
        int nt = odd(Math.max(3, nt0));
        int nl = odd(Math.max(3, nl0));
        int np = Math.max(2, np0);
        // 1-based arrays: element i at index i.
        double[] y = new double[n + 1];
        System.arraycopy(y0, 0, y, 1, n);
        double[] season = new double[n + 1];
        double[] trend = new double[n + 1];
        int len = n + 2 * np + 1;
        double[] w1 = new double[len];
        double[] w2 = new double[len];
        double[] w3 = new double[len];
        double[] w4 = new double[len];
        double[] w5 = new double[len];
        double[] rw = new double[n + 1];
        for (int j = 1; j <= ni; j++) {
            for (int i = 1; i <= n; i++) {
                w1[i] = y[i] - trend[i];
            }
            subseries(w1, n, np, ns, isdeg, nsjump, rw, w2, w3, w4, w5, season);
            lowPass(w2, n + 2 * np, np, w3, w1);
            smooth(w3, 0, n, nl, ildeg, nljump, false, w4, w1, 0, w5);
            for (int i = 1; i <= n; i++) {
                season[i] = w2[np + i] - w1[i];
            }
            for (int i = 1; i <= n; i++) {
                w1[i] = y[i] - season[i];
            }
            smooth(w1, 0, n, nt, itdeg, ntjump, false, rw, trend, 0, w3);
        }
        double[] s = new double[n];
        double[] t = new double[n];
        System.arraycopy(season, 1, s, 0, n);
        System.arraycopy(trend, 1, t, 0, n);
        return new Stl(s, t);
    }

    private static int odd(int v) {
        return v % 2 == 0 ? v + 1 : v;
    }

    /**
     * Loess-smooths {@code y[yo+1..yo+n]} into {@code ys[so+1..so+n]} with span {@code len} and degree
     * {@code ideg}, fitting every {@code njump}-th point and interpolating linearly between (stless).
     */
    private static void smooth(double[] y, int yo, int n, int len, int ideg, int njump, boolean userw, double[] rw,
                               double[] ys, int so, double[] res) {
        if (n < 2) {
            ys[so + 1] = y[yo + 1];
            return;
        }
        int newnj = Math.min(njump, n - 1);
        int nleft = 0;
        int nright = 0;
        if (len >= n) {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj) {
                double v = estimate(y, yo, n, len, ideg, i, nleft, nright, res, userw, rw);
                ys[so + i] = Double.isNaN(v) ? y[yo + i] : v;
            }
        } else if (newnj == 1) {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++) {
                if (i > nsh && nright != n) {
                    nleft++;
                    nright++;
                }
                double v = estimate(y, yo, n, len, ideg, i, nleft, nright, res, userw, rw);
                ys[so + i] = Double.isNaN(v) ? y[yo + i] : v;
            }
        } else {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj) {
                if (i < nsh) {
                    nleft = 1;
                    nright = len;
                } else if (i >= n - nsh + 1) {
                    nleft = n - len + 1;
                    nright = n;
                } else {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }
                double v = estimate(y, yo, n, len, ideg, i, nleft, nright, res, userw, rw);
                ys[so + i] = Double.isNaN(v) ? y[yo + i] : v;
            }
        }
        if (newnj != 1) {
            for (int i = 1; i <= n - newnj; i += newnj) {
                double delta = (ys[so + i + newnj] - ys[so + i]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++) {
                    ys[so + j] = ys[so + i] + delta * (j - i);
                }
            }
            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n) {
                double v = estimate(y, yo, n, len, ideg, n, nleft, nright, res, userw, rw);
                ys[so + n] = Double.isNaN(v) ? y[yo + n] : v;
                if (k != n - 1) {
                    double delta = (ys[so + n] - ys[so + k]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++) {
                        ys[so + j] = ys[so + k] + delta * (j - k);
                    }
                }
            }
        }
    }

    /**
     * The loess fit at {@code xs} from points {@code nleft..nright} with tricube weights (stlest); NaN when every
     * weight is zero. {@code w[1..n]} is scratch space.
     */
    private static double estimate(double[] y, int yo, int n, int len, int ideg, double xs, int nleft, int nright,
                                   double[] w, boolean userw, double[] rw) {
        double range = (double) n - 1.0;
        double h = Math.max(xs - nleft, nright - xs);
        if (len > n) {
            h += (len - n) / 2;
        }
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0.0;
        for (int j = nleft; j <= nright; j++) {
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1.0;
                } else {
                    double u = r / h;
                    double c = 1.0 - u * u * u;
                    w[j] = c * c * c;
                }
                if (userw) {
                    w[j] = rw[j] * w[j];
                }
                a += w[j];
            } else {
                w[j] = 0.0;
            }
        }
        if (a <= 0.0) {
            return Double.NaN;
        }
        for (int j = nleft; j <= nright; j++) {
            w[j] /= a;
        }
        if (h > 0.0 && ideg > 0) {
            a = 0.0;
            for (int j = nleft; j <= nright; j++) {
                a += w[j] * j;
            }
            double b = xs - a;
            double c = 0.0;
            for (int j = nleft; j <= nright; j++) {
                c += w[j] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (int j = nleft; j <= nright; j++) {
                    w[j] = w[j] * (b * (j - a) + 1.0);
                }
            }
        }
        double ys = 0.0;
        for (int j = nleft; j <= nright; j++) {
            ys += w[j] * y[yo + j];
        }
        return ys;
    }

    /** Moving average of span {@code len} over {@code x[1..n]} into {@code ave[1..n-len+1]} (stlma). */
    private static void movingAverage(double[] x, int n, int len, double[] ave) {
        int newn = n - len + 1;
        double flen = len;
        double v = 0.0;
        for (int i = 1; i <= len; i++) {
            v += x[i];
        }
        ave[1] = v / flen;
        if (newn > 1) {
            int k = len;
            int m = 0;
            for (int j = 2; j <= newn; j++) {
                k++;
                m++;
                v = v - x[m] + x[k];
                ave[j] = v / flen;
            }
        }
    }

    /** The low-pass filter: moving averages of span np, np and 3 (stlfts). */
    private static void lowPass(double[] x, int n, int np, double[] trend, double[] work) {
        movingAverage(x, n, np, trend);
        movingAverage(trend, n - np + 1, np, work);
        movingAverage(work, n - 2 * np + 2, 3, trend);
    }

    /**
     * Smooths each cycle-subseries and extends it one point either side, into {@code season[1..n+2np]} (stlss);
     * {@code work4} is scratch (R passes the seasonal output array there).
     */
    private static void subseries(double[] y, int n, int np, int ns, int isdeg, int nsjump, double[] rw,
                                  double[] season, double[] work1, double[] work2, double[] work3, double[] work4) {
        for (int j = 1; j <= np; j++) {
            int k = (n - j) / np + 1;
            for (int i = 1; i <= k; i++) {
                work1[i] = y[(i - 1) * np + j];
            }
            smooth(work1, 0, k, ns, isdeg, nsjump, false, work3, work2, 1, work4);
            int nright = Math.min(ns, k);
            double v = estimate(work1, 0, k, ns, isdeg, 0, 1, nright, work4, false, work3);
            work2[1] = Double.isNaN(v) ? work2[2] : v;
            int nleft = Math.max(1, k - ns + 1);
            v = estimate(work1, 0, k, ns, isdeg, k + 1, nleft, k, work4, false, work3);
            work2[k + 2] = Double.isNaN(v) ? work2[k + 1] : v;
            for (int m = 1; m <= k + 2; m++) {
                season[(m - 1) * np + j] = work2[m];
            }
        }
    }
}
