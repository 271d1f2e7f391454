package dev.automl.featurization;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Azure's TextTargetEncoder: a ridge regression from a text column's TF-IDF features to the target (to each class
 * for several, to the standardised value for regression), whose predictions give tree learners the text's signal
 * in a column or a few rather than hundreds of sparse ones.
 *
 * @param weights    per output, one weight per TF-IDF feature
 * @param intercepts per output
 */
public record TextTargetModel(@JsonProperty("outputs") List<String> outputs,
                              @JsonProperty("weights") double[][] weights,
                              @JsonProperty("intercepts") double[] intercepts) {

    /** The ridge penalty, as scikit-learn's Ridge default: TF-IDF blocks have unit length, so 1 is moderate. */
    static final double PENALTY = 1.0;

    public TextTargetModel {
        outputs = List.copyOf(outputs);
    }

    /** The model on all given rows, and each row's prediction from the model of the other four fifths. */
    record Fitted(TextTargetModel model, float[] outOfFold) {
    }

    /** One row's features as the positions and values that are not zero. */
    record SparseRow(int[] at, float[] values) {
    }

    /**
     * Fits on rows given as sparse TF-IDF vectors of width {@code d}; {@code figures} holds each row's
     * {@code outputs.size()} targets, row after row. Rows are in fold {@code i % 5}, as target statistics.
     */
    static Fitted fit(List<SparseRow> rows, int d, double[] figures, List<String> outputs) {
        int k = outputs.size();
        int folds = TargetStatistics.FOLDS;
        // Per fold: X'X, X'y, the sums of x and y, and the row count; a fold's complement is all minus it.
        double[][][] gram = new double[folds][d][d];
        double[][][] xy = new double[folds][k][d];
        double[][] sumX = new double[folds][d];
        double[][] sumY = new double[folds][k];
        int[] count = new int[folds];
        for (int i = 0; i < rows.size(); i++) {
            int f = i % folds;
            SparseRow r = rows.get(i);
            count[f]++;
            for (int a = 0; a < r.at().length; a++) {
                int p = r.at()[a];
                double v = r.values()[a];
                sumX[f][p] += v;
                for (int b = 0; b < r.at().length; b++) {
                    gram[f][p][r.at()[b]] += v * r.values()[b];
                }
                for (int j = 0; j < k; j++) {
                    xy[f][j][p] += v * figures[i * k + j];
                }
            }
            for (int j = 0; j < k; j++) {
                sumY[f][j] += figures[i * k + j];
            }
        }
        TextTargetModel[] outside = new TextTargetModel[folds];
        for (int f = 0; f < folds; f++) {
            outside[f] = solve(gram, xy, sumX, sumY, count, f, outputs);
        }
        float[] oof = new float[rows.size() * k];
        for (int i = 0; i < rows.size(); i++) {
            double[] p = outside[i % folds].predict(rows.get(i));
            for (int j = 0; j < k; j++) {
                oof[i * k + j] = (float) p[j];
            }
        }
        return new Fitted(solve(gram, xy, sumX, sumY, count, -1, outputs), oof);
    }

    /** Ridge regression with an unpenalised intercept on the rows of every fold but {@code without} (-1: all). */
    private static TextTargetModel solve(double[][][] gram, double[][][] xy, double[][] sumX, double[][] sumY,
                                         int[] count, int without, List<String> outputs) {
        int d = sumX[0].length;
        int k = outputs.size();
        double n = 0;
        double[] mx = new double[d];
        double[] my = new double[k];
        double[][] g = new double[d][d];
        double[][] b = new double[k][d];
        for (int f = 0; f < count.length; f++) {
            if (f == without) {
                continue;
            }
            n += count[f];
            for (int p = 0; p < d; p++) {
                mx[p] += sumX[f][p];
                for (int q = 0; q < d; q++) {
                    g[p][q] += gram[f][p][q];
                }
                for (int j = 0; j < k; j++) {
                    b[j][p] += xy[f][j][p];
                }
            }
            for (int j = 0; j < k; j++) {
                my[j] += sumY[f][j];
            }
        }
        double[][] weights = new double[k][d];
        double[] intercepts = new double[k];
        if (n == 0) {
            return new TextTargetModel(outputs, weights, intercepts);
        }
        for (int p = 0; p < d; p++) {
            mx[p] /= n;
        }
        for (int j = 0; j < k; j++) {
            my[j] /= n;
        }
        // Centred normal equations: (X'X - n mx mx' + penalty I) w = X'y - n mx my.
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                g[p][q] -= n * mx[p] * mx[q];
            }
            g[p][p] += PENALTY;
        }
        double[][] l = cholesky(g);
        for (int j = 0; j < k; j++) {
            double[] rhs = new double[d];
            for (int p = 0; p < d; p++) {
                rhs[p] = b[j][p] - n * mx[p] * my[j];
            }
            weights[j] = solveCholesky(l, rhs);
            double dot = 0;
            for (int p = 0; p < d; p++) {
                dot += mx[p] * weights[j][p];
            }
            intercepts[j] = my[j] - dot;
        }
        return new TextTargetModel(outputs, weights, intercepts);
    }

    /** The lower-triangular L with L L' = a, for a symmetric positive definite matrix (the penalty makes it so). */
    private static double[][] cholesky(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j][j];
            }
        }
        return l;
    }

    private static double[] solveCholesky(double[][] l, double[] b) {
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * y[m];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int m = i + 1; m < d; m++) {
                s -= l[m][i] * x[m];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** The predictions for one row, one per output. */
    double[] predict(SparseRow row) {
        double[] out = intercepts.clone();
        for (int j = 0; j < out.length; j++) {
            for (int a = 0; a < row.at().length; a++) {
                out[j] += weights[j][row.at()[a]] * row.values()[a];
            }
        }
        return out;
    }

    /** The outputs' feature names for a column. */
    List<String> featureNames(String column) {
        List<String> names = new ArrayList<>();
        for (String o : outputs) {
            names.add(column + "__text_" + o);
        }
        return names;
    }
}
