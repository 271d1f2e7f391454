package dev.automl.metrics.charts;

/**
 * Azure's accuracy table (schema 1.0.1), from which ROC, precision-recall and lift curves are drawn: for each class
 * against the rest and each of 100 thresholds, the rows scoring at or above it as predicted positive, counted as
 * [tp, fp, tn, fn]. Probability thresholds are {@code np.linspace(0, 1, 100)}; percentile thresholds are the
 * percentiles at those fractions of all predicted probabilities together (every class's column). A class absent
 * from y gets a table of zeros, as Azure pads it. Sample weights are not used, as in Azure.
 *
 * @param probabilityTables [class][threshold][tp, fp, tn, fn] at {@code probabilityThresholds}
 * @param percentileTables  the same at {@code percentileThresholds}
 */
public record AccuracyTable(double[] probabilityThresholds, double[] percentileThresholds,
                            long[][][] probabilityTables, long[][][] percentileTables) {

    /** Azure's NUM_POINTS. */
    public static final int POINTS = 100;

    /**
     * @param y     true class of each row, in [0, numClasses)
     * @param proba predicted probabilities, row-major y.length x numClasses
     */
    public static AccuracyTable of(int[] y, double[] proba, int numClasses) {
        Inputs.checkClassification(y, proba, numClasses);
        if (y.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        double[] probability = Grid.linspace(0, 1, POINTS);
        double[] all = Grid.sorted(proba);
        double[] percentile = new double[POINTS];
        for (int t = 0; t < POINTS; t++) {
            percentile[t] = Grid.percentile(all, probability[t] * 100);
        }
        return new AccuracyTable(probability, percentile, tables(y, proba, numClasses, probability),
                tables(y, proba, numClasses, percentile));
    }

    private static long[][][] tables(int[] y, double[] proba, int k, double[] thresholds) {
        int n = y.length;
        long[][][] out = new long[k][thresholds.length][4];
        for (int c = 0; c < k; c++) {
            long positives = 0;
            for (int label : y) {
                if (label == c) {
                    positives++;
                }
            }
            if (positives == 0) {
                continue; // Azure pads a class absent from y with zeros
            }
            for (int t = 0; t < thresholds.length; t++) {
                long fn = 0;
                long under = 0;
                for (int i = 0; i < n; i++) {
                    if (proba[i * k + c] < thresholds[t]) {
                        under++;
                        if (y[i] == c) {
                            fn++;
                        }
                    }
                }
                long tn = under - fn;
                out[c][t] = new long[] {positives - fn, n - positives - tn, tn, fn};
            }
        }
        return out;
    }
}
