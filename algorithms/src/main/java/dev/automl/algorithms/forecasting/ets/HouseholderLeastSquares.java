package dev.automl.algorithms.forecasting.ets;

/**
 * Least-squares coefficients by Householder QR in the order LINPACK's {@code dqrdc2} and {@code dqrsl} compute them,
 * which R's {@code lm} and {@code lsfit} call: the initial states come out as R's to the last bit or so. The
 * regressions here (a line, or a line and one Fourier pair) are full rank, so R's column pivoting never moves a
 * column; a column that would be pivoted out is refused instead.
 */
final class HouseholderLeastSquares {

    /** R's tolerance for a column's norm against its original norm. */
    private static final double TOL = 1e-7;

    private HouseholderLeastSquares() {
    }

    /**
     * @param columns the regressors, each a column of n values (include a column of ones for an intercept)
     * @return the coefficients, one per column
     * @throws IllegalArgumentException when the columns are (nearly) linearly dependent
     */
    static double[] fit(double[][] columns, double[] y) {
        int p = columns.length;
        int n = y.length;
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = columns[j].clone();
        }
        double[] qraux = new double[p];
        double[] original = new double[p];
        for (int j = 0; j < p; j++) {
            qraux[j] = norm(x[j], 0, n);
            original[j] = qraux[j] == 0.0 ? 1.0 : qraux[j];
        }
        int steps = Math.min(n, p);
        for (int l = 0; l < steps; l++) {
            if (qraux[l] < original[l] * TOL) {
                throw new IllegalArgumentException("the regressors are linearly dependent");
            }
            if (l == n - 1) {
                break;
            }
            double[] xl = x[l];
            double nrmxl = norm(xl, l, n);
            if (nrmxl == 0.0) {
                continue;
            }
            if (xl[l] != 0.0) {
                nrmxl = Math.copySign(nrmxl, xl[l]);
            }
            double scale = 1.0 / nrmxl;
            for (int i = l; i < n; i++) {
                xl[i] *= scale;
            }
            xl[l] = 1.0 + xl[l];
            for (int j = l + 1; j < p; j++) {
                double[] xj = x[j];
                double t = -dot(xl, xj, l, n) / xl[l];
                for (int i = l; i < n; i++) {
                    xj[i] += t * xl[i];
                }
                if (qraux[j] != 0.0) {
                    double ratio = Math.abs(xj[l]) / qraux[j];
                    double tt = Math.max(1.0 - ratio * ratio, 0.0);
                    // As LINPACK: downdate the norm, or recompute it when the downdate would lose its digits.
                    qraux[j] = Math.abs(tt) < 1e-6 ? norm(xj, l + 1, n) : qraux[j] * Math.sqrt(tt);
                }
            }
            qraux[l] = xl[l];
            xl[l] = -nrmxl;
        }
        // Q'y, then back-substitution through R.
        double[] qty = y.clone();
        int k = Math.min(p, n);
        for (int j = 0; j < Math.min(k, n - 1); j++) {
            if (qraux[j] == 0.0) {
                continue;
            }
            double[] xj = x[j];
            double diagonal = xj[j];
            xj[j] = qraux[j];
            double t = -dot(xj, qty, j, n) / xj[j];
            for (int i = j; i < n; i++) {
                qty[i] += t * xj[i];
            }
            xj[j] = diagonal;
        }
        double[] coef = new double[p];
        System.arraycopy(qty, 0, coef, 0, k);
        for (int j = k - 1; j >= 0; j--) {
            coef[j] = coef[j] / x[j][j];
            double t = -coef[j];
            for (int i = 0; i < j; i++) {
                coef[i] += t * x[j][i];
            }
        }
        return coef;
    }

    /** The Euclidean norm of {@code v[from..to)}, summed in order as the reference BLAS does for ordinary values. */
    private static double norm(double[] v, int from, int to) {
        double sum = 0.0;
        for (int i = from; i < to; i++) {
            sum += v[i] * v[i];
        }
        return Math.sqrt(sum);
    }

    private static double dot(double[] a, double[] b, int from, int to) {
        double sum = 0.0;
        for (int i = from; i < to; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
