package dev.automl.algorithms.linear;

import java.util.Arrays;

/** The columns whose values are not all equal, and a matrix cut down to them. */
final class VaryingColumns {

    private VaryingColumns() {
    }

    static int[] of(double[][] x) {
        if (x.length == 0) {
            return new int[0];
        }
        int p = x[0].length;
        boolean[] varies = new boolean[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                if (row[j] != x[0][j]) {
                    varies[j] = true;
                }
            }
        }
        int[] out = new int[p];
        int n = 0;
        for (int j = 0; j < p; j++) {
            if (varies[j]) {
                out[n++] = j;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double[][] select(double[][] x, int[] columns) {
        double[][] out = new double[x.length][columns.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < columns.length; c++) {
                out[i][c] = x[i][columns[c]];
            }
        }
        return out;
    }
}
