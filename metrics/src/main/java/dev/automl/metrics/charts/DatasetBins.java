package dev.automl.metrics.charts;

import java.util.Arrays;

/**
 * The bins of a regression target that Azure's predicted-against-true chart uses ({@code make_dataset_bins}): about
 * sqrt(rows scored) bins (1 to 100) evenly spaced between the target's 1st and 99th percentiles, with an outlier bin
 * on each side reaching the target's minimum and maximum, edges rounded for display. When the 1st and 99th
 * percentiles coincide (a skewed target), three bins around that value.
 *
 * @param edges the bins' edges, ascending, one more than the bins (two equal edges for a constant target)
 */
public record DatasetBins(double[] edges) {

    private static final int MAX_BINS = 100;
    private static final int SKEW_MAX_PRECISION = 32;
    private static final double SKEW_WEIGHT = 19;

    public int bins() {
        return edges.length - 1;
    }

    /**
     * @param scoredRows how many rows will be binned (the validation or test rows)
     * @param y          the targets that set the range: all rows of the training data
     */
    public static DatasetBins of(int scoredRows, double[] y) {
        if (scoredRows <= 0 || y.length == 0) {
            throw new IllegalArgumentException("need rows to bin: " + scoredRows + " scored, " + y.length + " targets");
        }
        double[] sorted = Grid.sorted(y);
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (min == max) {
            return new DatasetBins(new double[] {y[0], y[0]});
        }
        double firstEnd = Grid.percentile(sorted, 1);
        double lastStart = Grid.percentile(sorted, 99);
        int bins;
        if (firstEnd == lastStart) {
            double[] skewed = skewedOutliers(firstEnd, lastStart, sorted);
            firstEnd = skewed[0];
            lastStart = skewed[1];
            bins = 3;
        } else {
            bins = (int) Math.min(MAX_BINS, Math.max(1, Math.ceil(Math.sqrt(scoredRows))));
        }
        double[] inner = Grid.linspace(firstEnd, lastStart, bins - 1);
        double width = (lastStart - firstEnd) / bins;
        double[] edges = new double[inner.length + 2];
        edges[0] = round(min, width, -1);
        for (int i = 0; i < inner.length; i++) {
            edges[i + 1] = round(inner[i], width, 0);
        }
        edges[edges.length - 1] = round(max, width, 1);
        // np.unique: sorted, and bins of width zero gone.
        return new DatasetBins(Arrays.stream(edges).sorted().distinct().toArray());
    }

    /** Moves the outlier bins' inner edges a twentieth of the way towards the nearest different values. */
    private static double[] skewedOutliers(double firstEnd, double lastStart, double[] sorted) {
        for (int i = 0; i <= SKEW_MAX_PRECISION; i++) {
            double candidate = Grid.lower(sorted, i < SKEW_MAX_PRECISION ? 1 / Math.pow(2, i) : 0);
            if (candidate != firstEnd) {
                firstEnd = (firstEnd * SKEW_WEIGHT + candidate) / (SKEW_WEIGHT + 1);
                break;
            }
        }
        for (int i = 0; i <= SKEW_MAX_PRECISION; i++) {
            double candidate = Grid.higher(sorted, i < SKEW_MAX_PRECISION ? 100 - 1 / Math.pow(2, i) : 100);
            if (candidate != lastStart) {
                lastStart = (lastStart * SKEW_WEIGHT + candidate) / (SKEW_WEIGHT + 1);
                break;
            }
        }
        return new double[] {firstEnd, lastStart};
    }

    /**
     * Azure's {@code _round_bin_edge}: to 2 decimals beyond the bin width's magnitude (2 decimals for widths of 1 and
     * more when rounding to nearest); {@code direction} -1 rounds down, 1 up, 0 to nearest.
     */
    private static double round(double edge, double width, int direction) {
        // Python's int() truncates towards zero.
        int magnitude = -(int) Math.log10(width) + 2;
        if (direction == 0) {
            return Grid.around(edge, width >= 1 ? 2 : magnitude);
        }
        double mult = Math.pow(10, magnitude);
        double scaled = direction > 0 ? Math.ceil(edge * mult) : Math.floor(edge * mult);
        return Grid.around(scaled / mult, magnitude);
    }
}
