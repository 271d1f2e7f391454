package dev.automl.algorithms.forecasting.arima;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The regressor columns a series can be fitted on: auto.arima refuses a matrix that is rank deficient together with
 * an intercept ("xreg is rank deficient"), and a constant column is one such, so those columns are dropped first, the
 * later of two collinear ones as R's {@code qr} (with its tolerance, 1e-7) would move it aside.
 *
 * @param kept    the usable columns' indices into the given matrix, in order
 * @param dropped a sentence on what was dropped and why; empty when nothing was
 */
record RegressorColumns(int[] kept, String dropped) {

    /** Chooses the columns of {@code xreg} (row i holds the regressors at time i) to fit on. */
    static RegressorColumns choose(double[][] xreg) {
        int k = xreg.length == 0 ? 0 : xreg[0].length;
        int n = xreg.length;
        List<Integer> varying = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (Differencing.isConstant(column(xreg, j))) {
                notes.add("column " + j + " is constant");
            } else {
                varying.add(j);
            }
        }
        double[][] cols = new double[varying.size() + 1][];
        cols[0] = new double[n];
        Arrays.fill(cols[0], 1.0);
        for (int c = 0; c < varying.size(); c++) {
            cols[c + 1] = column(xreg, varying.get(c));
        }
        PivotedQr qr = new PivotedQr(cols, PivotedQr.TOLERANCE);
        boolean[] independent = new boolean[cols.length];
        for (int i = 0; i < qr.rank(); i++) {
            independent[qr.pivot(i)] = true;
        }
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < varying.size(); c++) {
            if (independent[c + 1]) {
                kept.add(varying.get(c));
            } else {
                notes.add("column " + varying.get(c) + " is collinear with the intercept and earlier columns");
            }
        }
        return new RegressorColumns(kept.stream().mapToInt(Integer::intValue).toArray(), String.join("; ", notes));
    }

    /** The kept columns of the matrix, row by row. */
    double[][] select(double[][] xreg) {
        double[][] out = new double[xreg.length][kept.length];
        for (int i = 0; i < xreg.length; i++) {
            for (int c = 0; c < kept.length; c++) {
                out[i][c] = xreg[i][kept[c]];
            }
        }
        return out;
    }

    private static double[] column(double[][] xreg, int j) {
        double[] col = new double[xreg.length];
        for (int i = 0; i < xreg.length; i++) {
            col[i] = xreg[i][j];
        }
        return col;
    }
}
