package dev.automl.algorithms.forecasting.arima;

/**
 * The check auto.arima makes on a fit's coefficient covariance, {@code solve(hessian * n.used)} (through the
 * Jacobian of the AR transform when there is one): a singular Hessian is an error in R, and a negative or undefined
 * variance makes the model unusable.
 */
final class Covariance {

    private static final double EPS = Math.ulp(1.0);

    private Covariance() {
    }

    /**
     * The coefficients' covariance {@code A' (H n)^-1 A} ({@code (H n)^-1} without {@code a}); null when the Hessian
     * holds NaN, which leaves the variances undefined.
     *
     * @throws ArimaFitException when {@code H n} is singular to working precision, as R's solve stops
     */
    static double[][] of(double[][] hessian, int n, double[][] a) {
        int k = hessian.length;
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                m[i][j] = hessian[i][j] * n;
                if (Double.isNaN(m[i][j])) {
                    return null;
                }
            }
        }
        double[][] inv = inverse(m);
        if (a == null) {
            return inv;
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = 0.0;
                for (int r = 0; r < k; r++) {
                    double s = 0.0;
                    for (int c = 0; c < k; c++) {
                        s += inv[r][c] * a[c][j];
                    }
                    v += a[r][i] * s;
                }
                out[i][j] = v;
            }
        }
        return out;
    }

    /** Whether every variance on the covariance's diagonal is defined, neither negative nor NaN (checkarima). */
    static boolean defined(double[][] var) {
        if (var == null) {
            return false;
        }
        for (int i = 0; i < var.length; i++) {
            if (Double.isNaN(var[i][i]) || var[i][i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The inverse by LU with partial pivoting, refusing a matrix whose reciprocal 1-norm condition is below eps. */
    static double[][] inverse(double[][] m) {
        int k = m.length;
        double[][] lu = new double[k][];
        for (int i = 0; i < k; i++) {
            lu[i] = m[i].clone();
        }
        int[] piv = new int[k];
        for (int i = 0; i < k; i++) {
            piv[i] = i;
        }
        for (int c = 0; c < k; c++) {
            int best = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(lu[r][c]) > Math.abs(lu[best][c])) {
                    best = r;
                }
            }
            if (lu[best][c] == 0.0) {
                throw new ArimaFitException("Lapack routine dgesv: system is exactly singular");
            }
            double[] t = lu[c];
            lu[c] = lu[best];
            lu[best] = t;
            int ti = piv[c];
            piv[c] = piv[best];
            piv[best] = ti;
            for (int r = c + 1; r < k; r++) {
                lu[r][c] /= lu[c][c];
                for (int j = c + 1; j < k; j++) {
                    lu[r][j] -= lu[r][c] * lu[c][j];
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int col = 0; col < k; col++) {
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                b[i] = piv[i] == col ? 1.0 : 0.0;
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    b[i] -= lu[i][j] * b[j];
                }
            }
            for (int i = k - 1; i >= 0; i--) {
                for (int j = i + 1; j < k; j++) {
                    b[i] -= lu[i][j] * b[j];
                }
                b[i] /= lu[i][i];
            }
            for (int i = 0; i < k; i++) {
                inv[i][col] = b[i];
            }
        }
        double rcond = 1.0 / (norm1(m) * norm1(inv));
        if (!(rcond >= EPS)) {
            throw new ArimaFitException("system is computationally singular: reciprocal condition number = " + rcond);
        }
        return inv;
    }

    private static double norm1(double[][] m) {
        double best = 0.0;
        for (int j = 0; j < m.length; j++) {
            double s = 0.0;
            for (double[] row : m) {
                s += Math.abs(row[j]);
            }
            best = Math.max(best, s);
        }
        return best;
    }
}
