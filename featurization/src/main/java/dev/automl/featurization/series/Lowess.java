package dev.automl.featurization.series;

import java.util.Arrays;

/**
 * Cleveland's robust locally weighted regression of values at positions 0, 1, ..., n - 1, as R's {@code lowess} (the
 * algorithm statsmodels' {@code lowess} also follows): each fitted value is a weighted linear fit over the nearest
 * {@code f} share of the points, with tricube weights in distance, refitted {@code iterations} times with bisquare
 * weights that discount outliers. Points within {@code delta} of the last fitted one are interpolated, which makes
 * long series affordable.
 */
final class Lowess {

    private Lowess() {
    }

    /** R's defaults: f = 2/3, three robustness iterations, delta one hundredth of the range. */
    static double[] smooth(double[] y) {
        return smooth(y, 2.0 / 3, 3, 0.01 * Math.max(0, y.length - 1));
    }

    static double[] smooth(double[] y, double f, int iterations, double delta) {
        int n = y.length;
        double[] ys = new double[n];
        if (n < 2) {
            System.arraycopy(y, 0, ys, 0, n);
            return ys;
        }
        int ns = Math.max(Math.min((int) (f * n + 1e-7), n), 2);
        double[] rw = new double[n];
        double[] res = new double[n];
        double[] w = new double[n];
        double sc = 0;
        for (double v : y) {
            sc += Math.abs(v);
        }
        sc /= n;
        for (int iter = 1; iter <= iterations + 1; iter++) {
            int nleft = 0;
            int nright = ns - 1;
            int last = -1;
            int i = 0;
            while (true) {
                if (nright < n - 1) {
                    // Move the window right while that brings it closer to i.
                    double d1 = i - nleft;
                    double d2 = nright + 1 - i;
                    if (d1 > d2) {
                        nleft++;
                        nright++;
                        continue;
                    }
                }
                Double fitted = fitAt(y, i, nleft, nright, w, iter > 1, rw);
                ys[i] = fitted == null ? y[i] : fitted;
                if (last < i - 1) {
                    double denominator = i - last;
                    for (int j = last + 1; j < i; j++) {
                        double alpha = (j - last) / denominator;
                        ys[j] = alpha * ys[i] + (1 - alpha) * ys[last];
                    }
                }
                last = i;
                double cut = last + delta;
                for (i = last + 1; i < n; i++) {
                    if (i > cut) {
                        break;
                    }
                }
                i = Math.max(last + 1, i - 1);
                if (last >= n - 1) {
                    break;
                }
            }
            for (int j = 0; j < n; j++) {
                res[j] = y[j] - ys[j];
            }
            if (iter > iterations) {
                break;
            }
            double[] abs = new double[n];
            for (int j = 0; j < n; j++) {
                abs[j] = Math.abs(res[j]);
            }
            double[] sorted = abs.clone();
            Arrays.sort(sorted);
            int m1 = n / 2;
            double cmad = n % 2 == 0 ? 3 * (sorted[m1] + sorted[n - m1 - 1]) : 6 * sorted[m1];
            if (cmad < 1e-7 * sc) {
                break; // the fit is exact: no outliers to discount
            }
            double c9 = 0.999 * cmad;
            double c1 = 0.001 * cmad;
            for (int j = 0; j < n; j++) {
                double r = abs[j];
                if (r <= c1) {
                    rw[j] = 1;
                } else if (r <= c9) {
                    double u = r / cmad;
                    rw[j] = (1 - u * u) * (1 - u * u);
                } else {
                    rw[j] = 0;
                }
            }
        }
        return ys;
    }

    /** The weighted linear fit at position xs over the window; null when every weight is 0. */
    private static Double fitAt(double[] y, int xs, int nleft, int nright, double[] w, boolean robust, double[] rw) {
        int n = y.length;
        double range = n - 1;
        double h = Math.max(xs - nleft, nright - xs);
        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        int j = nleft;
        while (j < n) {
            w[j] = 0;
            double r = Math.abs(j - xs);
            if (r <= h9) {
                if (r <= h1) {
                    w[j] = 1;
                } else {
                    double u = r / h;
                    double v = 1 - u * u * u;
                    w[j] = v * v * v;
                }
                if (robust) {
                    w[j] *= rw[j];
                }
                a += w[j];
            } else if (j > xs) {
                break;
            }
            j++;
        }
        int nrt = j - 1;
        if (a <= 0) {
            return null;
        }
        for (j = nleft; j <= nrt; j++) {
            w[j] /= a;
        }
        if (h > 0) {
            a = 0;
            for (j = nleft; j <= nrt; j++) {
                a += w[j] * j;
            }
            double b = xs - a;
            double c = 0;
            for (j = nleft; j <= nrt; j++) {
                c += w[j] * (j - a) * (j - a);
            }
            if (Math.sqrt(c) > 0.001 * range) {
                b /= c;
                for (j = nleft; j <= nrt; j++) {
                    w[j] = w[j] * (b * (j - a) + 1);
                }
            }
        }
        double fitted = 0;
        for (j = nleft; j <= nrt; j++) {
            fitted += w[j] * y[j];
        }
        return fitted;
    }
}
