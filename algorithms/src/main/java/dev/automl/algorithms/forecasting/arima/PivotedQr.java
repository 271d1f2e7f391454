package dev.automl.algorithms.forecasting.arima;

import java.util.Arrays;

/**
 * The Householder QR decomposition of a column matrix with R's limited column pivoting (LINPACK's {@code dqrdc2}, as
 * {@code qr} and {@code lm} use it): a column whose norm, after the earlier columns are projected out, falls below
 * {@code tol} times its original norm is moved to the end and does not count towards the rank.
 */
final class PivotedQr {

    /** R's default tolerance for {@code qr} and {@code lm}. */
    static final double TOLERANCE = 1e-7;

    private final int n;
    private final int p;
    private final double[][] columns;
    /** The compact factorisation, columns in pivoted order: R above the diagonal, Householder vectors below. */
    private final double[][] qr;
    private final double[] qraux;
    private final int[] pivot;
    private final int rank;

    /**
     * One least squares fit {@code y ~ X - 1}.
     *
     * @param coef      the coefficients in the columns' original order; NaN for a column outside the rank (R's NA)
     * @param se        their standard errors as {@code summary.lm} gives them; NaN outside the rank
     * @param residuals y less the fitted values
     */
    record LeastSquares(int rank, double[] coef, double[] se, double[] residuals) {
    }

    /** Decomposes the matrix given by its columns, each of the same length. */
    PivotedQr(double[][] columns, double tol) {
        p = columns.length;
        n = p == 0 ? 0 : columns[0].length;
        this.columns = columns;
        qr = new double[p][];
        for (int j = 0; j < p; j++) {
            qr[j] = columns[j].clone();
        }
        qraux = new double[p];
        pivot = new int[p];
        double[] work1 = new double[p];
        double[] work2 = new double[p];
        for (int j = 0; j < p; j++) {
            pivot[j] = j;
            qraux[j] = norm(qr[j], 0);
            work1[j] = qraux[j];
            work2[j] = qraux[j] == 0.0 ? 1.0 : qraux[j];
        }
        int lup = Math.min(n, p);
        int k = p + 1;
        for (int l = 0; l < lup; l++) {
            // Cycle negligible columns to the end; l + 1 < k stops once only moved ones are left.
            while (l + 1 < k && qraux[l] < work2[l] * tol) {
                double[] col = qr[l];
                int pv = pivot[l];
                double qa = qraux[l];
                double w1 = work1[l];
                double w2 = work2[l];
                for (int j = l + 1; j < p; j++) {
                    qr[j - 1] = qr[j];
                    pivot[j - 1] = pivot[j];
                    qraux[j - 1] = qraux[j];
                    work1[j - 1] = work1[j];
                    work2[j - 1] = work2[j];
                }
                qr[p - 1] = col;
                pivot[p - 1] = pv;
                qraux[p - 1] = qa;
                work1[p - 1] = w1;
                work2[p - 1] = w2;
                k--;
            }
            if (l == n - 1) {
                break;
            }
            double[] xl = qr[l];
            double nrmxl = norm(xl, l);
            if (nrmxl == 0.0) {
                continue;
            }
            if (xl[l] != 0.0) {
                nrmxl = Math.copySign(nrmxl, xl[l]);
            }
            for (int i = l; i < n; i++) {
                xl[i] *= 1.0 / nrmxl;
            }
            xl[l] = 1.0 + xl[l];
            for (int j = l + 1; j < p; j++) {
                double[] xj = qr[j];
                double t = 0.0;
                for (int i = l; i < n; i++) {
                    t += xl[i] * xj[i];
                }
                t = -t / xl[l];
                for (int i = l; i < n; i++) {
                    xj[i] += t * xl[i];
                }
                if (qraux[j] != 0.0) {
                    double r = Math.abs(xj[l]) / qraux[j];
                    double tt = Math.max(1.0 - r * r, 0.0);
                    // Bates' relative test: recompute a norm that downdating has cancelled away.
                    if (Math.abs(tt) < 1e-6) {
                        qraux[j] = norm(xj, l + 1);
                        work1[j] = qraux[j];
                    } else {
                        qraux[j] = qraux[j] * Math.sqrt(tt);
                    }
                }
            }
            qraux[l] = xl[l];
            xl[l] = -nrmxl;
        }
        rank = Math.min(k - 1, n);
    }

    int rank() {
        return rank;
    }

    /** The original index of the column in pivoted position i; the first {@link #rank()} are the independent ones. */
    int pivot(int i) {
        return pivot[i];
    }

    /** The least squares fit of y on the columns, as {@code lm(y ~ X - 1)}. */
    LeastSquares solve(double[] y) {
        double[] qty = y.clone();
        int steps = Math.min(rank, n - 1);
        for (int l = 0; l < steps; l++) {
            double[] xl = qr[l];
            if (qraux[l] == 0.0) {
                continue;
            }
            double diag = xl[l];
            xl[l] = qraux[l];
            double t = 0.0;
            for (int i = l; i < n; i++) {
                t += xl[i] * qty[i];
            }
            t = -t / xl[l];
            for (int i = l; i < n; i++) {
                qty[i] += t * xl[i];
            }
            xl[l] = diag;
        }
        double[] b = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double s = qty[i];
            for (int j = i + 1; j < rank; j++) {
                s -= qr[j][i] * b[j];
            }
            b[i] = s / qr[i][i];
        }
        double rss = 0.0;
        for (int i = rank; i < n; i++) {
            rss += qty[i] * qty[i];
        }
        double resvar = rss / (n - rank);
        // diag((R'R)^-1) from the rows of R^-1.
        double[][] rinv = new double[rank][rank];
        for (int c = 0; c < rank; c++) {
            for (int i = c; i >= 0; i--) {
                double s = i == c ? 1.0 : 0.0;
                for (int j = i + 1; j <= c; j++) {
                    s -= qr[j][i] * rinv[j][c];
                }
                rinv[i][c] = s / qr[i][i];
            }
        }
        double[] coef = new double[p];
        double[] se = new double[p];
        Arrays.fill(coef, Double.NaN);
        Arrays.fill(se, Double.NaN);
        for (int i = 0; i < rank; i++) {
            double s = 0.0;
            for (int c = i; c < rank; c++) {
                s += rinv[i][c] * rinv[i][c];
            }
            coef[pivot[i]] = b[i];
            se[pivot[i]] = Math.sqrt(s * resvar);
        }
        double[] resid = y.clone();
        for (int i = 0; i < rank; i++) {
            double[] col = columns[pivot[i]];
            for (int r = 0; r < n; r++) {
                resid[r] -= col[r] * b[i];
            }
        }
        return new LeastSquares(rank, coef, se, resid);
    }

    /** {@code lm(y ~ X - 1)} for the matrix given by its columns, at R's tolerance. */
    static LeastSquares leastSquares(double[] y, double[][] columns) {
        return new PivotedQr(columns, TOLERANCE).solve(y);
    }

    private double norm(double[] v, int from) {
        // dnrm2's scaled sum, which neither overflows nor underflows.
        double scale = 0.0;
        double ssq = 1.0;
        for (int i = from; i < n; i++) {
            if (v[i] != 0.0) {
                double a = Math.abs(v[i]);
                if (scale < a) {
                    ssq = 1.0 + ssq * (scale / a) * (scale / a);
                    scale = a;
                } else {
                    ssq += (a / scale) * (a / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }
}
