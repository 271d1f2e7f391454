package dev.automl.algorithms.forecasting.ets;

/**
 * The largest modulus among a real polynomial's roots, found as the eigenvalues of its companion matrix by the
 * Francis double-shift QR iteration on the (already upper Hessenberg) matrix, as EISPACK's {@code hqr}. R finds the
 * roots with {@code cpolyroot}; both are accurate to about machine precision for the simple roots met here.
 */
final class PolynomialRoots {

    private static final double EPS = Math.ulp(1.0);
    private static final int MAX_ITERATIONS_PER_ROOT = 60;

    private PolynomialRoots() {
    }

    /**
     * @param coefficients the coefficients from the highest power down; the first must not be zero
     * @return the largest root modulus, or +Inf when the iteration does not converge (no root is known small)
     */
    static double maxModulus(double[] coefficients) {
        int d = coefficients.length - 1;
        if (d < 1) {
            return 0;
        }
        double lead = coefficients[0];
        double[] h = new double[d * d];
        for (int j = 0; j < d; j++) {
            h[j] = -coefficients[j + 1] / lead;
        }
        for (int i = 1; i < d; i++) {
            h[i * d + i - 1] = 1;
        }
        double[] re = new double[d];
        double[] im = new double[d];
        if (!eigenvalues(h, re, im)) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int i = 0; i < d; i++) {
            max = Math.max(max, Math.sqrt(re[i] * re[i] + im[i] * im[i]));
        }
        return max;
    }

    /**
     * The eigenvalues of an upper Hessenberg matrix of order n, stored by rows, which the iteration overwrites.
     *
     * @return false when some eigenvalue did not converge
     */
    private static boolean eigenvalues(double[] a, double[] wr, double[] wi) {
        int n = wr.length;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(i - 1, 0); j < n; j++) {
                norm += Math.abs(a[i * n + j]);
            }
        }
        int nn = n - 1;
        double shift = 0;
        double p = 0;
        double q = 0;
        double r = 0;
        double x;
        double y;
        double z;
        double w;
        double s;
        while (nn >= 0) {
            int its = 0;
            int l;
            do {
                // Look for a negligible subdiagonal element, which splits the matrix.
                for (l = nn; l >= 1; l--) {
                    s = Math.abs(a[(l - 1) * n + (l - 1)]) + Math.abs(a[l * n + l]);
                    if (s == 0) {
                        s = norm;
                    }
                    if (Math.abs(a[l * n + (l - 1)]) <= EPS * s) {
                        a[l * n + (l - 1)] = 0;
                        break;
                    }
                }
                x = a[nn * n + nn];
                if (l == nn) {
                    wr[nn] = x + shift;
                    wi[nn] = 0;
                    nn--;
                } else {
                    y = a[(nn - 1) * n + (nn - 1)];
                    w = a[nn * n + (nn - 1)] * a[(nn - 1) * n + nn];
                    if (l == nn - 1) {
                        // A 2x2 block: a real pair or a complex conjugate pair.
                        p = 0.5 * (y - x);
                        q = p * p + w;
                        z = Math.sqrt(Math.abs(q));
                        x += shift;
                        if (q >= 0) {
                            z = p + Math.copySign(z, p);
                            wr[nn - 1] = x + z;
                            wr[nn] = z != 0 ? x - w / z : x + z;
                            wi[nn - 1] = 0;
                            wi[nn] = 0;
                        } else {
                            wr[nn - 1] = x + p;
                            wr[nn] = x + p;
                            wi[nn - 1] = -z;
                            wi[nn] = z;
                        }
                        nn -= 2;
                    } else {
                        if (its == MAX_ITERATIONS_PER_ROOT) {
                            return false;
                        }
                        if (its == 10 || its == 20 || its == 40) {
                            // An exceptional shift, to break a cycle.
                            shift += x;
                            for (int i = 0; i <= nn; i++) {
                                a[i * n + i] -= x;
                            }
                            s = Math.abs(a[nn * n + (nn - 1)]) + Math.abs(a[(nn - 1) * n + (nn - 2)]);
                            x = 0.75 * s;
                            y = x;
                            w = -0.4375 * s * s;
                        }
                        its++;
                        int m;
                        for (m = nn - 2; m >= l; m--) {
                            z = a[m * n + m];
                            r = x - z;
                            s = y - z;
                            p = (r * s - w) / a[(m + 1) * n + m] + a[m * n + (m + 1)];
                            q = a[(m + 1) * n + (m + 1)] - z - r - s;
                            r = a[(m + 2) * n + (m + 1)];
                            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
                            p /= s;
                            q /= s;
                            r /= s;
                            if (m == l) {
                                break;
                            }
                            double u = Math.abs(a[m * n + (m - 1)]) * (Math.abs(q) + Math.abs(r));
                            double v = Math.abs(p) * (Math.abs(a[(m - 1) * n + (m - 1)]) + Math.abs(z) + Math.abs(a[(m + 1) * n + (m + 1)]));
                            if (u <= EPS * v) {
                                break;
                            }
                        }
                        for (int i = m + 2; i <= nn; i++) {
                            a[i * n + (i - 2)] = 0;
                            if (i != m + 2) {
                                a[i * n + (i - 3)] = 0;
                            }
                        }
                        for (int k = m; k <= nn - 1; k++) {
                            if (k != m) {
                                p = a[k * n + (k - 1)];
                                q = a[(k + 1) * n + (k - 1)];
                                r = k != nn - 1 ? a[(k + 2) * n + (k - 1)] : 0;
                                x = Math.abs(p) + Math.abs(q) + Math.abs(r);
                                if (x != 0) {
                                    p /= x;
                                    q /= x;
                                    r /= x;
                                }
                            }
                            s = Math.copySign(Math.sqrt(p * p + q * q + r * r), p);
                            if (s != 0) {
                                if (k == m) {
                                    if (l != m) {
                                        a[k * n + (k - 1)] = -a[k * n + (k - 1)];
                                    }
                                } else {
                                    a[k * n + (k - 1)] = -s * x;
                                }
                                p += s;
                                x = p / s;
                                y = q / s;
                                z = r / s;
                                q /= p;
                                r /= p;
                                for (int j = k; j <= nn; j++) {
                                    p = a[k * n + j] + q * a[(k + 1) * n + j];
                                    if (k != nn - 1) {
                                        p += r * a[(k + 2) * n + j];
                                        a[(k + 2) * n + j] -= p * z;
                                    }
                                    a[(k + 1) * n + j] -= p * y;
                                    a[k * n + j] -= p * x;
                                }
                                int last = Math.min(nn, k + 3);
                                for (int i = l; i <= last; i++) {
                                    p = x * a[i * n + k] + y * a[i * n + (k + 1)];
                                    if (k != nn - 1) {
                                        p += z * a[i * n + (k + 2)];
                                        a[i * n + (k + 2)] -= p * r;
                                    }
                                    a[i * n + (k + 1)] -= p * q;
                                    a[i * n + k] -= p;
                                }
                            }
                        }
                    }
                }
            } while (l < nn - 1);
        }
        return true;
    }
}
