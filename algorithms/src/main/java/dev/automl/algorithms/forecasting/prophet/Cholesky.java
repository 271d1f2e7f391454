package dev.automl.algorithms.forecasting.prophet;

/** Solves a symmetric positive definite linear system by its Cholesky factor. */
final class Cholesky {

    private Cholesky() {
    }

    /** The solution of {@code a z = rhs}, or null if {@code a} is not numerically positive definite. */
    static double[] solve(double[][] a, double[] rhs) {
        int n = rhs.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int q = 0; q < j; q++) {
                    s -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] z = rhs.clone();
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < i; q++) {
                z[i] -= l[i][q] * z[q];
            }
            z[i] /= l[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int q = i + 1; q < n; q++) {
                z[i] -= l[q][i] * z[q];
            }
            z[i] /= l[i][i];
        }
        return z;
    }
}
