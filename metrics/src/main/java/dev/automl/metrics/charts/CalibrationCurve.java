package dev.automl.metrics.charts;

/**
 * A reliability diagram per class against the rest, as scikit-learn's {@code calibration_curve(strategy="uniform")}
 * bins it: ten equal-width bins of the predicted probability ({@code np.searchsorted(edges[1:-1], p)}, so a bin holds
 * (left, right], the first also 0), and in each the mean predicted probability and the fraction of rows of the class.
 * Not one of Azure's artifacts (its studio draws calibration from the accuracy table); empty bins are kept with a
 * count of 0 so that every class has the same bins.
 *
 * @param binEdges         11 edges from 0 to 1
 * @param counts           [class][bin] rows in the bin
 * @param meanPredicted    [class][bin] their mean predicted probability of the class; NaN for an empty bin
 * @param fractionPositive [class][bin] the share of them that are of the class; NaN for an empty bin
 */
public record CalibrationCurve(double[] binEdges, long[][] counts, double[][] meanPredicted,
                               double[][] fractionPositive) {

    public static final int BINS = 10;

    public static CalibrationCurve of(int[] y, double[] proba, int numClasses) {
        Inputs.checkClassification(y, proba, numClasses);
        double[] edges = Grid.linspace(0, 1, BINS + 1);
        long[][] counts = new long[numClasses][BINS];
        double[][] predicted = new double[numClasses][BINS];
        double[][] positive = new double[numClasses][BINS];
        for (int i = 0; i < y.length; i++) {
            for (int c = 0; c < numClasses; c++) {
                double p = proba[i * numClasses + c];
                int b = 0;
                while (b < BINS - 1 && edges[b + 1] < p) {
                    b++;
                }
                counts[c][b]++;
                predicted[c][b] += p;
                if (y[i] == c) {
                    positive[c][b]++;
                }
            }
        }
        for (int c = 0; c < numClasses; c++) {
            for (int b = 0; b < BINS; b++) {
                predicted[c][b] = counts[c][b] > 0 ? predicted[c][b] / counts[c][b] : Double.NaN;
                positive[c][b] = counts[c][b] > 0 ? positive[c][b] / counts[c][b] : Double.NaN;
            }
        }
        return new CalibrationCurve(edges, counts, predicted, positive);
    }
}
