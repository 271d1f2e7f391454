package dev.automl.metrics.charts;

/**
 * Azure's confusion matrix: rows are the true classes, columns the predicted (most probable, lowest index on ties)
 * ones, each cell the rows' summed sample weight, so counts when every row weighs 1.
 *
 * @param matrix {@code matrix[true][predicted]}, numClasses x numClasses
 */
public record ConfusionMatrix(double[][] matrix) {

    /**
     * @param y       true class of each row, in [0, numClasses)
     * @param proba   predicted probabilities, row-major y.length x numClasses
     * @param weights sample weights, or null for all ones
     */
    public static ConfusionMatrix of(int[] y, double[] proba, int numClasses, double[] weights) {
        Inputs.checkClassification(y, proba, numClasses);
        double[][] m = new double[numClasses][numClasses];
        for (int i = 0; i < y.length; i++) {
            m[y[i]][Inputs.argmax(proba, i, numClasses)] += weights == null ? 1 : weights[i];
        }
        return new ConfusionMatrix(m);
    }

    /** Each row divided by its total (the recall of each true class and where its misses went); a 0 row stays 0. */
    public double[][] normalized() {
        double[][] out = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            double total = 0;
            for (double v : matrix[r]) {
                total += v;
            }
            out[r] = new double[matrix[r].length];
            for (int c = 0; c < matrix[r].length; c++) {
                out[r][c] = total > 0 ? matrix[r][c] / total : 0;
            }
        }
        return out;
    }
}
