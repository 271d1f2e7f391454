package dev.automl.metrics.charts;

/**
 * Azure's predicted-against-true chart ({@code predictions}, schema 1.0.0): the rows binned by their true value on
 * {@link DatasetBins}, with the mean and population standard deviation of their predictions per bin (0 for an empty
 * bin, as Azure writes). A bin holds (start, end], the first also everything below; a true value above the last
 * edge counts in no bin.
 */
public record PredictedTrue(double[] binEdges, long[] binCounts, double[] binAverages, double[] binErrors) {

    public static PredictedTrue of(double[] yTrue, double[] yPred, DatasetBins bins) {
        Inputs.checkRegression(yTrue, yPred);
        int k = bins.bins();
        double[] edges = bins.edges();
        long[] counts = new long[Math.max(k, 1)];
        double[] sums = new double[counts.length];
        int[] binOf = new int[yTrue.length];
        for (int i = 0; i < yTrue.length; i++) {
            // np.digitize(y, bin_ends, right=True): how many bin ends lie below the value.
            int b = 0;
            while (b < k && edges[b + 1] < yTrue[i]) {
                b++;
            }
            binOf[i] = b;
            if (b < counts.length) {
                counts[b]++;
                sums[b] += yPred[i];
            }
        }
        double[] means = new double[counts.length];
        double[] squares = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            means[b] = counts[b] > 0 ? sums[b] / counts[b] : 0;
        }
        for (int i = 0; i < yTrue.length; i++) {
            int b = binOf[i];
            if (b < counts.length) {
                squares[b] += (yPred[i] - means[b]) * (yPred[i] - means[b]);
            }
        }
        double[] errors = new double[counts.length];
        for (int b = 0; b < counts.length; b++) {
            errors[b] = counts[b] > 0 ? Math.sqrt(squares[b] / counts[b]) : 0;
        }
        return new PredictedTrue(edges.clone(), counts, means, errors);
    }
}
