package dev.automl.metrics.charts;

/**
 * Azure's residual histogram (residual = predicted - true): ten bins, the eight inner ones evenly spaced over
 * [-2 sd, 2 sd] of the training target (sd rounded up for display, edges rounded), and an outlier bin on each side;
 * the outer edges are the extreme residuals when they fall there, else one bin width further out.
 *
 * @param binEdges  11 edges, ascending
 * @param binCounts 10 counts; a bin holds [left, right) and the last also its right edge
 * @param mean      the residuals' mean
 * @param stddev    their population standard deviation
 * @param count     how many residuals
 */
public record Residuals(double[] binEdges, long[] binCounts, double mean, double stddev, int count) {

    private static final int BINS = 10;

    /**
     * @param targetStd the population standard deviation of the training target (Azure's y_std); 0 counts as 1
     */
    public static Residuals of(double[] yTrue, double[] yPred, double targetStd) {
        Inputs.checkRegression(yTrue, yPred);
        int n = yTrue.length;
        double[] residuals = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            residuals[i] = yPred[i] - yTrue[i];
            sum += residuals[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double r : residuals) {
            squares += (r - mean) * (r - mean);
        }
        double[] edges = edges(2 * (targetStd == 0 ? 1 : targetStd));
        long[] counts = new long[BINS];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double r : residuals) {
            counts[bin(edges, r)]++;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        edges[0] = min < edges[1] ? min : edges[1] - Math.abs(edges[2] - edges[1]);
        int last = edges.length - 1;
        edges[last] = max >= edges[last - 1] ? max : edges[last - 1] + Math.abs(edges[last - 1] - edges[last - 2]);
        return new Residuals(edges, counts, mean, Math.sqrt(squares / n), n);
    }

    /** -inf, nine rounded edges over [-bound, bound], +inf. */
    private static double[] edges(double bound) {
        int inner = BINS - 1;
        bound = Math.abs(bound);
        int boundPlaces = (int) Math.max(2, -Math.log10(bound) + 3);
        bound = Math.ceil(bound * Math.pow(10, boundPlaces)) / Math.pow(10, boundPlaces);
        // Azure sizes the rounding by bound / 9 although the edges are 2 * bound / 8 apart.
        int places = (int) Math.max(2, -Math.log10(bound / inner) + 3);
        double[] spaced = Grid.linspace(-bound, bound, inner);
        double[] edges = new double[BINS + 1];
        edges[0] = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < inner; i++) {
            edges[i + 1] = Grid.around(spaced[i], places);
        }
        edges[BINS] = Double.POSITIVE_INFINITY;
        return edges;
    }

    /** np.histogram's bin: the last edge at or below the value; the last bin is closed on the right. */
    private static int bin(double[] edges, double v) {
        for (int b = edges.length - 2; b > 0; b--) {
            if (v >= edges[b]) {
                return b;
            }
        }
        return 0;
    }
}
