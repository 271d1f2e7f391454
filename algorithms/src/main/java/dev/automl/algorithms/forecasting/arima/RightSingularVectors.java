package dev.automl.algorithms.forecasting.arima;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The right singular vectors {@code V} of a tall matrix, ordered by decreasing singular value as R's {@code svd}
 * returns them, by one-sided Jacobi rotations; stats::arima turns several regressors by V before estimating.
 */
final class RightSingularVectors {

    private static final int MAX_SWEEPS = 100;

    private RightSingularVectors() {
    }

    /**
     * V of the matrix given by its columns: {@code v[i][j]} is row i of column j. A column's sign may differ from
     * LAPACK's, which changes nothing downstream: the estimates turned back are the same.
     */
    static double[][] of(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        double[][] u = new double[k][];
        for (int j = 0; j < k; j++) {
            u[j] = columns[j].clone();
        }
        double[][] v = new double[k][k];
        for (int j = 0; j < k; j++) {
            v[j][j] = 1.0;
        }
        double eps = Math.ulp(1.0);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int a = 0; a < k - 1; a++) {
                for (int b = a + 1; b < k; b++) {
                    double alpha = 0.0;
                    double beta = 0.0;
                    double gamma = 0.0;
                    for (int i = 0; i < n; i++) {
                        alpha += u[a][i] * u[a][i];
                        beta += u[b][i] * u[b][i];
                        gamma += u[a][i] * u[b][i];
                    }
                    if (Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0.0) {
                        t = 1.0;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(u[a], u[b], c, s);
                    // v holds columns as rows here: v[j] is the j-th right vector while rotating.
                    rotate(v[a], v[b], c, s);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sv = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0.0;
            for (double x : u[j]) {
                s += x * x;
            }
            sv[j] = Math.sqrt(s);
        }
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(j -> -sv[j]));
        double[][] out = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] vec = v[order[j]];
            for (int i = 0; i < k; i++) {
                out[i][j] = vec[i];
            }
        }
        return out;
    }

    private static void rotate(double[] x, double[] y, double c, double s) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = y[i];
            x[i] = c * xi - s * yi;
            y[i] = s * xi + c * yi;
        }
    }
}
