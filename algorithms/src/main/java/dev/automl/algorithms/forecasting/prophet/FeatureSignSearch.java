package dev.automl.algorithms.forecasting.prophet;

import java.util.Arrays;

/**
 * The exact minimiser of a convex quadratic plus weighted absolute values, {@code x'Hx / 2 + b'x + sum c_i |x_i|},
 * by feature-sign search (Lee, Battle, Raina and Ng 2007): guess which coordinates are zero and the signs of the
 * others, solve the linear system that guess gives, and mend the guess until it satisfies the optimality
 * conditions. Coordinates with {@code c_i = 0} are always free. Each step lowers the objective, so it ends.
 */
final class FeatureSignSearch {

    private FeatureSignSearch() {
    }

    /** The minimiser, searched from {@code start}, whose zeros and signs are the first guess. */
    static double[] minimise(double[][] h, double[] b, double[] c, double[] start) {
        int p = b.length;
        double[] x = start.clone();
        int[] sign = new int[p];
        boolean[] active = new boolean[p];
        for (int i = 0; i < p; i++) {
            active[i] = c[i] == 0 || x[i] != 0;
            sign[i] = c[i] == 0 ? 0 : (int) Math.signum(x[i]);
        }
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, Math.max(Math.abs(b[i]), c[i]));
        }
        double slack = 1e-12 * Math.max(scale, 1e-300);
        double value = objective(h, b, c, x);
        for (int round = 0; round < 10 * p + 10; round++) {
            if (!solveOnActive(h, b, c, x, sign, active)) {
                break;
            }
            double now = objective(h, b, c, x);
            if (round > 0 && !(now < value)) {
                break; // rounding has left nothing to gain
            }
            value = now;
            // The free coordinates are optimal for their signs; a zero whose slope beats its weight joins them.
            double[] grad = gradient(h, b, x);
            int best = -1;
            double worst = slack;
            for (int i = 0; i < p; i++) {
                if (!active[i]) {
                    double excess = Math.abs(grad[i]) - c[i];
                    if (excess > worst) {
                        worst = excess;
                        best = i;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            active[best] = true;
            sign[best] = grad[best] > 0 ? -1 : 1;
        }
        return x;
    }

    /**
     * Moves x to the optimum of the active coordinates for their signs, stepping back to where a sign would flip
     * when that is lower, and dropping coordinates that reach zero; false if the system cannot be solved.
     */
    private static boolean solveOnActive(double[][] h, double[] b, double[] c, double[] x, int[] sign, boolean[] active) {
        int p = b.length;
        for (int pass = 0; pass < 10 * p + 10; pass++) {
            int[] idx = indices(active);
            int n = idx.length;
            if (n == 0) {
                return true;
            }
            double[][] a = new double[n][n];
            double[] rhs = new double[n];
            for (int r = 0; r < n; r++) {
                for (int s = 0; s < n; s++) {
                    a[r][s] = h[idx[r]][idx[s]];
                }
                rhs[r] = -(b[idx[r]] + c[idx[r]] * sign[idx[r]]);
            }
            double[] z = Cholesky.solve(a, rhs);
            if (z == null) {
                // A trend change with nothing after it to fit leaves the system singular: a whisker of ridge
                // settles it without moving any well-determined coordinate.
                double top = 0;
                for (int r = 0; r < n; r++) {
                    top = Math.max(top, a[r][r]);
                }
                for (int r = 0; r < n; r++) {
                    a[r][r] += 1e-12 * Math.max(top, 1e-300);
                }
                z = Cholesky.solve(a, rhs);
                if (z == null) {
                    return false;
                }
            }
            boolean consistent = true;
            for (int r = 0; r < n; r++) {
                int i = idx[r];
                if (c[i] > 0 && Math.signum(z[r]) != sign[i]) {
                    consistent = false;
                }
            }
            double[] target = x.clone();
            for (int r = 0; r < n; r++) {
                target[idx[r]] = z[r];
            }
            if (consistent) {
                System.arraycopy(target, 0, x, 0, p);
                return true;
            }
            // The lowest point among the target and the points on the way where a coordinate crosses zero.
            double[] best = target;
            double bestValue = objective(h, b, c, target);
            int zeroed = -1;
            for (int r = 0; r < n; r++) {
                int i = idx[r];
                if (c[i] > 0 && x[i] != 0 && Math.signum(z[r]) != Math.signum(x[i])) {
                    double t = x[i] / (x[i] - z[r]);
                    double[] point = new double[p];
                    for (int j = 0; j < p; j++) {
                        point[j] = x[j] + t * (target[j] - x[j]);
                    }
                    point[i] = 0;
                    double v = objective(h, b, c, point);
                    if (v < bestValue) {
                        bestValue = v;
                        best = point;
                        zeroed = i;
                    }
                }
            }
            if (!(bestValue < objective(h, b, c, x))) {
                return true; // rounding has left nothing to gain
            }
            System.arraycopy(best, 0, x, 0, p);
            for (int i = 0; i < p; i++) {
                if (c[i] > 0 && active[i]) {
                    if (x[i] == 0 || i == zeroed) {
                        x[i] = 0;
                        active[i] = false;
                        sign[i] = 0;
                    } else {
                        sign[i] = (int) Math.signum(x[i]);
                    }
                }
            }
        }
        return true;
    }

    static double objective(double[][] h, double[] b, double[] c, double[] x) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            double hx = 0;
            for (int j = 0; j < x.length; j++) {
                hx += h[i][j] * x[j];
            }
            v += x[i] * (0.5 * hx + b[i]) + c[i] * Math.abs(x[i]);
        }
        return v;
    }

    private static double[] gradient(double[][] h, double[] b, double[] x) {
        double[] g = b.clone();
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                g[i] += h[i][j] * x[j];
            }
        }
        return g;
    }

    private static int[] indices(boolean[] active) {
        int[] out = new int[active.length];
        int n = 0;
        for (int i = 0; i < active.length; i++) {
            if (active[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
